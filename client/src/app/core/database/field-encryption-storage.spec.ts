import { COLLECTION_SCHEMAS, MIGRATIONS } from '@prossima/domain';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { addRxPlugin, createRxDatabase, RxJsonSchema, RxStorage } from 'rxdb';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { visit } from '../../../testing/test-helpers';
import { generateDataKey } from '../auth/data-key-wrap';
import { fieldEncryptedStorage } from './field-encryption-storage';

/** The raw rows of one collection's Dexie store, as on disk. */
async function rawDocs(databaseName: string, collection: string): Promise<Record<string, unknown>[]> {
  const info = (await indexedDB.databases()).find((d) => d.name?.startsWith(`rxdb-dexie-${databaseName}--`) && d.name.includes(`--${collection}`));
  if (!info?.name) throw new Error(`no IndexedDB database for ${collection}`);
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(info.name!);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const store = [...db.objectStoreNames].find((n) => n === 'docs')!;
  const rows = await new Promise<Record<string, unknown>[]>((resolve) => {
    const request = db.transaction(store, 'readonly').objectStore(store).getAll();
    request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
  });
  db.close();
  return rows;
}

/** Writes raw rows back into one collection's Dexie store (what someone with the disk could do). */
async function putRaw(databaseName: string, collection: string, rows: Record<string, unknown>[]): Promise<void> {
  const info = (await indexedDB.databases()).find((d) => d.name?.startsWith(`rxdb-dexie-${databaseName}--`) && d.name.includes(`--${collection}`));
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(info!.name!);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('docs', 'readwrite');
    for (const row of rows) tx.objectStore('docs').put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

let counter = 0;

async function openVisits(name: string, password: string, storage: RxStorage<unknown, unknown>) {
  // Validated: another spec of this run may have turned RxDB's dev-mode on, which insists on a validator.
  const db = await createRxDatabase({ name, storage: wrappedValidateAjvStorage({ storage }), password, multiInstance: false });
  const { visits } = await db.addCollections({
    visits: { schema: COLLECTION_SCHEMAS.visits as unknown as RxJsonSchema<unknown>, migrationStrategies: MIGRATIONS.visits },
  });
  return { db, visits };
}

describe('fieldEncryptedStorage (WebCrypto AES-GCM field encryption)', () => {
  const dexie = () => getRxStorageDexie({ indexedDB, IDBKeyRange });
  let name: string;
  let password: string;

  beforeAll(() => addRxPlugin(RxDBMigrationSchemaPlugin));
  beforeEach(() => {
    name = `fieldenc${Date.now()}x${++counter}`;
    password = generateDataKey(crypto);
  });

  it('when a document is stored, then its encrypted fields are sealed on disk, the rest is clear, and it reads back whole', async () => {
    const { db, visits } = await openVisits(name, password, fieldEncryptedStorage(dexie()));
    await visits.insert(visit({ id: 'v-1', note: 'Lesione sacrale', tasks: ['Medicazione'] }));

    const [row] = await rawDocs(name, 'visits');
    expect(row['note']).toMatch(/^s1\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/);
    expect(row['tasks']).toMatch(/^s1\./);
    expect(JSON.stringify(row)).not.toContain('Lesione');
    expect(row['patientId']).toBe(visit().patientId);
    expect((await visits.findOne('v-1').exec())?.toJSON()).toMatchObject({ note: 'Lesione sacrale', tasks: ['Medicazione'] });
    await db.close();
  });

  it('when documents are written, then RxDB gets them back (results, change events, reads) without one decryption', async () => {
    let decryptions = 0;
    const subtle = new Proxy(crypto.subtle, {
      get: (target, prop) => {
        const member = Reflect.get(target, prop) as (...args: unknown[]) => unknown;
        if (prop === 'decrypt') decryptions++;
        return typeof member === 'function' ? member.bind(target) : member;
      },
    });
    const counting = { getRandomValues: crypto.getRandomValues.bind(crypto), subtle } as unknown as Crypto;
    const { db, visits } = await openVisits(name, password, fieldEncryptedStorage(dexie(), counting));
    const events: unknown[] = [];
    const subscription = visits.insert$.subscribe((event) => events.push(event.documentData['note']));

    await visits.bulkInsert([visit({ id: 'v-1', note: 'prima' }), visit({ id: 'v-2', note: 'seconda' })]);
    const read = await visits.findByIds(['v-1', 'v-2']).exec();

    expect(events).toEqual(['prima', 'seconda']);
    expect([...read.values()].map((d) => d.note)).toEqual(['prima', 'seconda']);
    expect(decryptions).toBe(0);
    subscription.unsubscribe();
    await db.close();
  });

  it('when the same value is stored twice, then the two ciphertexts differ (a fresh IV per value)', async () => {
    const { db, visits } = await openVisits(name, password, fieldEncryptedStorage(dexie()));
    await visits.bulkInsert([visit({ id: 'v-1', note: 'uguale' }), visit({ id: 'v-2', note: 'uguale' })]);
    const rows = await rawDocs(name, 'visits');
    expect(rows[0]['note']).not.toBe(rows[1]['note']);
    await db.close();
  });

  it('when a ciphertext is moved to another document on disk, then reading that document fails instead of showing it', async () => {
    const { db, visits } = await openVisits(name, password, fieldEncryptedStorage(dexie()));
    await visits.bulkInsert([visit({ id: 'v-1', note: 'nota di Mario' }), visit({ id: 'v-2', note: 'nota di Anna' })]);
    await db.close();
    const rows = await rawDocs(name, 'visits');
    const first = rows.find((r) => r['id'] === 'v-1')!;
    const second = rows.find((r) => r['id'] === 'v-2')!;
    await putRaw(name, 'visits', [{ ...second, note: first['note'] }]);

    const again = await openVisits(name, password, fieldEncryptedStorage(dexie()));
    expect((await again.visits.findOne('v-1').exec())?.note).toBe('nota di Mario');
    await expect(again.visits.findOne('v-2').exec()).rejects.toThrow();
    await again.db.close();
  });

  it('when a database was written by the crypto-js plugin, then it opens and reads as it was, and rewrites use the new form', async () => {
    const legacy = await openVisits(name, password, wrappedKeyEncryptionCryptoJsStorage({ storage: dexie() }) as RxStorage<unknown, unknown>);
    await legacy.visits.insert(visit({ id: 'v-1', note: 'scritta prima' }));
    await legacy.db.close();
    expect((await rawDocs(name, 'visits'))[0]['note']).toMatch(/^U2FsdGVkX1/);

    const { db, visits } = await openVisits(name, password, fieldEncryptedStorage(dexie()));
    const doc = await visits.findOne('v-1').exec();
    expect(doc?.note).toBe('scritta prima');
    await doc!.incrementalPatch({ note: 'riscritta' });
    expect((await rawDocs(name, 'visits'))[0]['note']).toMatch(/^s1\./);
    expect((await visits.findOne('v-1').exec())?.note).toBe('riscritta');
    await db.close();
  });

  it('when the schema has encrypted fields but the database has no password, then it refuses to open them', async () => {
    const db = await createRxDatabase({ name, storage: wrappedValidateAjvStorage({ storage: fieldEncryptedStorage(dexie()) }), multiInstance: false });
    await expect(
      db.addCollections({ visits: { schema: COLLECTION_SCHEMAS.visits as unknown as RxJsonSchema<unknown>, migrationStrategies: MIGRATIONS.visits } }),
    ).rejects.toThrow();
    await db.close();
  });
});
