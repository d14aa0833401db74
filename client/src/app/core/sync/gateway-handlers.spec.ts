import type { RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import { visit } from '../../../testing/test-helpers';
import { createPullHandler, createPushHandler, fromCouch, SyncedDoc, SyncRefusal, toCouch } from './gateway-handlers';

const URL_BASE = 'https://prossima.example/sync/visits/';

interface Call {
  method: string;
  url: string;
  body: unknown;
}

/** A fetch that answers from a script, in order, and records what it was asked. */
function scriptedFetch(answers: unknown[]): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const scripted = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ method: init?.method ?? 'GET', url: String(input), body: init?.body ? JSON.parse(String(init.body)) : undefined });
    if (answers.length === 0) throw new Error(`unscripted request ${String(input)}`);
    return new Response(JSON.stringify(answers.shift()), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { fetch: scripted, calls };
}

const run = <T>(request: () => Promise<T>) => request();

/** A visit as RxDB holds it. */
function rx(overrides: Record<string, unknown> = {}): WithDeleted<SyncedDoc> {
  return { ...visit(), _deleted: false, ...overrides } as unknown as WithDeleted<SyncedDoc>;
}

/** The same visit as the gateway stores it. */
function couch(overrides: Record<string, unknown> = {}, rev = '1-a'): Record<string, unknown> {
  const { id, ...rest } = { ...visit(), ...overrides } as Record<string, unknown>;
  return { _id: id, _rev: rev, ...rest };
}

describe('document mapping', () => {
  it('when a CouchDB document comes in, then _id becomes id, _rev goes and _deleted stays a boolean', () => {
    expect(fromCouch({ _id: 'v-1', _rev: '3-x', _revisions: {}, note: 'n' })).toEqual({ id: 'v-1', note: 'n', _deleted: false });
    expect(fromCouch({ _id: 'v-1', _rev: '4-y', _deleted: true })).toEqual({ id: 'v-1', _deleted: true });
  });

  it('when a document goes out, then id becomes _id with the master revision and no RxDB metadata', () => {
    const out = toCouch({ ...rx(), _meta: { lwt: 1 } } as unknown as WithDeleted<SyncedDoc>, '2-b');
    expect(out).toMatchObject({ _id: 'v-1', _rev: '2-b', note: '' });
    expect(out).not.toHaveProperty('id');
    expect(out).not.toHaveProperty('_meta');
    expect(out).not.toHaveProperty('_deleted');
  });
});

describe('pull handler', () => {
  it('when the gateway answers with a string last_seq (real CouchDB), then it is kept opaque and sent back encoded', async () => {
    const seq = '12-g1AAAABXeJzLYWBgYMpgTmHgz8tPSTV0MDQy1zMwMDQ';
    const { fetch, calls } = scriptedFetch([
      { results: [{ id: 'v-1', seq, doc: couch({ note: 'a' }) }, { id: 'v-2', seq, deleted: true, doc: { _id: 'v-2', _rev: '2-z', _deleted: true } }], last_seq: seq },
      { results: [], last_seq: seq },
    ]);
    let pulled = 0;
    const pull = createPullHandler({ collection: 'visits', url: URL_BASE, fetch, run, epoch: () => 0, onPulled: (n) => (pulled += n) });

    const first = await pull(undefined, 2);
    expect(calls[0].url).toBe(`${URL_BASE}_changes?style=all_docs&feed=normal&include_docs=true&since=0&limit=2`);
    expect(first.documents).toEqual([rx({ note: 'a' }), { id: 'v-2', _deleted: true }]);
    expect(first.checkpoint).toEqual({ sequence: seq, epoch: 0 });

    await pull(first.checkpoint, 2);
    expect(calls[1].url).toContain(`since=${encodeURIComponent(seq)}&limit=2`);
    expect(pulled).toBe(2);
  });

  it('when the checkpoint was stored by RxDB’s CouchDB plugin ({sequence} only), then the pull goes on from it', async () => {
    const { fetch, calls } = scriptedFetch([{ results: [], last_seq: 57 }]);
    await createPullHandler({ collection: 'visits', url: URL_BASE, fetch, run, epoch: () => 0 })({ sequence: 42 }, 100);
    expect(calls[0].url).toContain('since=42&');
  });

  it('when the user gained patients since the checkpoint (a newer access epoch), then the pull starts again from 0', async () => {
    const { fetch, calls } = scriptedFetch([{ results: [], last_seq: 90 }]);
    const result = await createPullHandler({ collection: 'visits', url: URL_BASE, fetch, run, epoch: () => 1 })({ sequence: 42, epoch: 0 }, 100);
    expect(calls[0].url).toContain('since=0&');
    expect(result.checkpoint).toEqual({ sequence: 90, epoch: 1 });
  });

  it('when the gateway answers something that is not a changes feed, then the pull fails instead of storing nonsense', async () => {
    const { fetch } = scriptedFetch([{ error: 'not_found' }]);
    await expect(createPullHandler({ collection: 'visits', url: URL_BASE, fetch, run, epoch: () => 0 })(undefined, 10)).rejects.toMatchObject({
      code: 'unknown',
    });
  });
});

describe('push handler', () => {
  let refused: SyncRefusal[];
  let accepted: string[];

  beforeEach(() => {
    refused = [];
    accepted = [];
  });

  function push(fetch: typeof globalThis.fetch) {
    return createPushHandler({
      collection: 'visits',
      url: URL_BASE,
      fetch,
      run,
      onRefused: (r) => refused.push(r),
      onAccepted: (id) => accepted.push(id),
    });
  }

  function row(newState: WithDeleted<SyncedDoc>, assumed?: WithDeleted<SyncedDoc>): RxReplicationWriteToMasterRow<SyncedDoc> {
    return { newDocumentState: newState, ...(assumed ? { assumedMasterState: assumed } : {}) } as RxReplicationWriteToMasterRow<SyncedDoc>;
  }

  it('when the master is the state the edit was based on, then the edit is written with the master revision', async () => {
    const { fetch, calls } = scriptedFetch([
      { rows: [{ key: 'v-1', id: 'v-1', value: { rev: '1-a' }, doc: couch() }] },
      [{ id: 'v-1', ok: true, rev: '2-b' }],
    ]);
    const conflicts = await push(fetch)([row(rx({ note: 'nuova' }), rx())]);
    expect(conflicts).toEqual([]);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([`POST ${URL_BASE}_all_docs`, `POST ${URL_BASE}_bulk_docs`]);
    expect(calls[0].body).toEqual({ keys: ['v-1'], include_docs: true });
    expect(calls[1].body).toEqual({ docs: [expect.objectContaining({ _id: 'v-1', _rev: '1-a', note: 'nuova' })] });
    expect(accepted).toEqual(['v-1']);
  });

  it('when the document is new on the server, then it is written without a revision', async () => {
    const { fetch, calls } = scriptedFetch([{ rows: [{ key: 'v-9', error: 'not_found' }] }, [{ id: 'v-9', ok: true, rev: '1-c' }]]);
    await push(fetch)([row(rx({ id: 'v-9' }))]);
    expect(calls[1].body).toEqual({ docs: [expect.not.objectContaining({ _rev: expect.anything() })] });
  });

  it('when another device changed the master meanwhile, then the master is returned as a conflict and nothing is written', async () => {
    const theirs = couch({ status: 'done' }, '2-other');
    const { fetch, calls } = scriptedFetch([{ rows: [{ key: 'v-1', id: 'v-1', value: { rev: '2-other' }, doc: theirs }] }]);
    const conflicts = await push(fetch)([row(rx({ note: 'mia' }), rx())]);
    expect(conflicts).toEqual([rx({ status: 'done' })]);
    expect(calls).toHaveLength(1);
  });

  it('when the server already has exactly this state (its answer was lost), then it is not written again', async () => {
    const { fetch, calls } = scriptedFetch([{ rows: [{ key: 'v-1', id: 'v-1', value: { rev: '2-b' }, doc: couch({ note: 'nuova' }, '2-b') }] }]);
    expect(await push(fetch)([row(rx({ note: 'nuova' }), rx())])).toEqual([]);
    expect(calls).toHaveLength(1);
    expect(accepted).toEqual(['v-1']);
  });

  it('when _bulk_docs answers conflict for a document, then its new master is fetched and returned as a conflict', async () => {
    const { fetch, calls } = scriptedFetch([
      { rows: [{ key: 'v-1', id: 'v-1', value: { rev: '1-a' }, doc: couch() }] },
      [{ id: 'v-1', error: 'conflict', reason: 'Document update conflict.' }],
      { rows: [{ key: 'v-1', id: 'v-1', value: { rev: '2-x' }, doc: couch({ note: 'altra' }, '2-x') }] },
    ]);
    const conflicts = await push(fetch)([row(rx({ note: 'mia' }), rx())]);
    expect(conflicts).toEqual([rx({ note: 'altra' })]);
    expect(calls[2].body).toEqual({ keys: ['v-1'], include_docs: true });
  });

  it('when the server refuses a document as forbidden or invalid, then it is reported, not thrown, and the others go through', async () => {
    const { fetch } = scriptedFetch([
      {
        rows: [
          { key: 'v-1', id: 'v-1', value: { rev: '1-a' }, doc: couch() },
          { key: 'v-2', error: 'not_found' },
          { key: 'v-3', error: 'not_found' },
        ],
      },
      [
        { id: 'v-1', ok: true, rev: '2-b' },
        { id: 'v-2', error: 'forbidden', reason: 'patient "p-x" is not in your care' },
        { id: 'v-3', error: 'invalid', reason: 'visits document v-3: /windowStart must match pattern' },
      ],
    ]);
    const conflicts = await push(fetch)([row(rx({ note: 'ok' }), rx()), row(rx({ id: 'v-2', patientId: 'p-x' })), row(rx({ id: 'v-3', windowStart: '25:00' }))]);
    expect(conflicts).toEqual([]);
    expect(accepted).toEqual(['v-1']);
    expect(refused).toEqual([
      { collection: 'visits', id: 'v-2', error: 'forbidden', reason: 'patient "p-x" is not in your care' },
      { collection: 'visits', id: 'v-3', error: 'invalid', reason: 'visits document v-3: /windowStart must match pattern' },
    ]);
  });

  it('when a refused document is sent again fixed and the server still has the revision it was based on, then it is written, not merged', async () => {
    const { fetch, calls } = scriptedFetch([
      { rows: [{ key: 'v-1', id: 'v-1', value: { rev: '1-a' }, doc: couch() }] },
      [{ id: 'v-1', ok: true, rev: '2-b' }],
    ]);
    const handler = createPushHandler({
      collection: 'visits',
      url: URL_BASE,
      fetch,
      run,
      onRefused: (r) => refused.push(r),
      onAccepted: (id) => accepted.push(id),
      refusalOf: (id) => (id === 'v-1' ? { collection: 'visits', id, error: 'invalid', reason: 'x', baseRev: '1-a' } : undefined),
    });
    // RxDB believes the refused state is on the server: it is the row's assumed master.
    const refusedState = rx({ note: 'nota', windowEnd: '08:00' });
    expect(await handler([row(rx({ note: 'nota', windowEnd: '11:00' }), refusedState)])).toEqual([]);
    expect(calls[1].body).toEqual({ docs: [expect.objectContaining({ _rev: '1-a', note: 'nota', windowEnd: '11:00' })] });
  });

  it('when a document gets an unexpected per-document error, then the push fails so RxDB retries it', async () => {
    const { fetch } = scriptedFetch([{ rows: [{ key: 'v-1', error: 'not_found' }] }, [{ id: 'v-1', error: 'internal_server_error', reason: 'boom' }]]);
    await expect(push(fetch)([row(rx())])).rejects.toMatchObject({ code: 'unknown' });
  });

  it('when the request itself fails (server down), then the error reaches RxDB for a retry', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    await expect(push(failing)([row(rx())])).rejects.toBeInstanceOf(TypeError);
  });
});
