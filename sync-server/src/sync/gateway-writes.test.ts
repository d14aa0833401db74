import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '@prossima/domain';
import { districtDatabase } from '../store/couch-store';
import { localPouch, remotePouch } from '../testing/pouch';
import { startTestServer, type TestServer } from '../testing/test-server';

const today = localDate(new Date());

describe('sync gateway: writes', () => {
  let server: TestServer;
  let rossi: string;
  beforeAll(async () => {
    server = await startTestServer();
    rossi = await server.login('ifec.rossi');
  });
  afterAll(() => server.close());

  async function storedVisit(id: string) {
    return server.store.request<Record<string, unknown>>({ db: districtDatabase('distretto-a', 'visits'), doc: id });
  }

  async function todaysVisit(patientId: string) {
    const { body } = await server.call(`/sync/visits/v-${today}-${patientId}`, { token: rossi });
    return body as Record<string, unknown> & { _id: string; _rev: string };
  }

  async function auditEntries() {
    const answer = await server.store.request<{ rows: { doc: Record<string, unknown> }[] }>({
      db: districtDatabase('distretto-a', 'audit'),
      path: '_all_docs',
      qs: { include_docs: 'true' },
    });
    return answer.rows.map((row) => row.doc);
  }

  it('when the nurse writes a note on her visit, then it is stored and audited without its content', async () => {
    const visit = await todaysVisit('pat-a-002');
    const edited = { ...visit, note: 'Medicazione eseguita, fondo deterso.', status: 'in-progress', updatedAt: new Date().toISOString(), updatedBy: 'u-ifec-rossi' };
    const { status, body } = await server.call('/sync/visits/_bulk_docs', { token: rossi, body: { docs: [edited] } });
    expect(status).toBe(201);
    expect(body[0]).toMatchObject({ id: visit._id, ok: true });
    expect((await storedVisit(visit._id)).note).toBe('Medicazione eseguita, fondo deterso.');
    const entry = (await auditEntries()).find((e) => e['docId'] === visit._id);
    expect(entry).toMatchObject({ userId: 'u-ifec-rossi', collection: 'visits', action: 'update', rev: body[0].rev });
    expect(JSON.stringify(entry)).not.toContain('Medicazione');
  });

  it('when PouchDB pushes a local edit with new_edits:false, then the gateway checks and stores it', async () => {
    const local = localPouch('rossi-visits-push');
    const remote = remotePouch(`${server.baseUrl}/sync/visits`, rossi);
    await local.replicate.from(remote);
    const visit = await local.get<Record<string, unknown>>(`v-${today}-pat-a-003`);
    await local.put({ ...visit, note: 'Saturazione 94% in aria ambiente.', updatedAt: new Date().toISOString(), updatedBy: 'u-ifec-rossi' });
    const result = await local.replicate.to(remote);
    expect(result.docs_written).toBe(1);
    expect(result.doc_write_failures).toBe(0);
    expect((await storedVisit(`v-${today}-pat-a-003`)).note).toBe('Saturazione 94% in aria ambiente.');
  });

  it('when a batch mixes good and forbidden documents, then each gets its own answer and only the good one is stored', async () => {
    const mine = await todaysVisit('pat-a-004');
    const bianchi = await server.login('ifec.bianchi');
    const { body: theirs } = await server.call(`/sync/visits/v-${today}-pat-a-006`, { token: bianchi });
    const now = new Date().toISOString();
    const docs = [
      { ...mine, note: 'ok', updatedAt: now, updatedBy: 'u-ifec-rossi' },
      { ...mine, _id: `v-${today}-pat-a-006-forged`, _rev: undefined, patientId: 'pat-a-006', updatedAt: now, updatedBy: 'u-ifec-rossi' },
      { ...theirs, note: 'not mine', updatedAt: now, updatedBy: 'u-ifec-rossi' },
    ];
    const { status, body } = await server.call('/sync/visits/_bulk_docs', { token: rossi, body: { docs } });
    expect(status).toBe(201);
    expect(body[0].ok).toBe(true);
    expect(body[1]).toMatchObject({ error: 'forbidden', reason: `visits document v-${today}-pat-a-006-forged: patient "pat-a-006" is not in your care` });
    expect(body[2]).toMatchObject({ error: 'forbidden', reason: `visits document ${theirs._id} is outside your rights` });
    expect((await storedVisit(theirs._id)).note).toBe('');
    await expect(storedVisit(`v-${today}-pat-a-006-forged`)).rejects.toMatchObject({ status: 404 });
  });

  it.each([
    ['a forged updatedBy', { updatedBy: 'u-ifec-bianchi' }, 'forbidden', /updatedBy must be the signed-in user "u-ifec-rossi"/],
    ['another district', { districtId: 'distretto-b' }, 'forbidden', /districtId must be your district "distretto-a"/],
    ['a moved patientId', { patientId: 'pat-a-004' }, 'forbidden', /patientId of .* cannot change/],
    ['a missing required field', { note: undefined }, 'invalid', /missing required field "note"/],
    ['an unknown field', { diagnosis: 'x' }, 'invalid', /unknown field "diagnosis"/],
    ['a wrong status', { status: 'finished' }, 'invalid', /field "status" must be equal to one of the allowed values/],
    ['a bad time window', { windowStart: '25:00' }, 'invalid', /field "windowStart" has the wrong format/],
    ['an oversize note', { note: 'x'.repeat(10_001) }, 'invalid', /field "note" must NOT have more than 10000 characters/],
  ])('when a visit has %s, then a per-document error names it and nothing is stored', async (_name, change, error, reason) => {
    const visit = await todaysVisit('pat-a-005');
    const doc = { ...visit, updatedAt: new Date().toISOString(), updatedBy: 'u-ifec-rossi', ...change };
    const { body } = await server.call('/sync/visits/_bulk_docs', { token: rossi, body: { docs: [doc] } });
    expect(body[0].error).toBe(error);
    expect(body[0].reason).toMatch(reason);
    expect((await storedVisit(visit._id))._rev).toBe(visit._rev);
  });

  it('when a document smuggles a __proto__ key, then it is refused by name', async () => {
    const visit = await todaysVisit('pat-a-005');
    const raw = JSON.stringify({ docs: [{ ...visit, updatedBy: 'u-ifec-rossi' }] }).replace('"note":', '"__proto__":{"admin":true},"note":');
    const { body } = await server.call('/sync/visits/_bulk_docs', { token: rossi, rawBody: raw });
    expect(body[0]).toMatchObject({ error: 'invalid', reason: 'forbidden key "__proto__"' });
    expect((await storedVisit(visit._id))._rev).toBe(visit._rev);
  });

  it('when a document id has the wrong shape, then it is refused', async () => {
    const { body } = await server.call('/sync/visits/_bulk_docs', { token: rossi, body: { docs: [{ _id: '_design/evil' }, 'text'] } });
    expect(body[0]).toMatchObject({ error: 'invalid', reason: expect.stringMatching(/_id must be a string/) });
    expect(body[1]).toMatchObject({ error: 'invalid', reason: 'each document must be a JSON object' });
  });

  it('when the district nurse or the patient tries to write visits or patients, then forbidden', async () => {
    const verdi = await server.login('dist.verdi');
    const visit = await todaysVisit('pat-a-001');
    const { body } = await server.call('/sync/visits/_bulk_docs', { token: verdi, body: { docs: [{ ...visit, updatedBy: 'u-dist-verdi' }] } });
    expect(body[0]).toMatchObject({ error: 'forbidden', reason: 'role "district-nurse" may not write visits' });
    const esposito = await server.login('paz.esposito');
    const { body: self } = await server.call('/sync/patients/pat-a-001', { token: esposito });
    const put = await server.call('/sync/patients/pat-a-001', { token: esposito, method: 'PUT', body: { ...self, phone: '+39 000 000' } });
    expect(put.status).toBe(403);
    expect(put.body.reason).toMatch(/role "patient" may not write patients/);
  });

  it.each([
    ['malformed JSON', { rawBody: '{"docs": [' }, 400, /Malformed JSON/],
    ['no docs array', { body: { documents: [] } }, 400, /\{"docs": \[ … \]\}/],
    ['a non-boolean new_edits', { body: { docs: [], new_edits: 'no' } }, 400, /new_edits/],
  ])('when _bulk_docs gets %s, then a 4xx with a JSON error', async (_name, init, status, reason) => {
    const answer = await server.call('/sync/visits/_bulk_docs', { token: rossi, ...init });
    expect(answer.status).toBe(status);
    expect(answer.body.reason).toMatch(reason);
  });

  it('when a request body is larger than the limit, then 413 with a JSON error', async () => {
    const answer = await server.call('/sync/visits/_bulk_docs', { token: rossi, rawBody: JSON.stringify({ docs: [{ note: 'x'.repeat(5 * 1024 * 1024) }] }) });
    expect(answer.status).toBe(413);
    expect(answer.body.error).toBe('request_too_large');
  });

  it('when a single PUT is stale, then 409; when it is good, then 201', async () => {
    const visit = await todaysVisit('pat-a-001');
    const good = await server.call(`/sync/visits/${visit._id}`, { token: rossi, method: 'PUT', body: { ...visit, note: 'PUT', updatedAt: new Date().toISOString(), updatedBy: 'u-ifec-rossi' } });
    expect(good.status).toBe(201);
    const stale = await server.call(`/sync/visits/${visit._id}`, { token: rossi, method: 'PUT', body: { ...visit, note: 'stale', updatedAt: new Date().toISOString(), updatedBy: 'u-ifec-rossi' } });
    expect(stale.status).toBe(409);
  });

  it("when two users save checkpoints with the same local id, then each reads back only their own", async () => {
    const bianchi = await server.login('ifec.bianchi');
    await server.call('/sync/visits/_local/checkpoint-1', { token: rossi, method: 'PUT', body: { last_seq: 5 } });
    await server.call('/sync/visits/_local/checkpoint-1', { token: bianchi, method: 'PUT', body: { last_seq: 9 } });
    expect((await server.call('/sync/visits/_local/checkpoint-1', { token: rossi })).body).toMatchObject({ _id: '_local/checkpoint-1', last_seq: 5 });
    expect((await server.call('/sync/visits/_local/checkpoint-1', { token: bianchi })).body.last_seq).toBe(9);
  });

  it('when a checkpoint id ends in "==" (base64), then it is read back after each update', async () => {
    const path = '/sync/visits/_local/VFqowzPABBbi__ogsql1TQ%3D%3D';
    const first = await server.call(path, { token: rossi, method: 'PUT', body: { last_seq: 1 } });
    expect(first.status).toBe(201);
    const read = await server.call(path, { token: rossi });
    expect(read.body).toMatchObject({ _id: '_local/VFqowzPABBbi__ogsql1TQ==', last_seq: 1, _rev: first.body.rev });
    const second = await server.call(path, { token: rossi, method: 'PUT', body: { last_seq: 2, _rev: first.body.rev } });
    expect(second.status).toBe(201);
    expect((await server.call(path, { token: rossi })).body.last_seq).toBe(2);
  });
});
