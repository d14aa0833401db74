import { matchesSelector } from 'pouchdb-selector-core';
import { z } from 'zod';
import {
  COLLECTION_SCHEMAS,
  COLLECTION_TRAITS,
  DOCUMENT_ID_PATTERN,
  isCollectionName,
  type CollectionName,
  type SessionUser,
} from '@prossima/domain';
import { badRequest, HttpError } from '../errors';
import { isPastInstant } from '../request-body';
import type { DocumentAccess } from '../sync/document-access';
import type { DocumentValidator } from '../sync/document-validator';
import { MAX_DOCUMENT_BYTES } from '../sync/gateway-writes';
import type { CouchDoc } from '../sync/write-check';
import type { ReportedConflict } from './conflict-log';

/** Most conflict reports one request may carry. */
export const MAX_CONFLICTS_PER_REQUEST = 100;

const ID_RE = new RegExp(DOCUMENT_ID_PATTERN);
/** Replication metadata of RxDB and CouchDB that is not part of a document's data. */
const REPLICATION_FIELDS = ['_rev', '_meta', '_attachments', '_revisions', '_deleted'];

/** The body of `POST /api/conflicts`. */
export const conflictsBody = z
  .object({
    entries: z
      .array(
        z
          .object({
            collection: z.string({ error: 'collection is required (a string)' }),
            docId: z.string({ error: 'docId is required (a string)' }).regex(ID_RE, `docId must match ${DOCUMENT_ID_PATTERN}`),
            patientId: z.string().regex(ID_RE, `patientId must match ${DOCUMENT_ID_PATTERN}`).optional(),
            contested: z.array(z.string().max(100), { error: 'contested is required (the field names)' }).min(1, 'contested must name at least one field').max(100),
            overridden: z.record(z.string(), z.unknown(), { error: 'overridden is required (the losing document)' }),
            merged: z.record(z.string(), z.unknown(), { error: 'merged is required (the merged document)' }),
            detectedAt: z.string({ error: 'detectedAt is required (an ISO instant)' }),
          })
          .strict(),
        { error: 'entries is required (an array of conflict reports)' },
      )
      .min(1, 'entries must not be empty')
      .max(MAX_CONFLICTS_PER_REQUEST, `at most ${MAX_CONFLICTS_PER_REQUEST} entries per request`),
  })
  .strict();

/** One report as the tablet sends it. */
export type ConflictReportInput = z.infer<typeof conflictsBody>['entries'][number];

/**
 * Checks conflict reports before they are logged: a mutable collection, the
 * contested fields of its schema, both documents valid documents of it, a
 * detection time that is not in the future, and every document one the user
 * may read. The patient is taken from the stored document.
 */
export class ConflictReports {
  constructor(
    private readonly validator: DocumentValidator,
    private readonly documents: DocumentAccess,
  ) {}

  /** The reports ready to log; a 400 or 403 naming the entry and field otherwise. */
  async check(user: SessionUser, inputs: ConflictReportInput[], now: Date): Promise<ReportedConflict[]> {
    const reports = inputs.map((input, i) => this.checkShape(input, i, now));
    const stored = new Map<CollectionName, Map<string, CouchDoc>>();
    for (const collection of new Set(reports.map((r) => r.collection))) {
      stored.set(collection, await this.documents.readable(user, collection, reports.filter((r) => r.collection === collection).map((r) => r.docId)));
    }
    return Promise.all(
      reports.map(async (report, i) => {
        const current = stored.get(report.collection)?.get(report.docId);
        const selector = await this.documents.readSelector(user, report.collection);
        if (!current || !selector) throw refused(`You may not read ${report.collection} document ${report.docId}`, `entries.${i}.docId`);
        for (const side of ['overridden', 'merged'] as const) {
          if (!matchesSelector(report[side], selector)) throw refused(`entries.${i}.${side} is outside what you may read`, `entries.${i}.${side}`);
        }
        const field = COLLECTION_TRAITS[report.collection].patientField;
        const patientId = field ? current[field] : undefined;
        if (inputs[i].patientId !== undefined && inputs[i].patientId !== patientId) {
          throw badRequest(`entries.${i}.patientId "${inputs[i].patientId}" is not the patient of ${report.docId}`, `entries.${i}.patientId`);
        }
        return { ...report, ...(typeof patientId === 'string' ? { patientId } : {}) };
      }),
    );
  }

  private checkShape(input: ConflictReportInput, i: number, now: Date): ReportedConflict {
    const at = `entries.${i}`;
    const { collection } = input;
    if (!isCollectionName(collection)) throw badRequest(`${at}.collection "${collection}" is not a synced collection`, `${at}.collection`);
    if (COLLECTION_TRAITS[collection].appendOnly) {
      throw badRequest(`${at}.collection: ${collection} are append-only and never conflict`, `${at}.collection`);
    }
    const fields = COLLECTION_SCHEMAS[collection].properties;
    input.contested.forEach((name, j) => {
      if (name === 'id' || !Object.hasOwn(fields, name)) throw badRequest(`${at}.contested.${j} "${name}" is not a field of ${collection}`, `${at}.contested.${j}`);
    });
    if (!isPastInstant(input.detectedAt, now)) {
      throw badRequest(`${at}.detectedAt must be an ISO instant like 2026-05-04T09:30:00.000Z, not in the future`, `${at}.detectedAt`);
    }
    const overridden = this.checkDocument(collection, input.docId, input.overridden, `${at}.overridden`);
    const merged = this.checkDocument(collection, input.docId, input.merged, `${at}.merged`);
    return { collection, docId: input.docId, contested: input.contested, overridden, merged, detectedAt: input.detectedAt };
  }

  /**
   * A document as the tablet holds it (RxDB's `id` or CouchDB's `_id`), in
   * store form, checked against its schema (polluting keys were refused with
   * the body, by `parseBody`).
   */
  private checkDocument(collection: CollectionName, docId: string, raw: Record<string, unknown>, field: string): CouchDoc {
    if (Buffer.byteLength(JSON.stringify(raw)) > MAX_DOCUMENT_BYTES) throw badRequest(`${field} is larger than ${MAX_DOCUMENT_BYTES / 1024} KB`, field);
    const { id, ...rest } = raw;
    const doc: Record<string, unknown> = { ...rest };
    if (doc['_id'] === undefined && id !== undefined) doc['_id'] = id;
    else if (id !== undefined && id !== doc['_id']) throw badRequest(`${field}: "id" and "_id" differ`, field);
    for (const key of REPLICATION_FIELDS) delete doc[key];
    if (doc['_id'] !== docId) throw badRequest(`${field} must be the document ${docId}, not ${String(doc['_id'])}`, field);
    const problem = this.validator.problemOf(collection, doc);
    if (problem) throw badRequest(`${field} is not a valid ${collection} document: ${problem}`, field);
    return doc as CouchDoc;
  }
}

function refused(reason: string, field: string): HttpError {
  return new HttpError(403, 'forbidden', reason, field);
}
