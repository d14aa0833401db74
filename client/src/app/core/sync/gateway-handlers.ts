import type { CollectionName } from '@prossima/domain';
// Types only: these handlers are plain functions over fetch, testable without RxDB.
import type { RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import { AppError } from '../errors/app-errors';
import { sameDocument } from './conflict-handlers';

/** A synced document as RxDB holds it (primary key `id`). */
export type SyncedDoc = { id: string } & Record<string, unknown>;

/**
 * Where a collection's pull stands: the gateway's sequence, stored opaque
 * (a number from the embedded store, a string from a real CouchDB), and the
 * access epoch it was pulled under (see {@link PullHandlerOptions.epoch}).
 * `sequence` is the field RxDB's CouchDB plugin used, so checkpoints stored
 * before this handler replaced it stay valid.
 */
export interface GatewayCheckpoint {
  sequence: string | number;
  epoch?: number;
}

/** A document the server refused to store, with its reason as sent. */
export interface SyncRefusal {
  collection: CollectionName;
  id: string;
  error: 'forbidden' | 'invalid';
  reason: string;
  /** The server revision the refused write was based on (absent for a new document). */
  baseRev?: string;
}

/** What both handlers need. */
export interface GatewayHandlerOptions {
  collection: CollectionName;
  /** The collection's gateway URL, ending with `/`. */
  url: string;
  /** The sync fetch (bearer token, refresh on 401, non-2xx thrown). */
  fetch: typeof fetch;
  /** Runs one request under the sync's back-off (and its stop signal). */
  run<T>(request: () => Promise<T>): Promise<T>;
}

/** Options of the pull handler. */
export interface PullHandlerOptions extends GatewayHandlerOptions {
  /**
   * The current access epoch: it grows when the user gains patients. A
   * checkpoint from an older epoch pulls again from the start, because the
   * documents of a newly visible patient have sequence numbers older than
   * the checkpoint and would never be seen otherwise.
   */
  epoch(): number;
  /** Told how many documents each batch brought (first-sync progress). */
  onPulled?(count: number): void;
}

/** Options of the push handler. */
export interface PushHandlerOptions extends GatewayHandlerOptions {
  /** The server refused a document (`forbidden`, `invalid`): it is not retried. */
  onRefused(refusal: SyncRefusal): void;
  /** The server stored a document (or already had exactly this state). */
  onAccepted(id: string): void;
  /**
   * The refusal still on record for a document, if any. RxDB counts a refused
   * state as sent, so the user's fix comes with that state as its base; while
   * the server still holds the revision the refused write was based on, the
   * fix is written over it as it is (a merge against the refused state would
   * hand the fields of the refused edit back to the server's values).
   */
  refusalOf?(id: string): SyncRefusal | undefined;
}

/** A row of `_changes` (normal feed, `include_docs=true`). */
interface ChangesRow {
  id: string;
  deleted?: boolean;
  doc?: Record<string, unknown> | null;
}

/** A row of `POST _all_docs` with `keys` and `include_docs`. */
interface AllDocsRow {
  key: string;
  id?: string;
  error?: string;
  value?: { rev: string; deleted?: boolean };
  doc?: Record<string, unknown> | null;
}

/** A row of the `_bulk_docs` answer. */
interface BulkDocsRow {
  id: string;
  ok?: boolean;
  rev?: string;
  error?: string;
  reason?: string;
}

/** A CouchDB document as RxDB wants it: `_id` → `id`, `_rev` and other metadata dropped, `_deleted` kept. */
export function fromCouch(doc: Record<string, unknown>): WithDeleted<SyncedDoc> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key === '_id') out['id'] = value;
    else if (!key.startsWith('_')) out[key] = value;
  }
  out['_deleted'] = doc['_deleted'] === true;
  return out as WithDeleted<SyncedDoc>;
}

/** An RxDB document as the gateway wants it: `id` → `_id`, with the master revision when updating. */
export function toCouch(doc: WithDeleted<SyncedDoc>, rev: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { _id: doc.id };
  if (rev) out['_rev'] = rev;
  for (const [key, value] of Object.entries(doc)) {
    if (key !== 'id' && !key.startsWith('_')) out[key] = value;
  }
  if (doc._deleted) out['_deleted'] = true;
  return out;
}

function postJson(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) };
}

function malformed(what: string): AppError {
  return new AppError('unknown', `the sync gateway sent a malformed ${what}`);
}

/**
 * The pull handler: `GET _changes?style=all_docs&include_docs=true&since=…&limit=…`
 * (normal feed). A short batch tells RxDB the feed is drained, so the gateway
 * must count `limit` after its access filter (it does).
 */
export function createPullHandler(options: PullHandlerOptions) {
  const { url, fetch, run } = options;
  return async (
    checkpoint: GatewayCheckpoint | undefined,
    batchSize: number,
  ): Promise<{ documents: WithDeleted<SyncedDoc>[]; checkpoint: GatewayCheckpoint }> => {
    const epoch = options.epoch();
    const since = checkpoint && (checkpoint.epoch ?? 0) === epoch ? checkpoint.sequence : 0;
    const query = `style=all_docs&feed=normal&include_docs=true&since=${encodeURIComponent(String(since))}&limit=${batchSize}`;
    const body = await run(async () => (await fetch(`${url}_changes?${query}`, { headers: { accept: 'application/json' } })).json());
    const { results, last_seq: lastSeq } = (body ?? {}) as { results?: unknown; last_seq?: unknown };
    if (!Array.isArray(results) || (typeof lastSeq !== 'string' && typeof lastSeq !== 'number')) throw malformed('changes feed');
    const documents = (results as ChangesRow[]).flatMap((row): WithDeleted<SyncedDoc>[] => {
      if (row.doc) return [fromCouch(row.doc)];
      // A deletion the feed sent without its body.
      if (row.deleted && typeof row.id === 'string') return [{ id: row.id, _deleted: true } as WithDeleted<SyncedDoc>];
      return [];
    });
    options.onPulled?.(documents.length);
    return { documents, checkpoint: { sequence: lastSeq, epoch } };
  };
}

/**
 * The push handler, CouchDB style with per-document answers:
 * 1. `POST _all_docs {keys, include_docs:true}`: the master state of each row;
 *    a master equal to what we send is already stored (a lost answer) and is
 *    not sent again; a master that differs from the state our edit was based
 *    on (`assumedMasterState`) is returned to RxDB as a conflict, for the
 *    collection's conflict handler;
 * 2. `POST _bulk_docs {docs}` with the master `_rev`;
 * 3. per document: `conflict` (someone wrote in between) → the new master is
 *    fetched and returned as a conflict; `forbidden` / `invalid` → reported to
 *    `onRefused` and returned as handled, never thrown (RxDB would retry it
 *    forever) — the local copy stays for the user to fix. Any other
 *    per-document error is thrown, and the retry is safe: step 1 recognises
 *    what was already stored.
 */
export function createPushHandler(options: PushHandlerOptions) {
  const { url, fetch, run, collection } = options;

  const masterRows = async (ids: string[]): Promise<Map<string, AllDocsRow>> => {
    const body = await run(async () => (await fetch(`${url}_all_docs`, postJson({ keys: ids, include_docs: true }))).json());
    const rows = (body as { rows?: unknown } | null)?.rows;
    if (!Array.isArray(rows)) throw malformed('_all_docs answer');
    return new Map((rows as AllDocsRow[]).map((row) => [row.key, row]));
  };

  return async (rows: RxReplicationWriteToMasterRow<SyncedDoc>[]): Promise<WithDeleted<SyncedDoc>[]> => {
    if (rows.length === 0) return [];
    const masters = await masterRows(rows.map((r) => r.newDocumentState.id));
    const conflicts: WithDeleted<SyncedDoc>[] = [];
    const toWrite: Record<string, unknown>[] = [];

    const baseRevs = new Map<string, string | undefined>();
    for (const { newDocumentState: local, assumedMasterState: assumed } of rows) {
      const master = masters.get(local.id);
      if (master?.doc) {
        const real = fromCouch(master.doc);
        const rev = master.value?.rev ?? (master.doc['_rev'] as string);
        baseRevs.set(local.id, rev);
        if (sameDocument(real, local)) options.onAccepted(local.id);
        else if ((assumed && sameDocument(real, assumed)) || options.refusalOf?.(local.id)?.baseRev === rev) toWrite.push(toCouch(local, rev));
        else conflicts.push(real);
      } else if (master?.value?.deleted) {
        // Deleted on the server: a local deletion is already there; a local edit wins over the deletion.
        if (local._deleted) options.onAccepted(local.id);
        else {
          baseRevs.set(local.id, master.value.rev);
          toWrite.push(toCouch(local, master.value.rev));
        }
      } else if (local._deleted) {
        // Not on the server (or not visible to us): nothing to delete there.
        options.onAccepted(local.id);
      } else {
        toWrite.push(toCouch(local, undefined));
      }
    }
    if (toWrite.length === 0) return conflicts;

    const answer = await run(async () => (await fetch(`${url}_bulk_docs`, postJson({ docs: toWrite }))).json());
    if (!Array.isArray(answer)) throw malformed('_bulk_docs answer');
    const byId = new Map((answer as BulkDocsRow[]).map((row) => [row.id, row]));
    const writtenAgain: string[] = [];
    let unexpected: BulkDocsRow | null = null;
    for (const doc of toWrite) {
      const id = doc['_id'] as string;
      const result = byId.get(id);
      if (result && !result.error && (result.ok || result.rev)) options.onAccepted(id);
      else if (result?.error === 'conflict') writtenAgain.push(id);
      else if (result?.error === 'forbidden' || result?.error === 'invalid') {
        const baseRev = baseRevs.get(id);
        options.onRefused({ collection, id, error: result.error, reason: result.reason ?? result.error, ...(baseRev ? { baseRev } : {}) });
      } else unexpected ??= result ?? { id, error: 'missing', reason: 'no answer for this document' };
    }
    if (unexpected) {
      throw new AppError('unknown', `${collection}/${unexpected.id}: ${unexpected.error} (${unexpected.reason ?? ''})`);
    }

    if (writtenAgain.length > 0) {
      const again = await masterRows(writtenAgain);
      for (const id of writtenAgain) {
        const master = again.get(id);
        if (master?.doc) conflicts.push(fromCouch(master.doc));
        else if (master?.value?.deleted) conflicts.push({ id, _deleted: true } as WithDeleted<SyncedDoc>);
        else throw new AppError('unknown', `${collection}/${id}: conflict reported but no master state`);
      }
    }
    return conflicts;
  };
}
