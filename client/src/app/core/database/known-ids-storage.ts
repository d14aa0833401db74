// Loaded with import() only, with the rest of the database layer.
import type { DexieStorageInternals, RxStorage, RxStorageInstance, RxStorageInstanceCreationParams } from 'rxdb';

/** Below this many keys a lookup reads them one by one as Dexie does; from here on it asks which exist first. */
const BULK_LOOKUP = 50;

/** The Dexie table of an RxDB Dexie storage instance. */
type DexieTable = Awaited<DexieStorageInternals>['dexieTable'];

/** Tables already taught to skip absent keys (Dexie shares one table between instances of the same database). */
const taught = new WeakSet<DexieTable>();

/**
 * RxDB's Dexie storage, whose bulk reads by id skip the ids that are not stored.
 *
 * Dexie reads a list of keys with one IndexedDB request per key, and RxDB
 * looks up every document before it writes it: the replication reads the
 * local state and its replication state of each pulled document, and the
 * storage reads each document again inside the write's transaction. On a
 * first sync nearly every id is new, so most of those requests find nothing.
 * Here one key-only range request (within the same transaction) says which
 * of the ids exist, and only those are read: the results are the same.
 */
export function knownIdsStorage<Internals, Options>(storage: RxStorage<Internals, Options>): RxStorage<Internals, Options> {
  return {
    ...storage,
    async createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, Options>): Promise<RxStorageInstance<RxDocType, Internals, Options>> {
      const instance = await storage.createStorageInstance(params);
      const { dexieTable } = await (instance.internals as unknown as DexieStorageInternals);
      skipAbsentKeys(dexieTable);
      return instance;
    },
  };
}

function skipAbsentKeys(table: DexieTable): void {
  if (taught.has(table)) return;
  taught.add(table);
  const bulkGet = table.bulkGet.bind(table);
  table.bulkGet = (async (keys: string[]) => {
    // RxDB's ids are strings; anything else (a compound key) is read as Dexie reads it.
    if (keys.length < BULK_LOOKUP || !keys.every((key) => typeof key === 'string')) return bulkGet(keys);
    const sorted = [...keys].sort();
    const stored = new Set(await table.where(':id').between(sorted[0], sorted[sorted.length - 1], true, true).primaryKeys());
    const present = keys.filter((key) => stored.has(key));
    if (present.length === 0) return keys.map(() => undefined);
    const found = await bulkGet(present);
    const byKey = new Map(present.map((key, i) => [key, found[i]]));
    return keys.map((key) => byKey.get(key));
  }) as typeof table.bulkGet;
}
