import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { CouchStore } from '../store/couch-store';
import { eventually } from '../testing/event-stream';
import { startFakeCouchDb, type FakeAnswer, type FakeCouchDb, type FakeRequest } from '../testing/fake-couchdb';
import { DatabaseWatcher, type ChangeRow } from './database-watcher';

// CouchDB 3 sequences: opaque strings with characters that need URL encoding.
const START = '12-g1AAAAB3eJzLYWBg+/x=';
const AFTER_FIRST = '13-g1AAAAC/9eJzLYWBg+x==';
const FAST = { pollTimeoutMs: 1_000, batchSize: 50, retryMs: 20, maxRetryMs: 40 };
const silent = pino({ level: 'silent' });

describe('DatabaseWatcher against a CouchDB 3 feed', () => {
  let couch: FakeCouchDb;
  afterEach(() => couch?.close());

  /** A CouchDB that knows one database at START; `changes` answers each poll in turn (null: stay asleep). */
  async function startCouch(changes: ((request: FakeRequest) => FakeAnswer)[]): Promise<CouchStore> {
    let poll = 0;
    couch = await startFakeCouchDb((request) => {
      if (request.method === 'PUT') return { status: 412, body: { error: 'file_exists', reason: 'The database could not be created, the file already exists.' } };
      if (request.path === '/visits') return { status: 200, body: { db_name: 'visits', update_seq: START } };
      const next = changes[poll++];
      return next ? next(request) : null;
    });
    return new CouchStore(couch.url, 'couchdb');
  }

  const sinceOfPolls = () => couch.requests.filter((r) => r.path === '/visits/_changes').map((r) => r.query.get('since'));

  it('when CouchDB answers string sequences, then the watcher starts at update_seq and sends each last_seq back unchanged', async () => {
    const doc = { _id: 'v-1', _rev: '1-a', districtId: 'distretto-a' };
    const store = await startCouch([() => ({ status: 200, body: { results: [{ id: 'v-1', seq: AFTER_FIRST, changes: [{ rev: '1-a' }], doc }], last_seq: AFTER_FIRST } })]);
    const delivered: ChangeRow[][] = [];
    const watcher = new DatabaseWatcher(store, 'visits', (rows) => delivered.push(rows), silent, FAST);
    await watcher.start();
    await eventually(() => sinceOfPolls().length === 2);
    expect(sinceOfPolls()).toEqual([START, AFTER_FIRST]);
    expect(watcher.position).toBe(AFTER_FIRST);
    expect(delivered).toEqual([[{ id: 'v-1', seq: AFTER_FIRST, changes: [{ rev: '1-a' }], doc }]]);
    const poll = couch.requests.at(-1)!;
    expect(Object.fromEntries(poll.query)).toMatchObject({ feed: 'longpoll', include_docs: 'true' });
    await watcher.stop();
  });

  it('when the store fails a poll, then the watcher retries from the same sequence and misses nothing', async () => {
    const store = await startCouch([
      () => ({ status: 500, body: { error: 'internal_server_error', reason: 'node down' } }),
      () => ({ status: 200, body: { results: [{ id: 'v-2', seq: AFTER_FIRST, doc: { _id: 'v-2' } }], last_seq: AFTER_FIRST } }),
    ]);
    const delivered: string[] = [];
    const watcher = new DatabaseWatcher(store, 'visits', (rows) => delivered.push(...rows.map((r) => r.id)), silent, FAST);
    await watcher.start();
    await eventually(() => delivered.length === 1);
    expect(sinceOfPolls().slice(0, 3)).toEqual([START, START, AFTER_FIRST]);
    await watcher.stop();
  });

  it('when stopped while a long poll is open, then the poll is aborted and the loop ends', async () => {
    const store = await startCouch([]);
    const watcher = new DatabaseWatcher(store, 'visits', () => undefined, silent, FAST);
    await watcher.start();
    await eventually(() => sinceOfPolls().length === 1);
    const started = Date.now();
    await watcher.stop();
    expect(Date.now() - started).toBeLessThan(500);
    // No poll follows the stop.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sinceOfPolls()).toHaveLength(1);
  });

  it('when the store cannot be reached at start, then start rejects and nothing polls', async () => {
    const store = new CouchStore('http://127.0.0.1:9/', 'couchdb');
    const watcher = new DatabaseWatcher(store, 'visits', () => undefined, silent, FAST);
    await expect(watcher.start()).rejects.toMatchObject({ status: 503 });
    await watcher.stop();
  });
});
