import type { CollectionName } from './collections';

/**
 * Deterministic merge of two concurrent edits of one mutable document
 * (DESIGN.md: "merged deterministically with the losing revision kept").
 *
 * Field by field against the common base: a field changed on one side only
 * takes that side's value; a field changed on both sides takes the value of
 * the side with the later `updatedAt` (ties broken by `updatedBy`, so both
 * devices compute the same result whichever is "local"). The caller keeps the
 * losing values (`overridden`) in the conflict log.
 */

/** A document as merged: plain JSON with the audited fields. */
export type MergeableDoc = Record<string, unknown> & { updatedAt: string; updatedBy: string };

/** What a merge produced. */
export interface MergeResult<T extends MergeableDoc> {
  merged: T;
  /** Fields both sides changed to different values, decided by `updatedAt`. */
  contested: string[];
  /** The side whose contested values lost, as it was: kept in the conflict log. */
  overridden: T | null;
}

/** Fields the merge does not treat as data (replication metadata and the audit pair it recomputes). */
const SKIPPED = new Set(['_rev', '_meta', '_attachments', '_deleted', 'updatedAt', 'updatedBy']);

/** Structural equality of JSON values (objects compared key by key, arrays in order). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** True when `a` was written after `b` (ties broken by author so the order is total). */
function isLater(a: MergeableDoc, b: MergeableDoc): boolean {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt;
  return a.updatedBy > b.updatedBy;
}

/**
 * Merge `local` and `remote`, both descended from `base` (`null` when the
 * common ancestor is unknown: every differing field is then contested).
 */
export function mergeConcurrentEdits<T extends MergeableDoc>(base: T | null, local: T, remote: T): MergeResult<T> {
  const latest = isLater(local, remote) ? local : remote;
  const earliest = latest === local ? remote : local;
  const merged: Record<string, unknown> = {};
  const contested: string[] = [];
  const keys = new Set([...Object.keys(local), ...Object.keys(remote)]);
  for (const key of keys) {
    if (SKIPPED.has(key)) continue;
    const l = local[key];
    const r = remote[key];
    let value: unknown;
    if (jsonEqual(l, r)) value = l;
    else if (base && jsonEqual(l, base[key])) value = r;
    else if (base && jsonEqual(r, base[key])) value = l;
    else {
      contested.push(key);
      value = latest[key];
    }
    if (value !== undefined) merged[key] = value;
  }
  merged['updatedAt'] = latest.updatedAt;
  merged['updatedBy'] = latest.updatedBy;
  contested.sort();
  return { merged: merged as T, contested, overridden: contested.length ? earliest : null };
}

/**
 * A merged conflict as a tablet reports it to the server's conflict log
 * (`POST /api/conflicts`): the losing revision is kept there, never dropped.
 */
export interface ConflictReport {
  collection: CollectionName;
  docId: string;
  /** The patient the document concerns (the server takes it from the stored document). */
  patientId?: string;
  /** Fields both sides changed, decided by the later `updatedAt`. */
  contested: string[];
  /** The losing side, as it was. */
  overridden: Record<string, unknown>;
  /** What the merge produced and the tablet wrote. */
  merged: Record<string, unknown>;
  /** When the tablet detected the conflict, on its clock. */
  detectedAt: string;
}

/** One entry of the conflict log as the server keeps it: the report, who sent it from which device, when. */
export interface ConflictLogEntry extends ConflictReport {
  userId: string;
  deviceId: string;
  recordedAt: string;
}
