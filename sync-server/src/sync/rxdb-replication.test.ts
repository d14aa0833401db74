import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { COLLECTION_SCHEMAS, localDate, MIGRATIONS, type CollectionName, type PatientDoc, type VisitDoc } from '@prossima/domain';
import { addRxPlugin } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { districtDatabase } from '../store/couch-store';
import { startTestServer, type TestServer } from '../testing/test-server';

addRxPlugin(RxDBMigrationSchemaPlugin);

/** The domain schema as RxDB takes it, without field encryption (which needs a password this test does not set). */
function rxSchema(name: CollectionName): unknown {
  const { encrypted: _clear, ...schema } = COLLECTION_SCHEMAS[name];
  return schema;
}

// RxDB's CouchDB replication, the client's sync engine, against the real gateway.
describe('RxDB CouchDB replication through the gateway', () => {
  let server: TestServer;
  let db: RxDatabase<{ patients: RxCollection<PatientDoc>; visits: RxCollection<VisitDoc> }>;
  let token: string;
  const replications: RxCouchDBReplicationState<unknown>[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.login('ifec.rossi');
    db = await createRxDatabase({ name: `test${Date.now()}`, storage: getRxStorageMemory(), multiInstance: false });
    await db.addCollections({
      patients: { schema: rxSchema('patients') as RxJsonSchema<PatientDoc>, migrationStrategies: MIGRATIONS.patients },
      visits: { schema: rxSchema('visits') as RxJsonSchema<VisitDoc>, migrationStrategies: MIGRATIONS.visits },
    });
  });
  afterAll(async () => {
    await Promise.all(replications.map((r) => r.cancel()));
    await db?.remove();
    await server.close();
  });

  function replicate(name: 'patients' | 'visits', push: boolean, live = false) {
    const state = replicateCouchDB({
      replicationIdentifier: `test-${name}-${push}-${live}`,
      collection: db[name] as RxCollection,
      url: `${server.baseUrl}/sync/${name}/`,
      live,
      fetch: (url, init) => fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), Authorization: `Bearer ${token}` } }),
      pull: { batchSize: 3 },
      ...(push ? { push: {} } : {}),
    }) as RxCouchDBReplicationState<unknown>;
    replications.push(state);
    const errors: unknown[] = [];
    state.error$.subscribe((e) => errors.push(e));
    return { state, errors };
  }

  it('when the nurse pulls in small batches, then she gets her care team and their visits, nothing more', async () => {
    const patients = replicate('patients', false);
    const visits = replicate('visits', false);
    await patients.state.awaitInitialReplication();
    await visits.state.awaitInitialReplication();
    expect(patients.errors).toEqual([]);
    const ids = (await db.patients.find().exec()).map((d) => d.id).sort();
    expect(ids).toEqual(['pat-a-001', 'pat-a-002', 'pat-a-003', 'pat-a-004', 'pat-a-005']);
    expect(await db.visits.count().exec()).toBe(20);
  });

  it('when she edits a visit note locally, then the live replication pushes it to the server', async () => {
    const id = `v-${localDate(new Date())}-pat-a-001`;
    const { state, errors } = replicate('visits', true, true);
    await state.awaitInitialReplication();
    const visit = await db.visits.findOne(id).exec();
    await visit!.incrementalPatch({ note: 'Nota da RxDB', status: 'in-progress', updatedAt: new Date().toISOString(), updatedBy: 'u-ifec-rossi' });
    await state.awaitInSync();
    expect(errors).toEqual([]);
    const stored = await server.store.request<VisitDoc>({ db: districtDatabase('distretto-a', 'visits'), doc: id });
    expect(stored.note).toBe('Nota da RxDB');
    expect(stored.updatedBy).toBe('u-ifec-rossi');
  });
});
