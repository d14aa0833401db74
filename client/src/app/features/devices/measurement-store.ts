/**
 * Stores the observations of one reading, locally (sync sends them later):
 * each is checked with the server's document rule first, and nothing is
 * written when one breaks it. An id already stored is the same reading
 * offered again (deterministic ids: the meter sent its memory again, "Salva"
 * pressed twice): it is skipped and reported as already saved, and told apart
 * when it was stored for another patient.
 */
import { inject, Injectable } from '@angular/core';
import { documentRuleProblem, type ObservationDoc } from '@prossima/domain';
import { firstValueFrom, from, of } from 'rxjs';
import { DatabaseService } from '../../core/database/database';
import { AppError } from '../../core/errors/app-errors';
import { LocalWrites } from '../../core/sync/local-writes';

/** What a save did with each observation. */
export interface SaveOutcome {
  /** Written now. */
  stored: ObservationDoc[];
  /** Already on this device for this patient: the same reading saved before. */
  alreadyStored: ObservationDoc[];
  /** Already on this device for ANOTHER patient: the reading belongs to someone else. */
  storedForAnotherPatient: ObservationDoc[];
  /** Not written: the write failed (storage full, collection missing); `errorCode` says why. */
  failed: ObservationDoc[];
  errorCode?: string;
}

/** An observation that breaks a document rule: nothing of the reading was written. */
export class ObservationRuleError extends Error {
  override readonly name = 'ObservationRuleError';
}

/** Writes a reading's observations once. */
@Injectable({ providedIn: 'root' })
export class MeasurementStore {
  private readonly writes = inject(LocalWrites);
  private readonly database = inject(DatabaseService);

  /** The stored observation with this id, or null. */
  stored(id: string): Promise<ObservationDoc | null> {
    return firstValueFrom(
      this.database.watch(({ collections: { observations } }) =>
        observations ? from(observations.findOne(id).exec().then((doc) => doc?.toMutableJSON() ?? null)) : of(null),
      ),
    );
  }

  /**
   * Checks every observation with the document rules (throws
   * ObservationRuleError, writing nothing, when one breaks them), then writes
   * those not stored yet.
   */
  async save(observations: readonly ObservationDoc[]): Promise<SaveOutcome> {
    for (const doc of observations) {
      const problem = documentRuleProblem('observations', { ...doc, _id: doc.id });
      if (problem) throw new ObservationRuleError(problem);
    }
    const outcome: SaveOutcome = { stored: [], alreadyStored: [], storedForAnotherPatient: [], failed: [] };
    for (const doc of observations) {
      const existing = await this.stored(doc.id);
      if (existing) {
        (existing.patientId === doc.patientId ? outcome.alreadyStored : outcome.storedForAnotherPatient).push(doc);
        continue;
      }
      try {
        outcome.stored.push(await this.writes.insert('observations', doc));
      } catch (error) {
        // LocalWrites throws AppError('save-failed') for any refused insert, a taken id among them (another tab saved it meanwhile).
        if (!(error instanceof AppError)) throw error;
        const raced = await this.stored(doc.id);
        if (raced) {
          (raced.patientId === doc.patientId ? outcome.alreadyStored : outcome.storedForAnotherPatient).push(doc);
        } else {
          outcome.failed.push(doc);
          outcome.errorCode = error.code;
        }
      }
    }
    return outcome;
  }
}
