import { COLLECTION_SCHEMAS, MIGRATIONS } from '@prossima/domain';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { addRxPlugin, createRxDatabase, getChangedDocumentsSince, RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { firstValueFrom, Subject } from 'rxjs';
import { FakeGateway } from '../../../testing/fake-gateway';
import { visit } from '../../../testing/test-helpers';
import { observation } from '../../features/vitals/vitals-test-data';
import type { OpenDatabase } from '../database/database-types';
import { MemoryStore } from '../storage';
import { purgeRevokedPatients, PurgedIds } from './access-purge';
import type { FeedEvent } from './change-feed';
import { conflictHandlerFor, conflictLogEntry } from './conflict-handlers';
import type { SyncRefusal } from './gateway-handlers';
import { Replication, ReplicationContext, startReplications } from './replication-factory';

const ORIGIN = 'https://prossima.example';
// The app adds it in database-factory.ts: schema version 1 needs it.
addRxPlugin(RxDBMigrationSchemaPlugin);
let counter = 0;

/** One tablet: its own RxDB (fake IndexedDB) with one collection (visits unless told) and our conflict handler. */
async function tablet(name: 'visits' | 'observations' = 'visits'): Promise<OpenDatabase> {
  const rx = await createRxDatabase({
    name: `tablet${Date.now()}x${++counter}`,
    // Validated, so that it also runs where another spec of the same worker has added RxDB's dev-mode.
    storage: wrappedValidateAjvStorage({ storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) }),
    multiInstance: false,
  });
  // Encryption at rest is the database's business; here the plain schema is enough.
  const { encrypted: _clear, ...schema } = COLLECTION_SCHEMAS[name];
  const handler = conflictHandlerFor(name);
  const collections = await rx.addCollections({
    [name]: { schema: schema as unknown as RxJsonSchema<unknown>, migrationStrategies: MIGRATIONS[name], ...(handler ? { conflictHandler: handler } : {}) },
  });
  return { name: rx.name, rx, collections } as unknown as OpenDatabase;
}

describe('replications through the gateway (RxDB on fake IndexedDB, in-memory gateway)', () => {
  let gateway: FakeGateway;
  let feed: Subject<FeedEvent>;
  let refused: SyncRefusal[];
  let purged: PurgedIds;
  const open: OpenDatabase[] = [];
  const running: Replication[] = [];

  beforeEach(() => {
    gateway = new FakeGateway(`${ORIGIN}/sync/visits/`);
    gateway.put({ _id: 'v-1', ...withoutId(visit({ note: '', tasks: ['Parametri vitali'] })) });
    feed = new Subject();
    refused = [];
    purged = new PurgedIds(new MemoryStore(), 'prossima.purged.u-anna');
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((r) => r.state.cancel()));
    await Promise.all(open.splice(0).map((db) => db.rx.remove()));
  });

  const context = () => replicationContext({ gateway, feed, refused, purged });

  async function sync(db: OpenDatabase): Promise<Replication> {
    const [replication] = startReplications(db, [{ name: 'visits', push: true }], context());
    running.push(replication);
    await replication.state.awaitInSync();
    return replication;
  }

  async function device(): Promise<{ db: OpenDatabase; replication: Replication }> {
    const db = await tablet();
    open.push(db);
    return { db, replication: await sync(db) };
  }

  it('when the live stream says a collection changed, then that collection pulls the change', async () => {
    const { db } = await device();
    gateway.put({ ...gateway.get('v-1')!, status: 'in-progress' });
    feed.next({ type: 'change', collection: 'visits' });
    await waitFor(async () => (await db.collections.visits!.findOne('v-1').exec())?.status === 'in-progress');
  });

  it('when two tablets edit the same visit offline, then after both sync no field is lost and the overridden note is kept for the log', async () => {
    const a = await device();
    const b = await device();
    // Tablet B goes offline.
    await b.replication.state.cancel();

    await a.db.collections.visits!.findOne('v-1').exec().then((d) =>
      d!.incrementalPatch({ note: 'A: medicazione', tasks: ['Parametri vitali', 'ECG'], updatedAt: '2025-11-22T09:00:00.000Z', updatedBy: 'u-anna' }),
    );
    await a.replication.state.awaitInSync();
    await b.db.collections.visits!.findOne('v-1').exec().then((d) =>
      d!.incrementalPatch({ note: 'B: paziente stabile', status: 'done', updatedAt: '2025-11-22T09:30:00.000Z', updatedBy: 'u-anna' }),
    );

    // Tablet B comes back online.
    const [again] = startReplications(b.db, [{ name: 'visits', push: true }], context());
    running.push(again);
    const conflict = firstValueFrom(again.state.conflict$);
    await again.state.awaitInSync();
    const { input, output } = await conflict;

    const stored = gateway.get('v-1')!;
    expect(stored).toMatchObject({ note: 'B: paziente stabile', status: 'done', tasks: ['Parametri vitali', 'ECG'], updatedBy: 'u-anna' });
    const entry = conflictLogEntry('visits', input, output, new Date('2025-11-22T10:00:00.000Z'));
    expect(entry).toMatchObject({ docId: 'v-1', patientId: 'p-mario', contested: ['note'], overridden: { note: 'A: medicazione' } });

    // Tablet A gets the merged visit at its next pull.
    feed.next({ type: 'change', collection: 'visits' });
    await waitFor(async () => (await a.db.collections.visits!.findOne('v-1').exec())?.status === 'done');
    expect((await a.db.collections.visits!.findOne('v-1').exec())!.tasks).toEqual(['Parametri vitali', 'ECG']);
  });

  it('when the server refuses a change, then it is reported once, not retried, and the local copy stays', async () => {
    const { db, replication } = await device();
    gateway.refuse = (doc) => (doc['note'] === 'fuori dalle regole' ? { error: 'forbidden', reason: 'patient "p-mario" is not in your care' } : null);
    await db.collections.visits!.findOne('v-1').exec().then((d) => d!.incrementalPatch({ note: 'fuori dalle regole', updatedAt: '2025-11-22T09:00:00.000Z' }));
    await replication.state.awaitInSync();
    await new Promise((r) => setTimeout(r, 1_500)); // longer than RxDB's retry time
    expect(refused).toEqual([
      { collection: 'visits', id: 'v-1', error: 'forbidden', reason: 'patient "p-mario" is not in your care', baseRev: gateway.get('v-1')!['_rev'] },
    ]);
    expect(gateway.requests.filter((r) => r === 'POST _bulk_docs')).toHaveLength(1);
    expect((await db.collections.visits!.findOne('v-1').exec())!.note).toBe('fuori dalle regole');
    expect(gateway.get('v-1')!['note']).toBe('');
  });

  it('when the user fixes a refused change, then the fix is stored with every field of the refused edit', async () => {
    const { db, replication } = await device();
    gateway.refuse = (doc) => (doc['windowEnd'] === '08:00' ? { error: 'invalid', reason: 'windowEnd before windowStart' } : null);
    const visits = db.collections.visits!;
    await visits.findOne('v-1').exec().then((d) => d!.incrementalPatch({ note: 'nota', windowEnd: '08:00', updatedAt: '2025-11-22T09:00:00.000Z' }));
    await replication.state.awaitInSync();
    expect(refused).toHaveLength(1);

    await visits.findOne('v-1').exec().then((d) => d!.incrementalPatch({ windowEnd: '11:00', updatedAt: '2025-11-22T09:05:00.000Z' }));
    await replication.state.awaitInSync();
    expect(gateway.get('v-1')).toMatchObject({ note: 'nota', windowEnd: '11:00' });
  });

  it('when a patient leaves the care team, then the purge removes the visits locally and sends no deletion', async () => {
    gateway.put({ _id: 'v-2', ...withoutId(visit({ id: 'v-2', patientId: 'p-lucia' })) });
    const { db, replication } = await device();
    expect(await db.collections.visits!.count().exec()).toBe(2);
    const before = gateway.requests.length;

    const removed = await purgeRevokedPatients(db, { allowed: ['p-lucia'], pushed: new Set(['visits']), purged, isPending: () => false });
    await replication.state.awaitInSync();

    expect(removed).toEqual({ visits: 1 });
    expect((await db.collections.visits!.find().exec()).map((d) => d.id)).toEqual(['v-2']);
    expect(gateway.requests.slice(before).filter((r) => r.startsWith('POST'))).toEqual([]);
    expect(gateway.get('v-1')!['_deleted']).toBeUndefined();
  });
});

describe('replication of an append-only collection (observations)', () => {
  const open: OpenDatabase[] = [];
  const running: Replication[] = [];
  let gateway: FakeGateway;

  beforeEach(() => {
    epoch = 0;
    purged = new PurgedIds(new MemoryStore(), 'prossima.purged.u-anna');
    gateway = new FakeGateway(`${ORIGIN}/sync/observations/`);
    for (let i = 1; i <= 3; i++) gateway.put({ _id: `obs-${i}`, ...withoutId(observation({ id: `obs-${i}`, value: 36 + i / 10 })) });
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((r) => r.state.cancel()));
    await Promise.all(open.splice(0).map((db) => db.rx.remove()));
  });

  let epoch = 0;
  let purged: PurgedIds;

  async function sync(db: OpenDatabase, name: 'visits' | 'observations'): Promise<Replication> {
    const [replication] = startReplications(db, [{ name, push: true }], replicationContext({ gateway, purged, epoch: () => epoch }));
    running.push(replication);
    await replication.state.awaitInSync();
    return replication;
  }

  /** The replication's bookkeeping rows that hold a document's server state (not its checkpoints). */
  async function serverStateRows(replication: Replication): Promise<number> {
    const { documents } = await getChangedDocumentsSince(replication.state.metaInstance!, 1000);
    return documents.filter((row) => row.isCheckpoint === '0').length;
  }

  it('when it syncs, then RxDB keeps no per-document server state, and a reading taken here is sent once, also after a restart', async () => {
    const db = await tablet('observations');
    open.push(db);
    const replication = await sync(db, 'observations');
    expect(await db.collections.observations!.count().exec()).toBe(3);

    await db.collections.observations!.insert(observation({ id: 'obs-new', value: 37.9 }));
    await replication.state.awaitInSync();
    expect(gateway.get('obs-new')).toMatchObject({ value: 37.9 });
    expect(await serverStateRows(replication)).toBe(0);

    await replication.state.cancel();
    const writes = gateway.requests.filter((r) => r.includes('_bulk_docs')).length;
    const again = await sync(db, 'observations');
    expect(gateway.requests.filter((r) => r.includes('_bulk_docs')).length).toBe(writes);
    expect(await db.collections.observations!.count().exec()).toBe(4);
    expect(await serverStateRows(again)).toBe(0);
  });

  it('when the patient leaves the care team and comes back, then the readings go locally without a deletion sent, and come back whole', async () => {
    const db = await tablet('observations');
    open.push(db);
    const replication = await sync(db, 'observations');
    const posts = () => gateway.requests.filter((r) => r.startsWith('POST')).length;
    const before = posts();

    await purgeRevokedPatients(db, { allowed: [], pushed: new Set(['observations']), purged, isPending: () => false });
    await replication.state.awaitInSync();
    expect(await db.collections.observations!.count().exec()).toBe(0);
    expect(posts()).toBe(before);
    expect(gateway.get('obs-1')!['_deleted']).toBeUndefined();

    // The access check saw her again: a new epoch pulls from the start.
    epoch = 1;
    replication.state.reSync();
    await waitFor(async () => (await db.collections.observations!.count().exec()) === 3);
    expect((await db.collections.observations!.findOne('obs-2').exec())!.value).toBe(36.2);
  });

  it('when a mutable collection syncs, then RxDB keeps the server state of each document, which its merges need', async () => {
    gateway = new FakeGateway(`${ORIGIN}/sync/visits/`);
    gateway.put({ _id: 'v-1', ...withoutId(visit()) });
    const db = await tablet('visits');
    open.push(db);
    expect(await serverStateRows(await sync(db, 'visits'))).toBe(1);
  });
});

/** What the replications of one test tablet share: the in-memory gateway, its refusals and purges, no back-off. */
function replicationContext(options: {
  gateway: FakeGateway;
  purged: PurgedIds;
  feed?: Subject<FeedEvent>;
  refused?: SyncRefusal[];
  epoch?: () => number;
}): ReplicationContext {
  const { gateway, purged, feed = new Subject<FeedEvent>(), refused = [], epoch = () => 0 } = options;
  return {
    origin: ORIGIN,
    fetch: gateway.fetch,
    feed,
    run: (request) => request(),
    epoch,
    onPulled: () => undefined,
    onRefused: (r) => refused.push(r),
    onAccepted: () => undefined,
    refusalOf: (collection, id) => refused.find((r) => r.collection === collection && r.id === id),
    skipPush: (collection, doc) => doc._deleted && purged.take(collection, doc.id),
  };
}

function withoutId(doc: object): Record<string, unknown> {
  const { id: _id, ...rest } = doc as Record<string, unknown>;
  return rest;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
