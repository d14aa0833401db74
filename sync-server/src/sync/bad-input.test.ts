import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACCESS_RULES, COLLECTION_SCHEMAS, COLLECTIONS, DOCUMENT_ID_PATTERN, ROLES, type CollectionName, type Role } from '@prossima/domain';
import { MATRIX_USERNAMES, matrixUser, sampleDoc, storeSequences } from '../testing/matrix-fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';
import type { CouchDoc } from './write-check';
import { maxDocumentBytes } from './gateway-writes';

/** The first role of the access table that may write each collection. */
const WRITER = Object.fromEntries(COLLECTIONS.map((c) => [c, ROLES.find((role) => ACCESS_RULES[role][c]?.write)!])) as Record<CollectionName, Role>;
const AUDITED = new Set(['updatedAt', 'updatedBy', 'districtId', 'id']);

/**
 * Bad input on every route that takes a body, for every collection: invalid
 * JSON, schema violations, oversize documents and requests, ids of the wrong
 * shape, prototype-polluting keys. Each is a 4xx or a per-document error
 * naming the problem, and the store is unchanged afterwards.
 * (`gateway-writes.test.ts` covers the same for visits' `_bulk_docs` body shape.)
 */
describe('sync gateway: bad input never reaches the store', () => {
  let server: TestServer;
  const tokens = {} as Record<Role, string>;
  let before: Record<string, unknown>;
  let n = 0;

  beforeAll(async () => {
    server = await startTestServer();
    for (const role of ROLES) tokens[role] = await server.login(MATRIX_USERNAMES[role]);
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    before = await storeSequences(server);
  });
  afterEach(async () => {
    expect(await storeSequences(server), 'the store is unchanged').toEqual(before);
  });

  /** A valid new document of `collection` for its writer. */
  function validDoc(collection: CollectionName): CouchDoc {
    const role = WRITER[collection];
    const patient = collection === 'patients' ? {} : { patientId: role === 'nurse' ? 'pat-a-001' : 'pat-a-003' };
    return sampleDoc(collection, { _id: `bad-${collection}-${++n}`, ...patient, updatedBy: matrixUser(role).id });
  }
  const call = (collection: CollectionName, path: string, init: Parameters<TestServer['call']>[1]) =>
    server.call(`/sync/${collection}/${path}`, { token: tokens[WRITER[collection]], ...init });

  /** Send one document as `_bulk_docs` (normal and `new_edits:false`) and as `PUT`: every path must refuse it with `reason`. */
  async function refusedOnEveryPath(collection: CollectionName, doc: CouchDoc, reason: string | RegExp, raw?: (json: string) => string) {
    const text = (body: unknown) => (raw ? raw(JSON.stringify(body)) : JSON.stringify(body));
    const normal = await call(collection, '_bulk_docs', { rawBody: text({ docs: [doc] }) });
    const replicated = await call(collection, '_bulk_docs', { rawBody: text({ docs: [{ ...doc, _rev: '1-0123456789abcdef' }], new_edits: false }) });
    const single = await call(collection, encodeURIComponent(doc._id), { method: 'PUT', rawBody: text(doc) });
    for (const row of [normal.body[0], replicated.body[0], single.body]) {
      expect(row.error).toMatch(/^(invalid|bad_request)$/);
      expect(row.reason).toMatch(reason);
    }
    expect(single.status).toBe(400);
  }

  describe.each(COLLECTIONS)('%s', (collection) => {
    it('when a body is not valid JSON, then every route taking a body answers 400 naming it', async () => {
      const id = validDoc(collection)._id;
      for (const [path, method] of [['_bulk_docs', 'POST'], [id, 'PUT'], ['_bulk_get', 'POST'], ['_all_docs', 'POST'], ['_revs_diff', 'POST'], ['_changes', 'POST'], ['_local/checkpoint', 'PUT']]) {
        const answer = await call(collection, path, { method, rawBody: '{"docs": [{"_id": "x",' });
        expect(answer.status, `${method} ${path}`).toBe(400);
        expect(answer.body).toMatchObject({ error: 'bad_request', reason: expect.stringMatching(/^Malformed JSON body/) });
      }
    });

    it('when a document misses a required field, has an unknown one or a wrong format, then it is refused naming the field', async () => {
      const required = COLLECTION_SCHEMAS[collection].required.find((name) => !AUDITED.has(name))!;
      const missing = validDoc(collection);
      delete missing[required];
      await refusedOnEveryPath(collection, missing, `${collection} document ${missing._id}: missing required field "${required}"`);
      const unknown = { ...validDoc(collection), diagnosi: 'riservata' };
      await refusedOnEveryPath(collection, unknown, `${collection} document ${unknown._id}: unknown field "diagnosi"`);
      const wrongTime = { ...validDoc(collection), updatedAt: 'ieri' };
      await refusedOnEveryPath(collection, wrongTime, /field "updatedAt" has the wrong format/);
      const wrongType = { ...validDoc(collection), districtId: 42 };
      await refusedOnEveryPath(collection, wrongType, /field "districtId" must be string/);
    });

    it('when a document is larger than its collection’s limit (64 KB; 1 MB for observations with waveforms), then it is refused naming the limit', async () => {
      const limitKb = maxDocumentBytes(collection) / 1024;
      const big = { ...validDoc(collection), padding: 'x'.repeat((limitKb + 6) * 1024) };
      await refusedOnEveryPath(collection, big, `document ${big._id} is larger than ${limitKb} KB`);
    });

    it('when a request is larger than the limit, then 413 on _bulk_docs, PUT and the read routes', async () => {
      const huge = 'x'.repeat(5 * 1024 * 1024);
      const id = validDoc(collection)._id;
      for (const [path, method, body] of [
        ['_bulk_docs', 'POST', { docs: [{ note: huge }] }],
        [id, 'PUT', { note: huge }],
        ['_bulk_get', 'POST', { docs: [{ id: huge }] }],
        ['_revs_diff', 'POST', { [id]: [huge] }],
      ] as const) {
        const answer = await call(collection, path, { method, rawBody: JSON.stringify(body) });
        expect(answer.status, `${method} ${path}`).toBe(413);
        expect(answer.body.error).toBe('request_too_large');
      }
    });

    it.each([
      ['an upper-case id', 'Paziente-1'],
      ['an id with a space', 'pat a 1'],
      ['an id of 101 characters', 'a'.repeat(101)],
      ['an empty id', ''],
      ['a design document id', '_design/evil'],
      ['a path id', '../prossima-users'],
    ])('when a document has %s, then it is refused naming the id rule', async (_name, badId) => {
      const doc = { ...validDoc(collection), _id: badId };
      const answer = await call(collection, '_bulk_docs', { body: { docs: [doc, { ...doc, _id: 42 }, { ...doc, _id: undefined }] } });
      for (const row of answer.body) expect(row).toMatchObject({ error: 'invalid', reason: `_id must be a string matching ${DOCUMENT_ID_PATTERN}` });
      const replicated = await call(collection, '_bulk_docs', { body: { docs: [{ ...doc, _rev: '1-abc' }], new_edits: false } });
      expect(replicated.body[0].reason).toBe(`_id must be a string matching ${DOCUMENT_ID_PATTERN}`);
      if (badId && !badId.startsWith('_') && !badId.includes('/')) {
        const single = await call(collection, encodeURIComponent(badId), { method: 'PUT', body: { ...doc, _id: undefined } });
        expect(single).toMatchObject({ status: 400, body: { reason: `_id must be a string matching ${DOCUMENT_ID_PATTERN}` } });
      }
    });

    it('when PUT names another id in its body than in its URL, or a reserved path, then 400', async () => {
      const doc = validDoc(collection);
      const mismatch = await call(collection, 'bad-other-id', { method: 'PUT', body: doc });
      expect(mismatch).toMatchObject({ status: 400, body: { field: '_id', reason: '"_id" in the body differs from the URL' } });
      const reserved = await call(collection, '_design%2Fevil', { method: 'PUT', body: { ...doc, _id: '_design/evil' } });
      expect(reserved.status).toBe(400);
    });

    it.each(['__proto__', 'constructor', 'prototype'])('when a document carries a "%s" key, at the top or nested, then it is refused by name', async (key) => {
      const doc = validDoc(collection);
      const top = (json: string) => json.replace('"districtId":', `"${key}":{"isAdmin":true},"districtId":`);
      await refusedOnEveryPath(collection, doc, `forbidden key "${key}"`, top);
      const nested = (json: string) => json.replace('"districtId":', `"extra":{"a":[{"${key}":{"polluted":true}}]},"districtId":`);
      await refusedOnEveryPath(collection, validDoc(collection), `forbidden key "${key}"`, nested);
      expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    });
  });

  it('when a batch holds more than 1000 documents, then 400 naming docs', async () => {
    const docs = Array.from({ length: 1001 }, (_, i) => ({ _id: `bad-many-${i}` }));
    const answer = await call('visits', '_bulk_docs', { body: { docs } });
    expect(answer).toMatchObject({ status: 400, body: { field: 'docs', reason: 'At most 1000 documents per request' } });
  });

  it('when read routes get ids of the wrong shape, then 4xx naming the parameter, never a 500', async () => {
    expect((await call('visits', '_all_docs', { body: { keys: [42] } })).body.field).toBe('keys');
    expect((await call('visits', '_all_docs', { body: { keys: 'pat-a-001' } })).status).toBe(400);
    expect((await call('visits', '_bulk_get', { body: { docs: [{ id: 7 }] } })).body.field).toBe('docs');
    expect((await call('visits', '_revs_diff', { body: { 'v-1': 'not-a-list' } })).status).toBe(400);
    expect((await call('visits', 'Maiuscolo', { method: 'GET' })).status).toBe(404);
    expect((await call('visits', '_local/has%20space', { method: 'PUT', body: { seq: 1 } })).body.field).toBe('_id');
  });
});
