import { createHash } from 'node:crypto';
import type { ConflictLogEntry, ConflictReport } from '@prossima/domain';
import { patientKeyedId, readPatientRange, withoutMetadata } from '../audit/patient-keyed';
import { HttpError } from '../errors';
import type { CouchStore } from '../store/couch-store';

/** The conflict log of one district; named like every district database (`prossima-<district>-<kind>`). */
export function conflictDatabase(districtId: string): string {
  return `prossima-${districtId}-conflicts`;
}

/** A concurrent edit a tablet merged, as it reported it (the shape is the domain's). */
export type ReportedConflict = ConflictReport;

/** One entry of the conflict log: the report, who sent it from which device, when it was recorded. */
export type ConflictEntry = ConflictLogEntry;

/**
 * Append-only log of merged conflicts, one store database per district.
 * Entries are keyed by patient and time like the audit trail, and the key
 * is derived from the report itself, so a report the tablet sends twice is
 * kept once.
 */
export class ConflictLog {
  constructor(
    private readonly store: CouchStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Append reports from one user's device; returns how many were new. */
  async append(districtId: string, who: { userId: string; deviceId: string }, reports: ReportedConflict[]): Promise<number> {
    if (reports.length === 0) return 0;
    const recordedAt = this.now().toISOString();
    const docs = reports.map((report) => {
      const digest = createHash('sha256')
        .update(JSON.stringify([who.userId, who.deviceId, report.collection, report.docId, report.detectedAt, report.overridden]))
        .digest('hex')
        .slice(0, 16);
      const entry: ConflictEntry = { ...report, ...who, recordedAt };
      return { _id: patientKeyedId(report.patientId, report.detectedAt, digest), ...entry };
    });
    const db = conflictDatabase(districtId);
    await this.store.ensureDatabase(db);
    const results = await this.store.request<{ ok?: boolean }[]>({ db, path: '_bulk_docs', method: 'POST', body: { docs } });
    // A conflict on the key is the same report stored by an earlier delivery.
    return results.filter((result) => result.ok).length;
  }

  /** One patient's conflicts, newest detection first. */
  forPatient(districtId: string, patientId: string, limit: number): Promise<ConflictEntry[]> {
    return readPatientRange<ConflictEntry>(this.store, conflictDatabase(districtId), patientId, limit);
  }

  /** The district's latest conflicts, most recently recorded first (the log's changes feed, backwards). */
  async latest(districtId: string, limit: number): Promise<ConflictEntry[]> {
    try {
      const answer = await this.store.request<{ results: { doc?: Record<string, unknown> | null }[] }>({
        db: conflictDatabase(districtId),
        path: '_changes',
        qs: { descending: 'true', include_docs: 'true', limit },
      });
      return answer.results.flatMap((row) => (row.doc ? [withoutMetadata<ConflictEntry>(row.doc)] : []));
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) return [];
      throw error;
    }
  }
}
