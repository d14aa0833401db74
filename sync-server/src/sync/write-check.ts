import { matchesSelector } from 'pouchdb-selector-core';
import {
  accessSelector,
  DOCUMENT_ID_PATTERN,
  rightsOf,
  type AccessContext,
  type CollectionName,
  type SessionUser,
} from '@prossima/domain';
import type { DocumentValidator } from './document-validator';

/** A stored or incoming CouchDB document. */
export type CouchDoc = Record<string, unknown> & { _id: string; _rev?: string; _deleted?: boolean };

/** Why one document of a write was refused: CouchDB's per-document error shape. */
export interface WriteRefusal {
  error: 'forbidden' | 'invalid';
  reason: string;
}

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
const DANGEROUS_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const METADATA_FIELDS = new Set(['_id', '_rev', '_deleted', '_revisions']);

/**
 * Decide whether `user` may store `doc`: shape, schema, the access table, and
 * no forged `districtId` / `updatedBy` / `patientId`. Returns `null` when the
 * write is allowed, else the refusal naming the reason.
 */
export function checkWrite(input: WriteCheckInput): WriteRefusal | null {
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
  if (candidate._deleted === true && isTombstoneOnly(candidate)) {
    return liveExisting ? null : forbidden(`nothing to delete: ${id} does not exist or is outside your rights`);
  }
  const schemaProblem = validator.problemOf(collection, candidate);
  if (schemaProblem) return invalid(`${collection} document ${id}: ${schemaProblem}`);
  if (candidate['districtId'] !== user.districtId) {
    return forbidden(`districtId must be your district "${user.districtId}", not "${String(candidate['districtId'])}"`);
  }
  if (candidate['updatedBy'] !== user.id) {
    return forbidden(`updatedBy must be the signed-in user "${user.id}", not "${String(candidate['updatedBy'])}"`);
  }
  if (liveExisting && 'patientId' in liveExisting && liveExisting['patientId'] !== candidate['patientId']) {
    return forbidden(`patientId of ${id} cannot change`);
  }
  if (!matchesSelector(candidate, writeSelector)) {
    return forbidden(
      'patientId' in candidate
        ? `patient "${String(candidate['patientId'])}" is not in your care`
        : `${collection} document ${id} is outside your rights`,
    );
  }
  return null;
}

function invalid(reason: string): WriteRefusal {
  return { error: 'invalid', reason };
}

function forbidden(reason: string): WriteRefusal {
  return { error: 'forbidden', reason };
}

/** A deletion that carries only metadata (CouchDB's bare tombstone). */
function isTombstoneOnly(doc: CouchDoc): boolean {
  return Object.keys(doc).every((key) => METADATA_FIELDS.has(key));
}

/** The first prototype-polluting key anywhere in `value`, or null. */
function findDangerousKey(value: unknown, depth = 0): string | null {
  if (depth > 20 || typeof value !== 'object' || value === null) return null;
  for (const key of Object.keys(value)) {
    if (DANGEROUS_KEYS.has(key)) return key;
    const inner = findDangerousKey((value as Record<string, unknown>)[key], depth + 1);
    if (inner) return inner;
  }
  return null;
}
