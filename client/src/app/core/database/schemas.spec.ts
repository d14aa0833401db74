import { COLLECTION_SCHEMAS, COLLECTIONS, MIGRATIONS } from '@prossima/domain';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { addRxPlugin, createRxDatabase, RxJsonSchema } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { fieldEncryptedStorage } from './field-encryption-storage';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { patient, visit } from '../../../testing/test-helpers';

// The app runs RxDB without dev-mode (it adds a tracking iframe); this test runs the
// domain schemas through dev-mode's checks and a validator once, in isolation, on the
// same encryption storage as the app (dev-mode refuses `encrypted` fields without one: UT6).
describe('domain schemas in RxDB dev-mode', () => {
  beforeAll(() => {
    disableWarnings();
    addRxPlugin(RxDBDevModePlugin);
    addRxPlugin(RxDBMigrationSchemaPlugin);
  });

  let counter = 0;

  async function openValidated() {
    const db = await createRxDatabase({
      name: `schemacheck${Date.now()}x${++counter}`,
      storage: wrappedValidateAjvStorage({
        storage: fieldEncryptedStorage(getRxStorageDexie({ indexedDB, IDBKeyRange })),
      }),
      password: 'a-test-data-key-of-enough-length',
      multiInstance: false,
    });
    const collections = await db.addCollections(
      Object.fromEntries(
        COLLECTIONS.map((name) => [
          name,
          { schema: COLLECTION_SCHEMAS[name] as unknown as RxJsonSchema<unknown>, migrationStrategies: MIGRATIONS[name] },
        ]),
      ),
    );
    return { db, collections };
  }

  it('when dev-mode checks every collection schema, then RxDB accepts them and valid documents are stored', async () => {
    const { db, collections } = await openValidated();
    await collections['patients'].insert(patient());
    await collections['visits'].insert(visit());
    expect(await collections['visits'].count().exec()).toBe(1);
    await db.remove();
  });

  it('when a document breaks its schema, then the local write is refused', async () => {
    const { db, collections } = await openValidated();
    await expect(collections['visits'].insert({ ...visit(), windowStart: '25:00' })).rejects.toThrow();
    await db.remove();
  });

  it('when a schema lists fields to encrypt, then none of them is indexed or the primary key (RxDB could not query them)', () => {
    for (const name of COLLECTIONS) {
      const { encrypted = [], indexes = [], primaryKey } = COLLECTION_SCHEMAS[name];
      const indexed = new Set<string>([primaryKey, ...indexes.flat()]);
      expect(encrypted.filter((field) => indexed.has(field)), name).toEqual([]);
    }
  });
});
