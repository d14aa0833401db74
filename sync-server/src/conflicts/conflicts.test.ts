import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate, mergeConcurrentEdits, type MergeableDoc } from '@prossima/domain';
import { startTestServer, type TestServer } from '../testing/test-server';

const today = localDate(new Date());
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('conflict log', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const as = (username: string) => server.login(username);
  const report = async (username: string, entries: unknown[]) => server.call('/api/conflicts', { token: await as(username), body: { entries } });
  const log = async (query = '', username = 'cot.neri') => server.call(`/api/conflicts${query}`, { token: await as(username) });

  /** Two offline edits of the same stored visit, merged as the tablet merges them. */
  async function mergedVisit(patientId: string, username = 'ifec.rossi') {
    const { body: base } = await server.call(`/sync/visits/v-${today}-${patientId}`, { token: await as(username) });
    const local = { ...base, note: 'Medicazione eseguita sul tablet A.', updatedAt: minutesAgo(20), updatedBy: 'u-ifec-rossi' } as MergeableDoc;
    const remote = { ...base, note: 'Medicazione eseguita sul tablet B.', status: 'in-progress', updatedAt: minutesAgo(10), updatedBy: 'u-ifec-rossi' } as MergeableDoc;
    const { merged, contested, overridden } = mergeConcurrentEdits(base, local, remote);
    return { collection: 'visits', docId: base._id as string, patientId, contested, overridden: overridden!, merged, detectedAt: minutesAgo(5) };
  }

  it('when a tablet reports a merged conflict, then the losing revision is kept once and the coordinator reads it with who, which device and when', async () => {
    const entry = await mergedVisit('pat-a-002');
    expect(entry.contested).toEqual(['note']);
    expect(await report('ifec.rossi', [entry])).toMatchObject({ status: 201, body: { ok: true, received: 1, recorded: 1 } });
    expect(await report('ifec.rossi', [entry])).toMatchObject({ status: 201, body: { recorded: 0 } });
    const { status, body } = await log('?patientId=pat-a-002');
    expect(status).toBe(200);
    expect(body.entries).toHaveLength(1);
    expect(body.entries[0]).toMatchObject({
      collection: 'visits',
      docId: entry.docId,
      patientId: 'pat-a-002',
      contested: ['note'],
      overridden: { note: 'Medicazione eseguita sul tablet A.' },
      merged: { note: 'Medicazione eseguita sul tablet B.', status: 'in-progress' },
      detectedAt: entry.detectedAt,
      userId: 'u-ifec-rossi',
      deviceId: expect.any(String),
      recordedAt: expect.any(String),
    });
    expect(body.entries[0].overridden._rev).toBeUndefined();
  });

  it('when the tablet sends RxDB documents (id, _meta, _rev) without a patientId, then the patient is taken from the stored document', async () => {
    const entry = await mergedVisit('pat-a-003');
    const rx = (doc: Record<string, unknown>) => {
      const { _id, ...rest } = doc;
      return { id: _id, ...rest, _rev: '3-tokenxyz', _meta: { lwt: 1 }, _attachments: {}, _deleted: false };
    };
    const { patientId: _omitted, ...withoutPatient } = entry;
    const answer = await report('ifec.rossi', [{ ...withoutPatient, overridden: rx(entry.overridden), merged: rx(entry.merged) }]);
    expect(answer.status).toBe(201);
    const { body } = await log('?patientId=pat-a-003&limit=5');
    expect(body.entries[0]).toMatchObject({ patientId: 'pat-a-003', overridden: { _id: entry.docId } });
    const latest = await log('?limit=2');
    expect(latest.body.entries[0].docId).toBe(entry.docId);
  });

  it("when a nurse reports a conflict on a document she may not read, or on none at all, then 403 naming it", async () => {
    const theirs = await mergedVisit('pat-a-006', 'ifec.bianchi');
    expect(await report('ifec.rossi', [theirs])).toMatchObject({ status: 403, body: { field: 'entries.0.docId' } });
    const mine = await mergedVisit('pat-a-004');
    const ghost = { ...mine, docId: 'v-ghost', overridden: { ...mine.overridden, _id: 'v-ghost' }, merged: { ...mine.merged, _id: 'v-ghost' } };
    expect(await report('ifec.rossi', [ghost])).toMatchObject({ status: 403, body: { field: 'entries.0.docId', reason: expect.stringContaining('v-ghost') } });
    expect((await log('?patientId=pat-a-006')).body.entries).toEqual([]);
  });

  it.each([
    ['an append-only collection', (e: any) => ({ ...e, collection: 'observations' }), 'entries.0.collection', /append-only and never conflict/],
    ['an unknown collection', (e: any) => ({ ...e, collection: 'notes' }), 'entries.0.collection', /not a synced collection/],
    ['a contested field the schema lacks', (e: any) => ({ ...e, contested: ['diagnosis'] }), 'entries.0.contested.0', /not a field of visits/],
    ['no contested field', (e: any) => ({ ...e, contested: [] }), 'entries.0.contested', /at least one/],
    ['an invalid losing document', (e: any) => ({ ...e, overridden: { ...e.overridden, status: 'finished' } }), 'entries.0.overridden', /not a valid visits document: field "status"/],
    ['a losing document of another id', (e: any) => ({ ...e, overridden: { ...e.overridden, _id: 'v-other' } }), 'entries.0.overridden', /must be the document/],
    ['a polluting key', (e: any) => ({ ...e, merged: JSON.parse(JSON.stringify(e.merged).replace('{', '{"__proto__":{"x":1},')) }), 'entries.0.merged', /forbidden key "__proto__"/],
    ['a patient other than the stored one', (e: any) => ({ ...e, patientId: 'pat-a-001' }), 'entries.0.patientId', /is not the patient/],
    ['a detection time in the future', (e: any) => ({ ...e, detectedAt: new Date(Date.now() + 3_600_000).toISOString() }), 'entries.0.detectedAt', /not in the future/],
    ['a missing merged document', (e: any) => ({ ...e, merged: undefined }), 'entries.0.merged', /merged is required/],
  ])('when a report has %s, then 400 naming the field and nothing is logged', async (_name, change, field, reason) => {
    const entry = await mergedVisit('pat-a-005');
    const answer = await report('ifec.rossi', [change(entry)]);
    expect(answer).toMatchObject({ status: 400, body: { error: 'bad_request', field } });
    expect(answer.body.reason).toMatch(reason);
    expect((await log('?patientId=pat-a-005')).body.entries).toEqual([]);
  });

  it('when a report batch is empty, too long, or not JSON, then 400', async () => {
    expect((await report('ifec.rossi', [])).status).toBe(400);
    const entry = await mergedVisit('pat-a-005');
    expect(await report('ifec.rossi', Array.from({ length: 101 }, () => entry))).toMatchObject({ status: 400, body: { field: 'entries' } });
    expect((await server.call('/api/conflicts', { token: await as('ifec.rossi'), rawBody: '{"entries": [' })).status).toBe(400);
  });

  it("when the patient's phone merged an edit of his own kit device, then it is logged; a round without patient is logged too", async () => {
    const esposito = await as('paz.esposito');
    const { body: device } = await server.call('/sync/devices/dev-pat-a-001-bp', { token: esposito });
    const changed = { ...device, batteryPercent: 20, updatedAt: minutesAgo(3), updatedBy: 'u-paz-esposito' };
    const entry = { collection: 'devices', docId: device._id, contested: ['batteryPercent'], overridden: device, merged: changed, detectedAt: minutesAgo(2) };
    expect((await report('paz.esposito', [entry])).status).toBe(201);
    const { body: round } = await server.call(`/sync/rounds/round-${today}-u-ifec-rossi`, { token: await as('ifec.rossi') });
    const roundEntry = { collection: 'rounds', docId: round._id, contested: ['stops'], overridden: round, merged: round, detectedAt: minutesAgo(1) };
    expect((await report('ifec.rossi', [roundEntry])).status).toBe(201);
    const latest = (await log('?limit=10')).body.entries;
    expect(latest.find((e: { docId: string }) => e.docId === round._id).patientId).toBeUndefined();
    expect(latest.find((e: { docId: string }) => e.docId === device._id)).toMatchObject({ patientId: 'pat-a-001', userId: 'u-paz-esposito' });
  });

  it('when anyone but a coordinator opens the log, then 403; the administrator may not report either', async () => {
    for (const username of ['ifec.rossi', 'dist.verdi', 'paz.esposito', 'admin']) expect((await log('', username)).status).toBe(403);
    expect((await report('admin', [await mergedVisit('pat-a-001')])).status).toBe(403);
    expect((await log('?patientId=Bad%20Id')).body.field).toBe('patientId');
  });
});
