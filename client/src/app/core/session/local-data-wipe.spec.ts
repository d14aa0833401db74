import { TestBed } from '@angular/core/testing';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { NURSE, visit } from '../../../testing/test-helpers';
import { DataKeyVault } from '../auth/data-key-vault';
import { DatabaseService, DEXIE_STORAGE_OPTIONS } from '../database/database';
import { LOCAL_STORE, MemoryStore, SESSION_STORE } from '../storage';
import { LocalDataWipe } from './local-data-wipe';

// Signing out wipes the user's local data (issue 3, item 7): RxDB + Dexie + crypto-js on fake-indexeddb.
describe('LocalDataWipe (sign-out on fake IndexedDB)', () => {
  let local: MemoryStore;
  let tab: MemoryStore;
  let counter = 0;
  let user: typeof NURSE;

  beforeEach(() => {
    local = new MemoryStore();
    tab = new MemoryStore();
    user = { ...NURSE, id: `u-wipe-${++counter}` };
    TestBed.configureTestingModule({
      providers: [
        { provide: LOCAL_STORE, useValue: local },
        { provide: SESSION_STORE, useValue: tab },
        { provide: DEXIE_STORAGE_OPTIONS, useValue: { indexedDB, IDBKeyRange } },
      ],
    });
  });

  async function databasesOf(userId: string): Promise<string[]> {
    return (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith(`rxdb-dexie-prossima-${userId}--`));
  }

  function entriesOf(store: MemoryStore, userId: string): string[] {
    return Array.from({ length: store.length }, (_, i) => store.key(i)!).filter((k) => k.endsWith(`.${userId}`));
  }

  async function signedInWithData(): Promise<void> {
    const key = await TestBed.inject(DataKeyVault).create(user.id, 'prossima');
    const db = await TestBed.inject(DatabaseService).open(user, key, { discardUnreadable: false });
    await db.collections.visits!.insert(visit({ note: 'Nota riservata' }));
    local.setItem(`prossima.pending.${user.id}`, JSON.stringify([{ collection: 'visits', id: 'v-1', updatedAt: '2025-11-22T09:00:00.000Z' }]));
    local.setItem(`prossima.lastSync.${user.id}`, '2025-11-22T08:00:00.000Z');
    local.setItem(`prossima.outbox.${user.id}`, '[]');
    // Not this user's, or not per user: they stay.
    local.setItem('prossima.deviceId', 'device-1');
    local.setItem('prossima.pending.u-other', '[]');
    local.setItem(`prossima.pending.x.${user.id}`, '[]');
    expect((await databasesOf(user.id)).length).toBeGreaterThan(0);
  }

  it('when the user signs out, then no IndexedDB database of hers remains and her localStorage and sessionStorage entries are gone', async () => {
    await signedInWithData();
    await expect(TestBed.inject(LocalDataWipe).wipe(user.id)).resolves.toBe(true);

    expect(await databasesOf(user.id)).toEqual([]);
    expect(entriesOf(local, user.id).filter((k) => k.split('.').length === 3)).toEqual([]);
    expect(entriesOf(tab, user.id)).toEqual([]);
    expect(TestBed.inject(DataKeyVault).key()).toBeNull();
    expect(local.getItem('prossima.deviceId')).toBe('device-1');
    expect(local.getItem('prossima.pending.u-other')).toBe('[]');
    expect(local.getItem(`prossima.pending.x.${user.id}`)).toBe('[]');
  });

  it('when the session was locked (database closed, key not in memory), then the wipe needs no key and leaves nothing', async () => {
    await signedInWithData();
    await TestBed.inject(DatabaseService).close();
    TestBed.inject(DataKeyVault).lock();

    await TestBed.inject(LocalDataWipe).wipe(user.id);
    expect(await databasesOf(user.id)).toEqual([]);
    expect(local.getItem(`prossima.dataKey.${user.id}`)).toBeNull();
  });

  it('when the database cannot be deleted in time, then the key is gone anyway and the deletion is retried at the next start', async () => {
    await signedInWithData();
    const database = TestBed.inject(DatabaseService);
    const remove = vi.spyOn(database, 'remove').mockRejectedValueOnce(new Error('database removal timed out'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const wipe = TestBed.inject(LocalDataWipe);

    await expect(wipe.wipe(user.id)).resolves.toBe(false);
    expect(local.getItem(`prossima.dataKey.${user.id}`)).toBeNull();
    expect(JSON.parse(local.getItem('prossima.leftoverDatabases')!)).toEqual([user.id]);

    remove.mockRestore();
    await wipe.retryLeftovers();
    expect(await databasesOf(user.id)).toEqual([]);
    expect(local.getItem('prossima.leftoverDatabases')).toBeNull();
  });
});
