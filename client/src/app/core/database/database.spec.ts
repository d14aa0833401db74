import { TestBed } from '@angular/core/testing';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { firstValueFrom, filter } from 'rxjs';
import { NURSE, patient, provideMemoryStorage, visit } from '../../../testing/test-helpers';
import type { DataKey } from '../auth/data-key-vault';
import { generateDataKey } from '../auth/data-key-wrap';
import { PendingChanges } from '../sync/pending-changes';
import { LocalWrites } from '../sync/local-writes';
import { DatabaseService, DEXIE_STORAGE_OPTIONS } from './database';
import { readableCollections } from './database-types';
import { LocalRecords } from './local-records';

const KEEP = { discardUnreadable: false };

/** Every record of every object store of the IndexedDB databases whose name starts with `prefix`, as JSON text. */
async function rawRecords(prefix: string): Promise<string> {
  const records: unknown[] = [];
  for (const info of await indexedDB.databases()) {
    if (!info.name?.startsWith(prefix)) continue;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(info.name!);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const store of Array.from(db.objectStoreNames)) {
      const all = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store, 'readonly').objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      records.push(...all);
    }
    db.close();
  }
  return JSON.stringify(records);
}

// RxDB + Dexie + WebCrypto field encryption on fake-indexeddb: the domain schemas must be accepted as RxDB schemas,
// the clinical fields must be encrypted on disk, and the screens' queries and the local write path
// must work on them.
describe('DatabaseService (RxDB on fake IndexedDB)', () => {
  let database: DatabaseService;
  let userId: string;
  let key: DataKey;
  let counter = 0;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideMemoryStorage(), { provide: DEXIE_STORAGE_OPTIONS, useValue: { indexedDB, IDBKeyRange } }],
    });
    database = TestBed.inject(DatabaseService);
    userId = `u-test-${++counter}`;
    key = { userId, secret: generateDataKey(crypto) };
  });

  afterEach(async () => {
    await database.remove(userId);
  });

  it('when a nurse’s database opens, then it has every collection she may read', async () => {
    const db = await database.open({ ...NURSE, id: userId }, key, KEEP);
    expect(db.name).toBe(`prossima-${userId}`);
    expect(Object.keys(db.collections).sort()).toEqual([...readableCollections('nurse')].sort());
  });

  it('when the database is removed at sign-out, then no IndexedDB database of it is left', async () => {
    await database.open({ ...NURSE, id: userId }, key, KEEP);
    await database.remove(userId);
    const left = (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.includes(`prossima-${userId}-`));
    expect(left).toEqual([]);
  });

  it('when a closed database is removed (a locked session signs out), then it goes without its key', async () => {
    const db = await database.open({ ...NURSE, id: userId }, key, KEEP);
    await db.collections.visits!.insert(visit());
    await database.close();
    await database.remove(userId);
    const left = (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.includes(`prossima-${userId}-`));
    expect(left).toEqual([]);
  });

  it('when a patient’s database opens, then only the collections a patient reads exist', async () => {
    const db = await database.open({ ...NURSE, id: userId, role: 'patient', patientId: 'p-mario' }, key, KEEP);
    expect(Object.keys(db.collections).sort()).toEqual([...readableCollections('patient')].sort());
  });

  it('when clinical documents are stored, then their encrypted fields are not readable in the raw IndexedDB store', async () => {
    const db = await database.open({ ...NURSE, id: userId }, key, KEEP);
    await db.collections.patients!.insert(patient({ codiceFiscale: 'RSSMRA40A01H501U', allergies: ['Penicillina'] }));
    await db.collections.visits!.insert(visit({ note: 'Lesione sacrale in miglioramento', tasks: ['Medicazione lesione'] }));

    const raw = await rawRecords(`rxdb-dexie-prossima-${userId}--`);
    // The clear, indexed fields are there (so this really reads the stored documents)…
    expect(raw).toContain('Rossi');
    expect(raw).toContain('2025-11-22');
    // …the encrypted ones are not.
    for (const secret of ['Lesione sacrale', 'Medicazione lesione', 'RSSMRA40A01H501U', 'Penicillina', 'Via Appia', 'Scompenso', '1940-01-01']) {
      expect(raw, secret).not.toContain(secret);
    }
    // And the app reads them in clear.
    const stored = await db.collections.visits!.findOne('v-1').exec();
    expect(stored?.note).toBe('Lesione sacrale in miglioramento');
  });

  it('when the database is opened with another key, then it refuses, and keeps the data unless told to discard it', async () => {
    const user = { ...NURSE, id: userId };
    const db = await database.open(user, key, KEEP);
    await db.collections.visits!.insert(visit());
    await database.close();
    const otherKey: DataKey = { userId, secret: generateDataKey(crypto) };

    await expect(database.open(user, otherKey, KEEP)).rejects.toMatchObject({ code: 'local-database' });
    // Unsent changes under a key this device no longer has cannot be carried over: the database stays as it is.
    const unsent = [{ collection: 'visits' as const, id: 'v-1' }];
    await expect(database.open(user, otherKey, { discardUnreadable: false, unsent })).rejects.toMatchObject({ code: 'local-database' });
    const again = await database.open(user, key, KEEP);
    expect(await again.collections.visits!.count().exec()).toBe(1);
    await database.close();

    const fresh = await database.open(user, otherKey, { discardUnreadable: true });
    expect(await fresh.collections.visits!.count().exec()).toBe(0);
  });

  it('when a database from before encryption holds unsent changes, then they are carried into the encrypted one and the rest is dropped', async () => {
    const user = { ...NURSE, id: userId };
    // What the previous app version wrote: no key, `encrypted` ignored, the note in clear.
    const { createRxDatabase } = await import('rxdb');
    const { getRxStorageDexie } = await import('rxdb/plugins/storage-dexie');
    const { COLLECTION_SCHEMAS, MIGRATIONS } = await import('@prossima/domain');
    const plain = (c: 'patients' | 'visits') => {
      const { encrypted: _clear, ...schema } = COLLECTION_SCHEMAS[c];
      return { schema: schema as never, migrationStrategies: MIGRATIONS[c] };
    };
    const legacy = await createRxDatabase({ name: `prossima-${userId}`, storage: getRxStorageDexie({ indexedDB, IDBKeyRange }), multiInstance: false });
    const old = await legacy.addCollections({ patients: plain('patients'), visits: plain('visits') });
    await old['visits'].insert(visit({ id: 'v-1', note: 'Nota mai inviata' }));
    await old['visits'].insert(visit({ id: 'v-2', note: 'Già sul server' }));
    await legacy.close();

    const db = await database.open(user, key, { discardUnreadable: false, unsent: [{ collection: 'visits', id: 'v-1' }] });
    expect((await db.collections.visits!.find().exec()).map((d) => [d.id, d.note])).toEqual([['v-1', 'Nota mai inviata']]);
    expect(await rawRecords(`rxdb-dexie-prossima-${userId}--`)).not.toContain('Nota mai inviata');
  });

  it('when a visit is stored, then the date query and the visit query emit it as plain data', async () => {
    const db = await database.open({ ...NURSE, id: userId }, key, KEEP);
    await db.collections.patients!.insert(patient());
    await db.collections.visits!.insert(visit({ id: 'v-1', date: '2025-11-22' }));
    await db.collections.visits!.insert(visit({ id: 'v-2', date: '2025-11-23' }));
    const records = TestBed.inject(LocalRecords);

    const onDate = await firstValueFrom(records.visitsOn$('2025-11-22'));
    expect(onDate.map((v) => v.id)).toEqual(['v-1']);
    expect(onDate[0]).not.toHaveProperty('_rev');
    const one = await firstValueFrom(records.visit$('v-2'));
    expect(one?.date).toBe('2025-11-23');
    const patients = await firstValueFrom(records.patients$());
    expect(patients.map((p) => p.familyName)).toEqual(['Rossi']);
  });

  it('when a visit note is written locally, then the document changes and one change is pending', async () => {
    const db = await database.open({ ...NURSE, id: userId }, key, KEEP);
    TestBed.inject(PendingChanges).bindUser(userId);
    await db.collections.visits!.insert(visit({ id: 'v-1' }));
    const records = TestBed.inject(LocalRecords);

    await TestBed.inject(LocalWrites).patch('visits', 'v-1', () => ({
      note: 'Nota offline',
      updatedAt: '2025-11-22T09:30:00.000Z',
      updatedBy: userId,
    }));

    const stored = await firstValueFrom(records.visit$('v-1').pipe(filter((v) => v?.note === 'Nota offline')));
    expect(stored?.updatedAt).toBe('2025-11-22T09:30:00.000Z');
    expect(TestBed.inject(PendingChanges).count()).toBe(1);
  });

  it('when writing a document that is not on the device, then it fails with save-failed and nothing is pending', async () => {
    await database.open({ ...NURSE, id: userId }, key, KEEP);
    TestBed.inject(PendingChanges).bindUser(userId);
    await expect(
      TestBed.inject(LocalWrites).patch('visits', 'v-missing', () => ({ note: 'x', updatedAt: '2025-11-22T09:30:00.000Z', updatedBy: userId })),
    ).rejects.toMatchObject({ code: 'save-failed' });
    expect(TestBed.inject(PendingChanges).count()).toBe(0);
  });
});
