import { createHash, randomBytes } from 'node:crypto';
import type { CollectionName } from '@prossima/domain';
import { districtDatabase, type CouchStore } from '../store/couch-store';
import { patientKeyedId, readPatientRange } from './patient-keyed';

/** What an audit entry records. */
export type AuditAction = 'create' | 'update' | 'delete' | 'open';

/**
 * One audit entry as stored: who, from which device, when, what. Ids only,
 * never document content (the audit trail must not become a copy of the
 * clinical record).
 */
export interface AuditEntry {
  /** When it happened: the write's time on the server, or the opening's time on the tablet. */
  at: string;
  /** When the server recorded it. */
  recordedAt: string;
  userId: string;
  deviceId: string;
  action: AuditAction;
  /** The patient the document or the opened record concerns, when there is one. */
  patientId?: string;
  collection?: CollectionName;
  docId?: string;
  rev?: string;
}

/** One accepted write through the sync gateway. */
export interface WriteAuditEntry {
  userId: string;
  deviceId: string;
  collection: CollectionName;
  docId: string;
  rev: string;
  action: 'create' | 'update' | 'delete';
  patientId?: string;
}

/** One opening of a patient's record by staff, as the tablet queued it (possibly offline). */
export interface RecordOpening {
  patientId: string;
  /** When the record was opened, on the tablet's clock. */
  at: string;
}

/** Most entries one patient's audit answer lists. */
export const MAX_AUDIT_LIMIT = 1000;

/**
 * Append-only audit trail, one store database per district
 * (`prossima-<district>-audit`), never reachable through `/sync`. Entries are
 * keyed by patient and time (see patient-keyed.ts), so a patient's trail is
 * one range of the primary index.
 */
export class AuditLog {
  constructor(
    private readonly store: CouchStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Append the entries of accepted writes in one district. */
  async append(districtId: string, entries: WriteAuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const at = this.now().toISOString();
    const docs = entries.map((entry) => ({ _id: patientKeyedId(entry.patientId, at, randomBytes(6).toString('hex')), at, recordedAt: at, ...entry }));
    await this.insert(districtId, docs);
  }

  /**
   * Record openings of patients' records. Each entry's key is derived from
   * who, which device, which patient and when, so a batch the tablet sends
   * again (its answer lost on a flaky link) is recorded once. Returns how many
   * entries were new.
   */
  async recordOpenings(districtId: string, who: { userId: string; deviceId: string }, openings: RecordOpening[]): Promise<number> {
    if (openings.length === 0) return 0;
    const recordedAt = this.now().toISOString();
    const docs = openings.map(({ patientId, at }) => {
      const digest = createHash('sha256').update(JSON.stringify([who.userId, who.deviceId, patientId, at])).digest('hex').slice(0, 16);
      return { _id: patientKeyedId(patientId, at, digest), at, recordedAt, userId: who.userId, deviceId: who.deviceId, action: 'open', patientId, collection: 'patients', docId: patientId };
    });
    const results = await this.insert(districtId, docs);
    // A conflict is an entry stored by an earlier delivery of the same batch.
    return results.filter((result) => result.ok).length;
  }

  /** The entries about `patientId` in `districtId`, newest first; none when the district has no audit yet. */
  forPatient(districtId: string, patientId: string, limit: number): Promise<AuditEntry[]> {
    return readPatientRange<AuditEntry>(this.store, districtDatabase(districtId, 'audit'), patientId, limit);
  }

  private async insert(districtId: string, docs: object[]): Promise<{ id: string; ok?: boolean; error?: string }[]> {
    const db = districtDatabase(districtId, 'audit');
    await this.store.ensureDatabase(db);
    return this.store.request({ db, path: '_bulk_docs', method: 'POST', body: { docs } });
  }
}
