// Loaded with import() only: this module pulls RxDB and Dexie, which must stay
// out of the initial bundle.
import { COLLECTION_SCHEMAS, CollectionName, MIGRATIONS } from '@prossima/domain';
import { addRxPlugin, createRxDatabase, removeRxDatabase, RxCollectionCreator, RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { conflictHandlerFor } from '../sync/conflict-handlers';
import { DexieStorageOptions, OpenDatabase, ProssimaCollections } from './database-types';

// Older local databases are migrated to the current schema versions when opened.
addRxPlugin(RxDBMigrationSchemaPlugin);

/** Opens (or creates) a database with the given collections. */
export async function openDatabase(
  name: string,
  collections: readonly CollectionName[],
  storageOptions: DexieStorageOptions,
): Promise<OpenDatabase> {
  const rx = await createRxDatabase({
    name,
    storage: getRxStorageDexie(storageOptions),
    // Tabs share the database; only the leader tab replicates.
    multiInstance: true,
    localDocuments: true,
    // A second open of the same name (e.g. sign out and in again quickly) replaces the first.
    closeDuplicates: true,
  });
  const creators: Record<string, RxCollectionCreator> = {};
  for (const collection of collections) {
    const handler = conflictHandlerFor(collection);
    // Encryption at rest is not wired yet: the fields it will cover are stored in clear for now.
    const { encrypted: _notYet, ...schema } = COLLECTION_SCHEMAS[collection];
    creators[collection] = {
      // The domain schema is RxDB's schema; its readonly arrays only differ in type.
      schema: schema as unknown as RxJsonSchema<unknown>,
      migrationStrategies: MIGRATIONS[collection],
      ...(handler ? { conflictHandler: handler } : {}),
    };
  }
  const created = await rx.addCollections(creators);
  return { name, rx, collections: created as unknown as ProssimaCollections };
}

/** Deletes a database that is not open (every collection's IndexedDB store). */
export async function deleteDatabase(name: string, storageOptions: DexieStorageOptions): Promise<void> {
  await removeRxDatabase(name, getRxStorageDexie(storageOptions), true);
}
