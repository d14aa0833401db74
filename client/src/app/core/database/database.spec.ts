import { TestBed } from '@angular/core/testing';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { firstValueFrom, filter } from 'rxjs';
import { NURSE, patient, provideMemoryStorage, visit } from '../../../testing/test-helpers';
import { PendingChanges } from '../sync/pending-changes';
import { LocalWrites } from '../sync/local-writes';
import { DatabaseService, DEXIE_STORAGE_OPTIONS } from './database';
import { LocalRecords } from './local-records';

// RxDB + Dexie on fake-indexeddb: the domain schemas must be accepted as RxDB schemas,
// and the screens' queries and the local write path must work on them.
describe('DatabaseService (RxDB on fake IndexedDB)', () => {
  let database: DatabaseService;
  let userId: string;
  let counter = 0;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideMemoryStorage(), { provide: DEXIE_STORAGE_OPTIONS, useValue: { indexedDB, IDBKeyRange } }],
    });
    database = TestBed.inject(DatabaseService);
    userId = `u-test-${++counter}`;
  });

  afterEach(async () => {
    await database.remove(userId);
  });

  it('when a nurse’s database opens, then it has the patients and visits collections', async () => {
    const db = await database.open({ ...NURSE, id: userId });
    expect(db.name).toBe(`prossima-${userId}`);
    expect(Object.keys(db.collections).sort()).toEqual(['patients', 'visits']);
  });

  it('when the database is removed at sign-out, then no IndexedDB database of it is left', async () => {
    await database.open({ ...NURSE, id: userId });
    await database.remove(userId);
    const left = (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.includes(`prossima-${userId}-`));
    expect(left).toEqual([]);
  });

  it('when a patient’s database opens, then only the patients collection exists', async () => {
    const db = await database.open({ ...NURSE, id: userId, role: 'patient', patientId: 'p-mario' });
    expect(Object.keys(db.collections)).toEqual(['patients']);
  });

  it('when a visit is stored, then the date query and the visit query emit it as plain data', async () => {
    const db = await database.open({ ...NURSE, id: userId });
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
    const db = await database.open({ ...NURSE, id: userId });
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
    await database.open({ ...NURSE, id: userId });
    TestBed.inject(PendingChanges).bindUser(userId);
    await expect(
      TestBed.inject(LocalWrites).patch('visits', 'v-missing', () => ({ note: 'x', updatedAt: '2025-11-22T09:30:00.000Z', updatedBy: userId })),
    ).rejects.toMatchObject({ code: 'save-failed' });
    expect(TestBed.inject(PendingChanges).count()).toBe(0);
  });
});
