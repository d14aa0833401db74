/**
 * An in-memory stand-in for one collection of the sync gateway, speaking the
 * CouchDB subset the replication handlers use: `GET _changes` (normal feed,
 * `since`, `limit`, string sequences like a real CouchDB), `POST _all_docs`
 * with keys, `POST _bulk_docs` with revision checks (`conflict`) and a
 * pluggable write check (`forbidden` / `invalid`).
 */
export class FakeGateway {
  private readonly docs = new Map<string, { doc: Record<string, unknown>; seq: number }>();
  private seq = 0;
  /** Every request, as `METHOD path`. */
  readonly requests: string[] = [];
  /** Decides a write: `null` to accept, or the refusal. */
  refuse: (doc: Record<string, unknown>) => { error: 'forbidden' | 'invalid'; reason: string } | null = () => null;

  constructor(private readonly base: string) {}

  /** A document as stored, or undefined. */
  get(id: string): Record<string, unknown> | undefined {
    return this.docs.get(id)?.doc;
  }

  /** Stores a document as another device would (a new revision). */
  put(doc: Record<string, unknown>): void {
    const previous = this.docs.get(String(doc['_id']))?.doc;
    this.store({ ...doc, _rev: nextRev(previous?.['_rev']) });
  }

  /** The fetch the handlers are given. */
  readonly fetch = (async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const path = url.href.slice(this.base.length).split('?')[0];
    const method = init?.method ?? 'GET';
    this.requests.push(`${method} ${path}`);
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    if (method === 'GET' && path === '_changes') return json(this.changes(url.searchParams));
    if (method === 'POST' && path === '_all_docs') return json(this.allDocs(body.keys));
    if (method === 'POST' && path === '_bulk_docs') return json(this.bulkDocs(body.docs), 201);
    return json({ error: 'not_found', reason: `${method} ${path}` }, 404);
  }) as typeof fetch;

  private store(doc: Record<string, unknown>): void {
    this.seq++;
    this.docs.set(String(doc['_id']), { doc, seq: this.seq });
  }

  private changes(params: URLSearchParams) {
    const since = seqNumber(params.get('since') ?? '0');
    const limit = Number(params.get('limit') ?? '1000');
    const rows = [...this.docs.values()].filter((d) => d.seq > since).sort((a, b) => a.seq - b.seq).slice(0, limit);
    const last = rows.length ? rows[rows.length - 1].seq : since;
    return {
      results: rows.map((r) => ({ id: r.doc['_id'], seq: seqString(r.seq), changes: [{ rev: r.doc['_rev'] }], doc: r.doc, ...(r.doc['_deleted'] ? { deleted: true } : {}) })),
      last_seq: seqString(last),
    };
  }

  private allDocs(keys: string[]) {
    return {
      rows: keys.map((key) => {
        const stored = this.docs.get(key)?.doc;
        if (!stored) return { key, error: 'not_found' };
        if (stored['_deleted']) return { key, id: key, value: { rev: stored['_rev'], deleted: true }, doc: null };
        return { key, id: key, value: { rev: stored['_rev'] }, doc: stored };
      }),
    };
  }

  private bulkDocs(docs: Record<string, unknown>[]) {
    return docs.map((doc) => {
      const id = String(doc['_id']);
      const refusal = this.refuse(doc);
      if (refusal) return { id, ...refusal };
      const current = this.docs.get(id)?.doc;
      if (current && !current['_deleted'] && current['_rev'] !== doc['_rev']) return { id, error: 'conflict', reason: 'Document update conflict.' };
      const rev = nextRev(current?.['_rev']);
      this.store({ ...doc, _rev: rev });
      return { id, ok: true, rev };
    });
  }
}

function nextRev(rev: unknown): string {
  const n = typeof rev === 'string' ? Number(rev.split('-')[0]) : 0;
  return `${n + 1}-${Math.random().toString(16).slice(2, 10)}`;
}

/** CouchDB 3 style opaque sequence: "<n>-g1AAAA…". */
function seqString(n: number): string {
  return `${n}-g1AAAABXeJzLYWBgYMpgTmHgz8tPSTV0MDQy1zMwMDQ`;
}

function seqNumber(seq: string): number {
  return Number(seq.split('-')[0]) || 0;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
