import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { matchesSelector } from 'pouchdb-selector-core';
import { badRequest, notFound } from '../errors';
import type { CouchStore } from '../store/couch-store';
import { abortOnClientClose, gatewayOf, type GatewayRequest } from './gateway-context';
import type { CouchDoc } from './write-check';

/** `_changes` parameters a client may set; the filter is always the gateway's own. */
const CHANGES_PARAMS = new Set([
  'since', 'limit', 'feed', 'heartbeat', 'timeout', 'include_docs', 'style', 'seq_interval',
  'descending', 'conflicts', 'attachments', 'att_encoding_info', 'return_docs',
]);
const DOC_PARAMS = new Set(['rev', 'revs', 'open_revs', 'latest', 'revs_info', 'conflicts', 'deleted_conflicts', 'local_seq']);
const FEEDS = new Set(['normal', 'longpoll']);

function pickQuery(req: Request, allowed: Set<string>): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.query)) {
    if (!allowed.has(key)) continue;
    if (typeof value !== 'string') throw badRequest(`Query parameter "${key}" must be given once`, key);
    picked[key] = value;
  }
  return picked;
}

const readable = (gateway: GatewayRequest, doc: unknown): boolean =>
  typeof doc === 'object' && doc !== null && matchesSelector(doc, gateway.readSelector);

/** Read routes of the gateway: every one filtered by the user's read selector. */
export class GatewayReads {
  constructor(private readonly store: CouchStore) {}

  /** `GET /` — database info, without counts that would describe documents the user cannot see. */
  info = async (_req: Request, res: Response) => {
    const gateway = gatewayOf(res);
    const info = await this.store.request<Record<string, unknown>>({ db: gateway.db });
    res.json({
      db_name: gateway.collection,
      update_seq: info['update_seq'],
      instance_start_time: info['instance_start_time'] ?? '0',
      purge_seq: info['purge_seq'] ?? 0,
    });
  };

  /**
   * `GET|POST _changes` — the store's `_selector` filter does the filtering,
   * so `limit` counts visible rows and a long poll wakes only for them.
   */
  changes = async (req: Request, res: Response) => {
    const gateway = gatewayOf(res);
    for (const param of ['filter', 'selector', 'doc_ids', 'view']) {
      if (param in req.query) throw badRequest(`"${param}" is not accepted: the gateway filters changes by your access rights`, param);
    }
    if (req.body && typeof req.body === 'object' && ('doc_ids' in req.body || 'selector' in req.body)) {
      throw badRequest('A _changes body filter is not accepted: the gateway filters changes by your access rights');
    }
    const qs = pickQuery(req, CHANGES_PARAMS);
    if (qs['feed'] && !FEEDS.has(qs['feed'])) throw badRequest(`feed "${qs['feed']}" is not supported; use normal or longpoll`, 'feed');
    const body = await this.store.stream({
      db: gateway.db,
      path: '_changes',
      method: 'POST',
      qs: { ...qs, filter: '_selector' },
      body: { selector: gateway.readSelector },
      signal: abortOnClientClose(res),
    });
    // Passed on as the store wrote it: the selector filter already made it this user's answer.
    res.status(200).type('application/json');
    await pipeline(body, res).catch((error: unknown) => {
      // The client went away (its signal aborted the store request) or the store broke off mid-answer:
      // the status line is sent, so the only honest signal left is a cut connection.
      if (!res.destroyed) res.destroy(error instanceof Error ? error : undefined);
    });
  };

  /** `GET|POST _all_docs` with `keys`: rows the user may not read answer `not_found`, as if absent. */
  allDocs = async (req: Request, res: Response) => {
    const gateway = gatewayOf(res);
    const keys = keysOf(req);
    const includeDocs = String(req.query['include_docs'] ?? req.body?.include_docs ?? 'false') === 'true';
    const answer = await this.store.request<{ rows: AllDocsRow[] }>({
      db: gateway.db,
      path: '_all_docs',
      method: 'POST',
      qs: { include_docs: 'true' },
      body: { keys },
    });
    const rows = answer.rows.map((row) => {
      if (row.doc && !readable(gateway, row.doc)) return { key: row.key, error: 'not_found' };
      if (!includeDocs) {
        const { doc: _omitted, ...rest } = row;
        return rest;
      }
      return row;
    });
    res.json({ total_rows: rows.length, offset: 0, rows });
  };

  /** `POST _bulk_get` — each revision the user may not read answers `not_found`. */
  bulkGet = async (req: Request, res: Response) => {
    const gateway = gatewayOf(res);
    const docs = req.body?.docs;
    if (!Array.isArray(docs) || docs.some((d) => typeof d?.id !== 'string')) {
      throw badRequest('Body must be {"docs": [{"id": string, "rev"?: string}, …]}', 'docs');
    }
    const answer = await this.store.request<{ results: BulkGetResult[] }>({
      db: gateway.db,
      path: '_bulk_get',
      method: 'POST',
      qs: pickQuery(req, new Set(['revs', 'latest', 'attachments'])),
      body: { docs },
    });
    const results = answer.results.map((result) => ({
      id: result.id,
      docs: result.docs.map((entry) =>
        entry.ok && !readable(gateway, entry.ok)
          ? { error: { id: result.id, rev: entry.ok._rev, error: 'not_found', reason: 'missing' } }
          : entry,
      ),
    }));
    res.json({ results });
  };

  /** `GET <id>` — 404 when absent or not readable (the two are not told apart). */
  getDocument = async (req: Request, res: Response) => {
    const gateway = gatewayOf(res);
    const id = String(req.params['docId']);
    const answer = await this.store.request<CouchDoc | { ok?: CouchDoc; missing?: string }[]>({
      db: gateway.db,
      doc: id,
      qs: pickQuery(req, DOC_PARAMS),
    });
    if (Array.isArray(answer)) {
      res.json(answer.map((entry) => (entry.ok && !readable(gateway, entry.ok) ? { missing: entry.ok._rev } : entry)));
      return;
    }
    if (!readable(gateway, answer)) throw notFound();
    res.json(answer);
  };

  /** `POST _revs_diff` — the store's answer; revisions of documents the user may not read are all reported missing. */
  revsDiff = async (req: Request, res: Response) => {
    const gateway = gatewayOf(res);
    const body = req.body as Record<string, unknown>;
    if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.values(body).some((revs) => !Array.isArray(revs))) {
      throw badRequest('Body must be {"<doc id>": ["<rev>", …], …}');
    }
    const answer = await this.store.request<Record<string, { missing: string[] }>>({
      db: gateway.db,
      path: '_revs_diff',
      method: 'POST',
      body,
    });
    const stored = await this.store.request<{ rows: AllDocsRow[] }>({
      db: gateway.db,
      path: '_all_docs',
      method: 'POST',
      qs: { include_docs: 'true' },
      body: { keys: Object.keys(body) },
    });
    for (const row of stored.rows) {
      if (row.doc && !readable(gateway, row.doc)) answer[row.key] = { missing: body[row.key] as string[] };
    }
    res.json(answer);
  };
}

interface AllDocsRow {
  key: string;
  id?: string;
  value?: { rev: string; deleted?: boolean };
  doc?: CouchDoc | null;
  error?: string;
}

interface BulkGetResult {
  id: string;
  docs: { ok?: CouchDoc; error?: unknown }[];
}

/** The `keys` of an `_all_docs` request (body or JSON query parameter); listing without keys is not offered. */
function keysOf(req: Request): string[] {
  let keys: unknown = req.body?.keys;
  if (keys === undefined && typeof req.query['keys'] === 'string') {
    try {
      keys = JSON.parse(req.query['keys']);
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      throw badRequest('Query parameter "keys" must be a JSON array of document ids', 'keys');
    }
  }
  if (keys === undefined) throw badRequest('_all_docs needs "keys": the gateway does not list whole databases', 'keys');
  if (!Array.isArray(keys) || keys.some((key) => typeof key !== 'string') || keys.length > 1000) {
    throw badRequest('"keys" must be an array of at most 1000 document ids', 'keys');
  }
  return keys;
}
