import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_TRAITS, COLLECTIONS, ROLES, type CollectionName, type Role } from '@prossima/domain';
import { districtDatabase } from '../store/couch-store';
import { MATRIX, MATRIX_USERNAMES, matrixUser, readFixtures, sampleDoc, storeSequences } from '../testing/matrix-fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';
import type { CouchDoc } from './write-check';

/** The patient each writing role writes about inside its scope, and one outside it (none for district-wide rights). */
const IN_SCOPE: Record<Role, string> = { nurse: 'pat-a-001', patient: 'pat-a-001', 'district-nurse': 'pat-a-003', coordinator: 'pat-a-003', admin: 'pat-a-001' };
const OUT_OF_SCOPE: Partial<Record<Role, string>> = { nurse: 'pat-a-006', patient: 'pat-a-002' };

const hex = () => randomBytes(16).toString('hex');

/**
 * The authorization matrix, writes: each role × each collection, from the
 * access table, on every write path (`_bulk_docs` normal and
 * `new_edits:false`, `PUT <id>`, `DELETE <id>`): writes inside the scope,
 * another nurse's patient, another patient, another district, forged
 * `updatedBy` / `districtId` / `patientId`, append-only updates and a closed
 * visit. Every refusal names the document and the rule, and leaves the store
 * as it was (same `update_seq` in every collection database).
 */
describe('authorization matrix: every write path', () => {
  let server: TestServer;
  const tokens = {} as Record<Role, string>;
  let counter = 0;

  beforeAll(async () => {
    server = await startTestServer();
    for (const role of ROLES) tokens[role] = await server.login(MATRIX_USERNAMES[role]);
    for (const collection of COLLECTIONS) {
      await server.store.request({ db: districtDatabase('distretto-a', collection), path: '_bulk_docs', method: 'POST', body: { docs: readFixtures(collection) } });
    }
  });
  afterAll(() => server.close());

  const userId = (role: Role) => matrixUser(role).id;
  const newId = (role: Role, collection: CollectionName) => `mx-w-${role}-${collection}-${++counter}`;
  const bulk = (role: Role, collection: CollectionName, docs: unknown[], newEdits = true) =>
    server.call(`/sync/${collection}/_bulk_docs`, { token: tokens[role], body: newEdits ? { docs } : { docs, new_edits: false } });
  const put = (role: Role, collection: CollectionName, doc: CouchDoc) =>
    server.call(`/sync/${collection}/${doc._id}`, { token: tokens[role], method: 'PUT', body: doc });
  const del = (role: Role, collection: CollectionName, id: string, rev: string) =>
    server.call(`/sync/${collection}/${id}?rev=${rev}`, { token: tokens[role], method: 'DELETE' });

  /** A new document of `collection` inside the role's scope. */
  function inScope(role: Role, collection: CollectionName, changes: Record<string, unknown> = {}): CouchDoc {
    const patient = collection === 'patients' ? {} : { patientId: IN_SCOPE[role] };
    return sampleDoc(collection, { _id: newId(role, collection), ...patient, updatedBy: userId(role), ...changes });
  }

  /** Store `doc` directly (as if written earlier) and return it with its revision. */
  async function storeDirectly(collection: CollectionName, doc: CouchDoc): Promise<CouchDoc & { _rev: string }> {
    const [result] = await server.store.request<{ rev: string }[]>({ db: districtDatabase('distretto-a', collection), path: '_bulk_docs', method: 'POST', body: { docs: [doc] } });
    return { ...doc, _rev: result.rev };
  }

  async function storedOrNull(collection: CollectionName, id: string): Promise<Record<string, unknown> | null> {
    const answer = await server.store.request<{ rows: { doc?: Record<string, unknown> | null }[] }>({
      db: districtDatabase('distretto-a', collection), path: '_all_docs', method: 'POST', qs: { include_docs: 'true' }, body: { keys: [id] },
    });
    return answer.rows[0]?.doc ?? null;
  }

  /** Send `doc` on every write path that can carry it; each must be refused with `reason`, and nothing stored. */
  async function expectRefusedEverywhere(role: Role, collection: CollectionName, doc: CouchDoc, reason: string | RegExp, deleteRev?: string) {
    const before = await storeSequences(server);
    const matches = (text: string) => (typeof reason === 'string' ? expect(text).toBe(reason) : expect(text).toMatch(reason));
    const normal = await bulk(role, collection, [doc]);
    expect(normal.status).toBe(201);
    expect(normal.body[0]).toMatchObject({ id: doc._id, error: expect.stringMatching(/^(forbidden|invalid)$/) });
    matches(normal.body[0].reason);
    const replicated = await bulk(role, collection, [{ ...doc, _rev: `${doc._rev ? Number(doc._rev.split('-')[0]) + 1 : 1}-${hex()}` }], false);
    expect(replicated.body).toHaveLength(1);
    matches(replicated.body[0].reason);
    const single = await put(role, collection, doc);
    expect(single.status).toBeGreaterThanOrEqual(400);
    expect(single.status).toBeLessThan(500);
    matches(single.body.reason);
    if (deleteRev) {
      const deletion = await del(role, collection, doc._id, deleteRev);
      expect(deletion.status).toBe(403);
    }
    expect(await storeSequences(server)).toEqual(before);
  }

  it.each(MATRIX.filter((row) => !row.read))('when a $role writes $collection (no right to read it), then every write path answers 403 and nothing is stored', async ({ role, collection }) => {
    const before = await storeSequences(server);
    const doc = inScope(role, collection);
    const answers = [
      await bulk(role, collection, [doc]),
      await bulk(role, collection, [{ ...doc, _rev: `1-${hex()}` }], false),
      await put(role, collection, doc),
      await del(role, collection, readFixtures(collection)[0]._id, `1-${hex()}`),
    ];
    for (const answer of answers) expect(answer).toMatchObject({ status: 403, body: { error: 'forbidden', reason: `Role "${role}" may not read ${collection}` } });
    expect(await storeSequences(server)).toEqual(before);
  });

  it.each(MATRIX.filter((row) => row.read && !row.write))('when a $role writes $collection (read only), then every write path refuses it naming the rule', async ({ role, collection }) => {
    const existing = await storeDirectly(collection, inScope(role, collection, { updatedBy: 'u-cot-neri' }));
    await expectRefusedEverywhere(role, collection, { ...existing, updatedBy: userId(role) }, `role "${role}" may not write ${collection}`, existing._rev);
    await expectRefusedEverywhere(role, collection, inScope(role, collection), `role "${role}" may not write ${collection}`);
  });

  const writable = MATRIX.filter((row) => row.write);

  it.each(writable)('when a $role creates $collection in scope ($write), then every write path stores it and the audit names the patient', async ({ role, collection }) => {
    const viaBulk = inScope(role, collection);
    const normal = await bulk(role, collection, [viaBulk]);
    expect(normal.body[0]).toMatchObject({ id: viaBulk._id, ok: true });
    const viaReplication = { ...inScope(role, collection), _rev: `1-${hex()}` };
    expect((await bulk(role, collection, [viaReplication], false)).body).toEqual([]);
    const viaPut = inScope(role, collection);
    expect(await put(role, collection, viaPut)).toMatchObject({ status: 201, body: { ok: true, id: viaPut._id } });
    for (const doc of [viaBulk, viaReplication, viaPut]) expect((await storedOrNull(collection, doc._id))?.['updatedBy']).toBe(userId(role));

    const audit = await server.store.request<{ rows: { doc: Record<string, unknown> }[] }>({ db: districtDatabase('distretto-a', 'audit'), path: '_all_docs', qs: { include_docs: 'true' } });
    const entry = audit.rows.map((row) => row.doc).find((doc) => doc['docId'] === viaBulk._id);
    const field = COLLECTION_TRAITS[collection].patientField;
    expect(entry).toMatchObject({ userId: userId(role), collection, action: 'create', rev: normal.body[0].rev });
    expect(entry?.['patientId']).toBe(field === '_id' ? viaBulk._id : field ? IN_SCOPE[role] : undefined);
  });

  it.each(writable)('when a $role changes or deletes a stored $collection document, then mutable ones change and append-only ones are refused', async ({ role, collection }) => {
    const existing = await storeDirectly(collection, inScope(role, collection));
    const changed = { ...existing, updatedAt: new Date().toISOString() };
    if (COLLECTION_TRAITS[collection].appendOnly) {
      const rule = `${collection} are append-only: ${existing._id} cannot be changed or deleted; write a new document with supersedes`;
      await expectRefusedEverywhere(role, collection, changed, rule, existing._rev);
      // A re-send of the stored revision (a retried push) is answered as success, and stores nothing.
      const before = await storeSequences(server);
      expect((await bulk(role, collection, [existing])).body).toEqual([{ id: existing._id, ok: true, rev: existing._rev }]);
      expect((await bulk(role, collection, [{ ...existing, _revisions: { start: 1, ids: [existing._rev.slice(2)] } }], false)).body).toEqual([]);
      expect(await put(role, collection, existing)).toMatchObject({ status: 201, body: { rev: existing._rev } });
      expect(await storeSequences(server)).toEqual(before);
      return;
    }
    const updated = await bulk(role, collection, [changed]);
    expect(updated.body[0]).toMatchObject({ ok: true, rev: expect.stringMatching(/^2-/) });
    const replicated = { ...changed, _rev: `3-${hex()}`, _revisions: undefined, updatedAt: new Date().toISOString() };
    const parent = updated.body[0].rev as string;
    const revisions = { start: 3, ids: [replicated._rev.slice(2), parent.slice(2), existing._rev.slice(2)] };
    expect((await bulk(role, collection, [{ ...replicated, _revisions: revisions }], false)).body).toEqual([]);
    expect((await storedOrNull(collection, existing._id))?.['_rev']).toBe(replicated._rev);
    const viaPut = await put(role, collection, { ...replicated, updatedAt: new Date().toISOString() });
    expect(viaPut.status).toBe(201);
    expect((await del(role, collection, existing._id, viaPut.body.rev)).status).toBe(201);
    expect(await storedOrNull(collection, existing._id)).toBeNull();
  });

  it.each(writable)('when a $role writes $collection with forged fields or outside its scope, then each is refused by name and nothing is stored', async ({ role, collection, write }) => {
    const me = userId(role);
    const forgedBy = inScope(role, collection, { updatedBy: 'u-ifec-bianchi' });
    await expectRefusedEverywhere(role, collection, forgedBy, `${collection} document ${forgedBy._id}: updatedBy must be the signed-in user "${me}", not "u-ifec-bianchi"`);
    const forgedDistrict = inScope(role, collection, { districtId: 'distretto-b' });
    await expectRefusedEverywhere(role, collection, forgedDistrict, `${collection} document ${forgedDistrict._id}: districtId must be your district "distretto-a", not "distretto-b"`);

    if (COLLECTION_TRAITS[collection].patientField === 'patientId') {
      const existing = await storeDirectly(collection, inScope(role, collection));
      const moved = { ...existing, patientId: 'pat-a-002' };
      const rule = COLLECTION_TRAITS[collection].appendOnly ? /are append-only/ : `patientId of ${existing._id} cannot change`;
      await expectRefusedEverywhere(role, collection, moved, rule, undefined);
    }
    const outside = OUT_OF_SCOPE[role];
    if (outside && write !== 'district') {
      const theirs = inScope(role, collection, { patientId: outside });
      await expectRefusedEverywhere(role, collection, theirs, `${collection} document ${theirs._id}: patient "${outside}" is not in your care`);
      const [, other] = readFixtures(collection);
      const stored = (await storedOrNull(collection, other._id)) as CouchDoc & { _rev: string };
      await expectRefusedEverywhere(role, collection, { ...stored, updatedBy: me }, `${collection} document ${other._id} is outside your rights`, stored._rev);
    }
    const misfiled = readFixtures(collection).find((doc) => doc['districtId'] === 'distretto-b')!;
    const stored = (await storedOrNull(collection, misfiled._id)) as CouchDoc & { _rev: string };
    await expectRefusedEverywhere(role, collection, { ...stored, updatedBy: me }, `${collection} document ${misfiled._id} is outside your rights`, stored._rev);
  });

  it('when a closed visit is changed or deleted on any write path, then it is refused as closed; before closing, the nurse could close it', async () => {
    const open = await storeDirectly('visits', inScope('nurse', 'visits', { status: 'in-progress', startedAt: '2026-05-04T09:00:00.000Z' }));
    const closing = await bulk('nurse', 'visits', [{ ...open, status: 'done', endedAt: '2026-05-04T09:40:00.000Z', note: 'Parametri stabili.' }]);
    expect(closing.body[0]).toMatchObject({ ok: true });
    const closed = (await storedOrNull('visits', open._id)) as CouchDoc & { _rev: string };
    const rule = `visit ${open._id} is closed (done at 2026-05-04T09:40:00.000Z): it can no longer be changed`;
    await expectRefusedEverywhere('nurse', 'visits', { ...closed, note: 'Aggiunta dopo la chiusura.' }, rule, closed._rev);
    await expectRefusedEverywhere('nurse', 'visits', { ...closed, status: 'in-progress', endedAt: undefined }, rule, closed._rev);
  });
});
