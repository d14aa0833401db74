import { matchesSelector } from 'pouchdb-selector-core';
import {
  accessSelector,
  COLLECTION_TRAITS,
  DOCUMENT_ID_PATTERN,
  jsonEqual,
  rightsOf,
  type AccessContext,
  type CollectionName,
  type SessionUser,
} from '@prossima/domain';
import { dangerousKeyPath } from '../request-body';
import type { DocumentValidator } from './document-validator';

/** A stored or incoming CouchDB document. */
export type CouchDoc = Record<string, unknown> & { _id: string; _rev?: string; _deleted?: boolean };

/** Why one document of a write was refused: CouchDB's per-document error shape. */
export interface WriteRefusal {
  error: 'forbidden' | 'invalid';
  reason: string;
}

/**
 * What to do with one incoming document:
 * - `store`: every check passed, write it;
 * - `unchanged`: it repeats the stored revision of a document that can no
 *   longer change (a retried push): answer success, write nothing;
 * - a refusal naming the document and the rule.
 */
export type WriteDecision = { verdict: 'store' } | { verdict: 'unchanged'; rev: string } | ({ verdict: 'refuse' } & WriteRefusal);

/** Everything one write decision needs. */
export interface WriteCheckInput {
  user: SessionUser;
  collection: CollectionName;
  doc: unknown;
  /** The stored winning revision of the same id, if there is one. */
  existing: CouchDoc | null;
  context: AccessContext;
  validator: DocumentValidator;
}

const ID_RE = new RegExp(DOCUMENT_ID_PATTERN);
const METADATA_FIELDS = new Set(['_id', '_rev', '_deleted', '_revisions']);
/** Visit statuses that end a visit (with `endedAt` set, the visit is closed for good). */
const CLOSING_STATUSES = new Set(['done', 'missed']);

/**
 * Decide whether `user` may store `doc`: shape, schema, the access table, no
 * forged `districtId` / `updatedBy` / `patientId`, append-only collections
 * never changed, closed visits never reopened.
 */
export function decideWrite(input: WriteCheckInput): WriteDecision {
  const { user, collection, doc, existing, context, validator } = input;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return invalid('each document must be a JSON object');
  }
  const dangerous = findDangerousKey(doc);
  if (dangerous) return invalid(`forbidden key "${dangerous}"`);
  const id = (doc as { _id?: unknown })._id;
  if (typeof id !== 'string' || !ID_RE.test(id)) {
    return invalid(`_id must be a string matching ${DOCUMENT_ID_PATTERN}`);
  }
  const writeSelector = accessSelector(user, collection, 'write', context);
  if (!rightsOf(user.role, collection).write || !writeSelector) {
    return forbidden(`role "${user.role}" may not write ${collection}`);
  }
  const candidate = doc as CouchDoc;
  const liveExisting = existing && !existing._deleted ? existing : null;
  if (liveExisting && !matchesSelector(liveExisting, writeSelector)) {
    return forbidden(`${collection} document ${id} is outside your rights`);
  }
  if (liveExisting) {
    const frozen = frozenBecause(collection, liveExisting);
    if (frozen) return sameContent(candidate, liveExisting) ? { verdict: 'unchanged', rev: String(liveExisting._rev) } : forbidden(frozen);
  }
  if (candidate._deleted === true && isTombstoneOnly(candidate)) {
    return liveExisting ? STORE : forbidden(`nothing to delete: ${id} does not exist or is outside your rights`);
  }
  const schemaProblem = validator.problemOf(collection, candidate);
  if (schemaProblem) return invalid(`${collection} document ${id}: ${schemaProblem}`);
  if (candidate['districtId'] !== user.districtId) {
    return forbidden(`${collection} document ${id}: districtId must be your district "${user.districtId}", not "${String(candidate['districtId'])}"`);
  }
  if (candidate['updatedBy'] !== user.id) {
    return forbidden(`${collection} document ${id}: updatedBy must be the signed-in user "${user.id}", not "${String(candidate['updatedBy'])}"`);
  }
  if (liveExisting && 'patientId' in liveExisting && liveExisting['patientId'] !== candidate['patientId']) {
    return forbidden(`patientId of ${id} cannot change`);
  }
  if (!matchesSelector(candidate, writeSelector)) {
    return forbidden(
      'patientId' in candidate
        ? `${collection} document ${id}: patient "${String(candidate['patientId'])}" is not in your care`
        : `${collection} document ${id} is outside your rights`,
    );
  }
  return STORE;
}

/** Why the stored document can no longer change, or null while it can. */
export function frozenBecause(collection: CollectionName, stored: CouchDoc): string | null {
  if (COLLECTION_TRAITS[collection].appendOnly) {
    return `${collection} are append-only: ${stored._id} cannot be changed or deleted; write a new document with supersedes`;
  }
  if (collection === 'visits' && CLOSING_STATUSES.has(String(stored['status'])) && typeof stored['endedAt'] === 'string') {
    return `visit ${stored._id} is closed (${String(stored['status'])} at ${stored['endedAt']}): it can no longer be changed`;
  }
  return null;
}

/** True when `candidate` carries the same data as `stored` (revision metadata aside): a re-send, not a change. */
function sameContent(candidate: CouchDoc, stored: CouchDoc): boolean {
  if (candidate._deleted === true) return false;
  return jsonEqual(withoutMetadata(candidate), withoutMetadata(stored));
}

function withoutMetadata(doc: CouchDoc): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !METADATA_FIELDS.has(key)));
}

const STORE: WriteDecision = { verdict: 'store' };

function invalid(reason: string): WriteDecision {
  return { verdict: 'refuse', error: 'invalid', reason };
}

function forbidden(reason: string): WriteDecision {
  return { verdict: 'refuse', error: 'forbidden', reason };
}

/** A deletion that carries only metadata (CouchDB's bare tombstone). */
function isTombstoneOnly(doc: CouchDoc): boolean {
  return Object.keys(doc).every((key) => METADATA_FIELDS.has(key));
}

/** The first prototype-polluting key anywhere in `value`, or null. */
export function findDangerousKey(value: unknown): string | null {
  return dangerousKeyPath(value)?.at(-1) ?? null;
}
