import { COLLECTION_SCHEMAS, MIGRATIONS } from '@prossima/domain';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { addRxPlugin, createRxDatabase, RxJsonSchema, RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { visit } from '../../../testing/test-helpers';
import { knownIdsStorage } from './known-ids-storage';

let counter = 0;

/** A visits collection on fake IndexedDB holding `ids`, through `storage`. */
async function visitsWith(storage: RxStorage<unknown, unknown>, ids: string[]) {
  // Validated: another spec of this run may have turned RxDB's dev-mode on, which insists on a validator.
  const db = await createRxDatabase({ name: `knownids${Date.now()}x${++counter}`, storage: wrappedValidateAjvStorage({ storage }), multiInstance: false });
  const { encrypted: _clear, ...schema } = COLLECTION_SCHEMAS.visits;
  const { visits } = await db.addCollections({ visits: { schema: schema as unknown as RxJsonSchema<unknown>, migrationStrategies: MIGRATIONS.visits } });
  await visits.bulkInsert(ids.map((id) => visit({ id })));
  return { db, visits };
}

const idsOf = (docs: { id?: unknown }[]) => docs.map((d) => String(d.id)).sort();

describe('knownIdsStorage (bulk lookups by id read only the stored ids)', () => {
  const dexie = () => getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;
  const stored = Array.from({ length: 80 }, (_, i) => `v-${String(i).padStart(3, '0')}`);

  beforeAll(() => addRxPlugin(RxDBMigrationSchemaPlugin));

  it('when many ids are looked up, some stored, some deleted, some not, then it finds what Dexie alone finds', async () => {
    const wanted = [...stored.filter((_, i) => i % 2 === 0), ...Array.from({ length: 60 }, (_, i) => `w-${i}`), 'a-first', 'z-last', 'v-zzz'].reverse();
    const results = [];
    for (const storage of [dexie(), knownIdsStorage(dexie())]) {
      const { db, visits } = await visitsWith(storage, [...stored, 'v-zzz']);
      await visits.findByIds(['v-000', 'v-002']).exec().then((docs) => Promise.all([...docs.values()].map((d) => d.remove())));
      const instance = visits.storageInstance;
      results.push({ live: idsOf(await instance.findDocumentsById(wanted, false)), withDeleted: idsOf(await instance.findDocumentsById(wanted, true)) });
      await db.remove();
    }
    const [plain, known] = results;
    expect(known).toEqual(plain);
    expect(known.live).toHaveLength(39);
    expect(known.withDeleted).toHaveLength(41);
    expect(known.live).not.toContain('v-000');
    expect(known.withDeleted).toContain('v-000');
  });

  it('when none of many ids is stored, then none is returned', async () => {
    const { db, visits } = await visitsWith(knownIdsStorage(dexie()), stored);
    const absent = Array.from({ length: 100 }, (_, i) => `x-${i}`);
    expect(await visits.storageInstance.findDocumentsById(absent, true)).toEqual([]);
    await db.remove();
  });

  it('when few ids are looked up, then the documents come back whole', async () => {
    const { db, visits } = await visitsWith(knownIdsStorage(dexie()), stored);
    const [doc] = await visits.storageInstance.findDocumentsById(['v-007'], false);
    expect(doc).toMatchObject({ id: 'v-007', patientId: visit().patientId, _deleted: false });
    await db.remove();
  });
});
