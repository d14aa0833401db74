import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS, ROLES, type CollectionName, type Role } from '@prossima/domain';
import { districtDatabase } from '../store/couch-store';
import { fixtureIds, MATRIX, MATRIX_USERNAMES, readFixtures, shouldSee } from '../testing/matrix-fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';

/**
 * The authorization matrix, reads: each role × each collection, from the
 * access table, on every read path of the gateway (`_changes`, `_all_docs`
 * with keys, `_bulk_get`, `GET <id>` plain and with `open_revs`,
 * `_revs_diff`), against documents of the user's scope, another nurse's
 * patient, the patient's neighbour, and a document of another district.
 */
describe('authorization matrix: every read path', () => {
  let server: TestServer;
  const tokens = {} as Record<Role, string>;
  /** The stored revision of every document the matrix asks for. */
  const revs = new Map<string, string>();
  const fixtureDocs = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    server = await startTestServer();
    for (const role of ROLES) tokens[role] = await server.login(MATRIX_USERNAMES[role]);
    for (const collection of COLLECTIONS) {
      const db = districtDatabase('distretto-a', collection);
      await server.store.request({ db, path: '_bulk_docs', method: 'POST', body: { docs: readFixtures(collection) } });
      const answer = await server.store.request<{ rows: { key: string; value: { rev: string }; doc: Record<string, unknown> }[] }>({
        db,
        path: '_all_docs',
        method: 'POST',
        qs: { include_docs: 'true' },
        body: { keys: fixtureIds(collection) },
      });
      for (const row of answer.rows) {
        revs.set(`${collection}/${row.key}`, row.value.rev);
        fixtureDocs.set(`${collection}/${row.key}`, row.doc);
      }
    }
  });
  afterAll(() => server.close());

  const get = (role: Role, collection: CollectionName, path: string) => server.call(`/sync/${collection}/${path}`, { token: tokens[role] });
  const post = (role: Role, collection: CollectionName, path: string, body: unknown) => server.call(`/sync/${collection}/${path}`, { token: tokens[role], body });

  const denied = MATRIX.filter((row) => !row.read);
  const allowed = MATRIX.filter((row) => row.read);

  it.each(denied)('when a $role reads $collection (no right), then every read path answers 403', async ({ role, collection }) => {
    const id = fixtureIds(collection)[0];
    const answers = [
      await get(role, collection, ''),
      await get(role, collection, '_changes?include_docs=true'),
      await post(role, collection, '_changes', {}),
      await post(role, collection, '_all_docs', { keys: [id] }),
      await post(role, collection, '_bulk_get', { docs: [{ id }] }),
      await get(role, collection, id),
      await get(role, collection, `${id}?open_revs=all`),
      await post(role, collection, '_revs_diff', { [id]: ['1-abc'] }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ error: 'forbidden', reason: `Role "${role}" may not read ${collection}` });
    }
  });

  it.each(allowed)('when a $role reads $collection (scope $read), then every read path shows exactly that scope', async ({ role, collection, read }) => {
    const scope = read!;
    const ids = fixtureIds(collection);
    const visible = (id: string) => shouldSee(role, scope, collection, fixtureDocs.get(`${collection}/${id}`)!);
    const expectedIds = ids.filter(visible).sort();

    // _changes: every document in the feed (seeded ones too) is in scope, and the fixtures in scope are all there.
    const changes = await get(role, collection, '_changes?include_docs=true&style=all_docs&since=0');
    expect(changes.status).toBe(200);
    for (const row of changes.body.results) expect(shouldSee(role, scope, collection, row.doc), `${collection}/${row.id} in the feed`).toBe(true);
    const fedIds = new Set(changes.body.results.map((row: { id: string }) => row.id));
    expect(ids.filter((id) => fedIds.has(id)).sort()).toEqual(expectedIds);

    // _all_docs with keys.
    const allDocs = await post(role, collection, '_all_docs', { keys: ids, include_docs: true });
    expect(allDocs.status).toBe(200);
    allDocs.body.rows.forEach((row: { key: string; doc?: { _id: string }; error?: string }) => {
      if (visible(row.key)) expect(row.doc?._id).toBe(row.key);
      else expect(row).toEqual({ key: row.key, error: 'not_found' });
    });

    // _bulk_get.
    const bulkGet = await post(role, collection, '_bulk_get?revs=true', { docs: ids.map((id) => ({ id })) });
    expect(bulkGet.status).toBe(200);
    bulkGet.body.results.forEach((result: { id: string; docs: { ok?: { _id: string }; error?: { error: string } }[] }) => {
      if (visible(result.id)) expect(result.docs[0].ok?._id).toBe(result.id);
      else expect(result.docs[0].error?.error).toBe('not_found');
    });

    // GET <id>, plain and as PouchDB asks when _bulk_get is missing.
    for (const id of ids) {
      const single = await get(role, collection, id);
      expect(single.status, `GET ${collection}/${id}`).toBe(visible(id) ? 200 : 404);
      const openRevs = await get(role, collection, `${id}?open_revs=all&revs=true`);
      expect(openRevs.status).toBe(200);
      if (visible(id)) expect(openRevs.body[0].ok._id).toBe(id);
      else expect(openRevs.body).toEqual([{ missing: revs.get(`${collection}/${id}`) }]);
    }

    // _revs_diff: a document out of scope is reported missing, as if absent.
    const asked = Object.fromEntries(ids.map((id) => [id, [revs.get(`${collection}/${id}`)!]]));
    const diff = await post(role, collection, '_revs_diff', asked);
    expect(diff.status).toBe(200);
    for (const id of ids) {
      if (visible(id)) expect(diff.body[id]).toBeUndefined();
      else expect(diff.body[id]).toEqual({ missing: asked[id] });
    }
  });

  it('when the matrix is built, then it covers every role and every collection of the access table', () => {
    expect(MATRIX.length).toBe(ROLES.length * COLLECTIONS.length);
    // Each scope of the table is exercised by at least one row.
    expect(new Set(allowed.map((row) => row.read))).toEqual(new Set(['district', 'care-team', 'own-patient', 'assigned']));
  });
});
