import type { Request, Response } from 'express';
import { COLLECTION_TRAITS, type CollectionName } from '@prossima/domain';
import type { AuditLog, WriteAuditEntry } from '../audit/audit-log';
import { badRequest, forbidden, HttpError } from '../errors';
import type { CouchStore } from '../store/couch-store';
import type { AccessContexts } from './access-contexts';
import type { DocumentValidator } from './document-validator';
import { gatewayOf, type GatewayRequest } from './gateway-context';
import { decideWrite, type CouchDoc, type WriteDecision } from './write-check';

/** Most documents one `_bulk_docs` request may carry. */
export const MAX_DOCS_PER_BATCH = 1000;
/** Largest single document, serialised (a visit note is at most 10,000 characters). */
export const MAX_DOCUMENT_BYTES = 64 * 1024;
/** Observations may carry an ECG waveform: up to a minute of 8 leads at 500 Hz (int16, base64). */
export const MAX_OBSERVATION_BYTES = 1024 * 1024;

/** The largest document a collection accepts. */
export function maxDocumentBytes(collection: CollectionName): number {
  return collection === 'observations' ? MAX_OBSERVATION_BYTES : MAX_DOCUMENT_BYTES;
}

type BulkResult = { id: string; rev?: string; ok?: true; error?: string; reason?: string };

/** Write routes of the gateway: every document checked, refused ones named and never stored, accepted ones audited. */
export class GatewayWrites {
  constructor(
    private readonly store: CouchStore,
    private readonly validator: DocumentValidator,
    private readonly audit: AuditLog,
    private readonly contexts: AccessContexts,
  ) {}

  /** `POST _bulk_docs` (normal edits and `new_edits: false`). */
  bulkDocs = async (req: Request, res: Response) => {
    const body = req.body as { docs?: unknown; new_edits?: unknown };
    if (typeof body !== 'object' || body === null || !Array.isArray(body.docs)) {
      throw badRequest('Body must be {"docs": [ … ]}', 'docs');
    }
    if (body.docs.length > MAX_DOCS_PER_BATCH) throw badRequest(`At most ${MAX_DOCS_PER_BATCH} documents per request`, 'docs');
    if (body.new_edits !== undefined && typeof body.new_edits !== 'boolean') throw badRequest('"new_edits" must be a boolean', 'new_edits');
    res.status(201).json(await this.write(gatewayOf(res), body.docs, body.new_edits !== false));
  };

  /** `PUT <id>`: one document; a refusal is a 403 (rights) or 400 (shape), a stale revision a 409. */
  putDocument = async (req: Request, res: Response) => {
    const id = String(req.params['docId']);
    const doc = req.body as Record<string, unknown>;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw badRequest('Body must be a JSON object');
    if (doc['_id'] !== undefined && doc['_id'] !== id) throw badRequest('"_id" in the body differs from the URL', '_id');
    const rev = typeof req.query['rev'] === 'string' ? { _rev: req.query['rev'] } : {};
    const [result] = await this.write(gatewayOf(res), [{ ...doc, ...rev, _id: id }], true);
    sendSingleResult(res, result);
  };

  /** `DELETE <id>?rev=…`: a deletion, checked like any write. */
  deleteDocument = async (req: Request, res: Response) => {
    const id = String(req.params['docId']);
    const rev = req.query['rev'];
    if (typeof rev !== 'string') throw badRequest('DELETE needs ?rev=<current revision>', 'rev');
    const [result] = await this.write(gatewayOf(res), [{ _id: id, _rev: rev, _deleted: true }], true);
    sendSingleResult(res, result);
  };

  private async write(gateway: GatewayRequest, docs: unknown[], newEdits: boolean): Promise<BulkResult[]> {
    const existing = await this.storedDocs(gateway, docs);
    const decisions: WriteDecision[] = docs.map((doc) => {
      const id = idOf(doc);
      const limit = maxDocumentBytes(gateway.collection);
      if (Buffer.byteLength(JSON.stringify(doc) ?? '') > limit) {
        return { verdict: 'refuse', error: 'invalid', reason: `document ${id || '(no _id)'} is larger than ${limit / 1024} KB` };
      }
      return decideWrite({
        user: gateway.user,
        collection: gateway.collection,
        doc,
        existing: id ? (existing.get(id) ?? null) : null,
        context: gateway.access,
        validator: this.validator,
      });
    });
    const accepted = docs.filter((_doc, i) => decisions[i].verdict === 'store') as CouchDoc[];
    const stored = accepted.length
      ? await this.store.request<BulkResult[]>({
          db: gateway.db,
          path: '_bulk_docs',
          method: 'POST',
          body: { docs: accepted, new_edits: newEdits },
        })
      : [];
    const written = newEdits ? stored.filter((r) => r.ok) : acceptedWithoutErrors(accepted, stored);
    await this.recordWrites(gateway, written, existing, accepted);
    if (gateway.collection === 'patients' && written.length) this.contexts.invalidate();

    // Answers for the documents that never reached the store: refusals, and re-sends of a frozen revision.
    const answered = new Map<number, BulkResult>();
    decisions.forEach((decision, i) => {
      if (decision.verdict === 'refuse') answered.set(i, { id: idOf(docs[i]), error: decision.error, reason: decision.reason });
      // With new_edits:false success is silence; with normal edits, the stored revision it repeats.
      else if (decision.verdict === 'unchanged' && newEdits) answered.set(i, { id: idOf(docs[i]), ok: true, rev: decision.rev });
    });
    if (!newEdits) return [...stored, ...answered.values()];
    // Normal edits answer one row per document, in request order.
    const storedQueue = [...stored];
    return docs.map((_doc, i) => answered.get(i) ?? (storedQueue.shift() as BulkResult));
  }

  /** The stored winning revisions of the ids in `docs` (deleted ones included, marked `_deleted`). */
  private async storedDocs(gateway: GatewayRequest, docs: unknown[]): Promise<Map<string, CouchDoc>> {
    const ids = [...new Set(docs.map(idOf).filter((id) => id !== ''))];
    const found = new Map<string, CouchDoc>();
    if (!ids.length) return found;
    const answer = await this.store.request<{ rows: { key: string; value?: { rev: string; deleted?: boolean }; doc?: CouchDoc | null }[] }>({
      db: gateway.db,
      path: '_all_docs',
      method: 'POST',
      qs: { include_docs: 'true' },
      body: { keys: ids },
    });
    for (const row of answer.rows) {
      if (row.doc) found.set(row.key, row.doc);
      else if (row.value?.deleted) found.set(row.key, { _id: row.key, _rev: row.value.rev, _deleted: true });
    }
    return found;
  }

  private async recordWrites(gateway: GatewayRequest, written: BulkResult[], existing: Map<string, CouchDoc>, accepted: CouchDoc[]) {
    const byId = new Map(accepted.map((doc) => [doc._id, doc]));
    const patientField = COLLECTION_TRAITS[gateway.collection].patientField;
    const entries: WriteAuditEntry[] = written.map((result) => {
      const before = existing.get(result.id);
      const doc = byId.get(result.id);
      const action = doc?._deleted ? 'delete' : before && !before._deleted ? 'update' : 'create';
      // A bare tombstone names no patient: the stored revision it deletes does.
      const patientId = patientField ? (doc?.[patientField] ?? before?.[patientField]) : undefined;
      return {
        userId: gateway.user.id,
        deviceId: gateway.deviceId,
        collection: gateway.collection,
        docId: result.id,
        rev: result.rev ?? '',
        action,
        ...(typeof patientId === 'string' ? { patientId } : {}),
      };
    });
    await this.audit.append(gateway.districtId, entries);
  }
}

/** With `new_edits: false` the store answers only the failures; the rest were written at their own revision. */
function acceptedWithoutErrors(accepted: CouchDoc[], storeErrors: BulkResult[]): BulkResult[] {
  const failed = new Set(storeErrors.map((r) => r.id));
  return accepted.filter((doc) => !failed.has(doc._id)).map((doc) => ({ id: doc._id, rev: doc._rev, ok: true }));
}

/** The `_id` of an incoming document, or '' when it has none. */
function idOf(doc: unknown): string {
  const id = (doc as { _id?: unknown } | null)?._id;
  return typeof id === 'string' ? id : '';
}

function sendSingleResult(res: Response, result: BulkResult): void {
  if (result.ok) {
    res.status(201).json({ ok: true, id: result.id, rev: result.rev });
    return;
  }
  if (result.error === 'forbidden') throw forbidden(result.reason ?? 'forbidden');
  if (result.error === 'invalid') throw new HttpError(400, 'invalid', result.reason ?? 'invalid document');
  throw new HttpError(result.error === 'conflict' ? 409 : 400, result.error ?? 'bad_request', result.reason ?? 'Document update conflict');
}
