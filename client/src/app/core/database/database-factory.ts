// Loaded with import() only: this module pulls RxDB and Dexie, which must stay
// out of the initial bundle.
import { COLLECTION_SCHEMAS, CollectionName, MIGRATIONS } from '@prossima/domain';
import { addRxPlugin, createRxDatabase, RxCollectionCreator, RxJsonSchema, RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { conflictHandlerFor } from '../sync/conflict-handlers';
import { fieldEncryptedStorage } from './field-encryption-storage';
import { knownIdsStorage } from './known-ids-storage';
import { DexieStorageOptions, OpenDatabase, ProssimaCollections } from './database-types';

// Older local databases are migrated to the current schema versions when opened.
addRxPlugin(RxDBMigrationSchemaPlugin);

/**
 * RxDB errors meaning "this local database was written with another data key
 * (DB1: password hash mismatch) or another schema at the same version (DB6)":
 * what is on disk cannot be read with what the app has now.
 */
const UNREADABLE_CODES = new Set(['DB1', 'DB6']);

/** The database on disk cannot be opened with this key or these schemas (see {@link UNREADABLE_CODES}). */
export class UnreadableDatabaseError extends Error {
  override readonly name = 'UnreadableDatabaseError';
  constructor(
    readonly rxCode: string,
    cause: unknown,
  ) {
    super(`the local database cannot be opened (${rxCode})`, { cause });
  }
}

/**
 * Dexie (IndexedDB) storage with the fields each schema lists in `encrypted`
 * encrypted (WebCrypto AES-GCM), whose bulk reads by id skip absent ids.
 */
function encryptedStorage(storageOptions: DexieStorageOptions): RxStorage<unknown, unknown> {
  return fieldEncryptedStorage(knownIdsStorage(getRxStorageDexie(storageOptions))) as RxStorage<unknown, unknown>;
}

/**
 * Opens (or creates) a database with the given collections, encrypted at rest
 * with `dataKey` (the user's data key, see core/auth/data-key-wrap.ts). Throws
 * {@link UnreadableDatabaseError} when the database on disk was made with
 * another key or incompatible schemas.
 */
export async function openDatabase(
  name: string,
  collections: readonly CollectionName[],
  storageOptions: DexieStorageOptions,
  dataKey: string,
): Promise<OpenDatabase> {
  const rx = await createRxDatabase({
    name,
    storage: encryptedStorage(storageOptions),
    // RxDB keeps a hash of it in its internal store to refuse a wrong key (DB1); the key is 256 random bits,
    // so the hash gives nothing away.
    password: dataKey,
    // Tabs share the database; only the leader tab replicates.
    multiInstance: true,
    localDocuments: true,
    // A second open of the same name (e.g. sign out and in again quickly) replaces the first.
    closeDuplicates: true,
  });
  const creators: Record<string, RxCollectionCreator> = {};
  for (const collection of collections) {
    const handler = conflictHandlerFor(collection);
    creators[collection] = {
      // The domain schema is RxDB's schema, `encrypted` list included; its readonly arrays only differ in type.
      schema: COLLECTION_SCHEMAS[collection] as unknown as RxJsonSchema<unknown>,
      migrationStrategies: MIGRATIONS[collection],
      ...(handler ? { conflictHandler: handler } : {}),
    };
  }
  try {
    const created = await rx.addCollections(creators);
    return { name, rx, collections: created as unknown as ProssimaCollections };
  } catch (err) {
    // Close it, or IndexedDB refuses to delete what is on disk.
    await rx.close();
    const code = rxErrorCode(err);
    throw code !== null && UNREADABLE_CODES.has(code) ? new UnreadableDatabaseError(code, err) : err;
  }
}


/** A document to carry over from a database written before encryption. */
export interface DocumentRef {
  collection: CollectionName;
  id: string;
}

/**
 * Reads the documents `wanted` from a database written before encryption at
 * rest (no key; the schemas as that app version used them, `encrypted`
 * stripped; older schema versions migrated on the way), then closes it. Used
 * once, to carry unsent changes over into the new encrypted database. Throws
 * when the database cannot be opened that way (e.g. it is encrypted with a
 * key this device no longer has).
 */
export async function readUnencrypted(
  name: string,
  collections: readonly CollectionName[],
  storageOptions: DexieStorageOptions,
  wanted: readonly DocumentRef[],
): Promise<Map<CollectionName, Record<string, unknown>[]>> {
  // Only the collections holding wanted documents: the failed encrypted open may have registered the others anew.
  const needed = collections.filter((collection) => wanted.some((ref) => ref.collection === collection));
  if (needed.length === 0) return new Map();
  const rx = await createRxDatabase({ name, storage: getRxStorageDexie(storageOptions), multiInstance: false, closeDuplicates: true });
  try {
    const creators: Record<string, RxCollectionCreator> = {};
    for (const collection of needed) {
      const { encrypted: _plain, ...schema } = COLLECTION_SCHEMAS[collection];
      creators[collection] = { schema: schema as unknown as RxJsonSchema<unknown>, migrationStrategies: MIGRATIONS[collection] };
    }
    const created = await rx.addCollections(creators);
    const found = new Map<CollectionName, Record<string, unknown>[]>();
    for (const collection of needed) {
      const ids = wanted.filter((ref) => ref.collection === collection).map((ref) => ref.id);
      const docs = await created[collection].findByIds(ids).exec();
      found.set(collection, Array.from(docs.values()).map((doc) => doc.toMutableJSON() as Record<string, unknown>));
    }
    return found;
  } finally {
    await rx.close();
  }
}

/** The `code` of an RxError (e.g. 'DB1'), or `null`. */
function rxErrorCode(err: unknown): string | null {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : null;
}
