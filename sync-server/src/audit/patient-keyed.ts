import { HttpError } from '../errors';
import type { CouchStore } from '../store/couch-store';

/**
 * Append-only logs (audit trail, conflict log) key their entries
 * `p~<patientId>~<time>~<suffix>` when they concern a patient, and
 * `<time>~<suffix>` otherwise: a patient's entries are then one ordered range
 * of the primary index, read newest first with `descending`, with no view to
 * build or keep (on the embedded store and on CouchDB alike). `~` sorts after
 * every character a document id may hold, so one patient's range never
 * reaches into another's.
 */
export function patientKeyedId(patientId: string | undefined, at: string, suffix: string): string {
  return patientId ? `p~${patientId}~${at}~${suffix}` : `${at}~${suffix}`;
}

/** The entries of `patientId` in `db`, newest first, without store metadata; none when the database does not exist. */
export async function readPatientRange<T>(store: CouchStore, db: string, patientId: string, limit: number): Promise<T[]> {
  const prefix = `p~${patientId}~`;
  try {
    const answer = await store.request<{ rows: { id: string; doc?: Record<string, unknown> | null }[] }>({
      db,
      path: '_all_docs',
      qs: {
        descending: 'true',
        include_docs: 'true',
        limit,
        // Descending: from the end of the patient's range back to its start (nano JSON-encodes keys itself).
        startkey: `${prefix}\ufff0`,
        endkey: prefix,
      },
    });
    return answer.rows.flatMap((row) => (row.doc ? [withoutMetadata<T>(row.doc)] : []));
  } catch (error) {
    // A district where nothing was logged yet has no such database: its log is empty.
    if (error instanceof HttpError && error.status === 404) return [];
    throw error;
  }
}

/** A stored entry without `_id` / `_rev`. */
export function withoutMetadata<T>(doc: Record<string, unknown>): T {
  const { _id, _rev, ...entry } = doc;
  return entry as T;
}
