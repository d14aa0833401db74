import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '@prossima/domain';
import { startTestServer, type TestServer } from '../testing/test-server';

const today = localDate(new Date());
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('audit trail', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const as = async (username: string) => server.login(username);
  const trail = async (patientId: string, query = '') =>
    server.call(`/api/audit?patientId=${patientId}${query}`, { token: await as('cot.neri') });
  const open = async (username: string, body: unknown) => server.call('/api/audit/record-opened', { token: await as(username), body });

  it('when a nurse edits a visit twice, then the coordinator reads both writes newest first, with the patient and without content', async () => {
    const rossi = await as('ifec.rossi');
    const id = `v-${today}-pat-a-004`;
    let { body: visit } = await server.call(`/sync/visits/${id}`, { token: rossi });
    for (const note of ['Pressione 150/90.', 'Pressione 150/90. Terapia verificata.']) {
      const { body } = await server.call(`/sync/visits/${id}`, { token: rossi, method: 'PUT', body: { ...visit, note, updatedAt: new Date().toISOString(), updatedBy: 'u-ifec-rossi' } });
      visit = { ...visit, note, _rev: body.rev };
    }
    const { status, body } = await trail('pat-a-004');
    expect(status).toBe(200);
    expect(body).toMatchObject({ districtId: 'distretto-a', patientId: 'pat-a-004' });
    const writes = body.entries.filter((e: { docId: string }) => e.docId === id);
    expect(writes.map((e: { rev: string }) => e.rev)).toEqual([visit._rev, expect.stringMatching(/^2-/)]);
    expect(writes[0]).toMatchObject({ action: 'update', collection: 'visits', userId: 'u-ifec-rossi', patientId: 'pat-a-004', deviceId: expect.any(String) });
    expect(JSON.stringify(body)).not.toContain('Pressione');
    const times = body.entries.map((e: { at: string }) => e.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('when a nurse sends the openings queued offline, then each is recorded once with the tablet time, even if the batch comes twice', async () => {
    const events = [
      { patientId: 'pat-a-001', at: minutesAgo(90) },
      { patientId: 'pat-a-002', at: minutesAgo(60) },
    ];
    expect(await open('ifec.rossi', { events })).toMatchObject({ status: 201, body: { ok: true, received: 2, recorded: 2 } });
    expect(await open('ifec.rossi', { events })).toMatchObject({ status: 201, body: { received: 2, recorded: 0 } });
    const { body } = await trail('pat-a-001');
    const openings = body.entries.filter((e: { action: string }) => e.action === 'open');
    expect(openings).toEqual([expect.objectContaining({ at: events[0].at, userId: 'u-ifec-rossi', patientId: 'pat-a-001', docId: 'pat-a-001', recordedAt: expect.any(String) })]);
  });

  it('when the district nurse and the coordinator open records of their district, then they are recorded too', async () => {
    expect((await open('dist.verdi', { events: [{ patientId: 'pat-a-007', at: minutesAgo(5) }] })).status).toBe(201);
    expect((await open('cot.neri', { events: [{ patientId: 'pat-a-007', at: minutesAgo(4) }] })).status).toBe(201);
    const { body } = await trail('pat-a-007');
    expect(body.entries.filter((e: { action: string }) => e.action === 'open').map((e: { userId: string }) => e.userId)).toEqual(['u-cot-neri', 'u-dist-verdi']);
  });

  it("when a nurse reports opening a patient outside her care, then 403 naming that patient, and none of the batch is recorded", async () => {
    const events = [{ patientId: 'pat-a-003', at: minutesAgo(3) }, { patientId: 'pat-a-006', at: minutesAgo(2) }];
    const answer = await open('ifec.rossi', { events });
    expect(answer).toMatchObject({ status: 403, body: { error: 'forbidden', field: 'events.1.patientId', reason: expect.stringContaining('"pat-a-006"') } });
    expect((await trail('pat-a-003')).body.entries.some((e: { action: string }) => e.action === 'open')).toBe(false);
    const otherDistrict = await open('dist.verdi', { events: [{ patientId: 'pat-b-001', at: minutesAgo(1) }] });
    expect(otherDistrict).toMatchObject({ status: 403, body: { field: 'events.0.patientId' } });
  });

  it('when a patient or the administrator reports openings, then 403', async () => {
    const events = [{ patientId: 'pat-a-001', at: minutesAgo(1) }];
    expect((await open('paz.esposito', { events })).status).toBe(403);
    expect((await open('admin', { events })).status).toBe(403);
  });

  it.each([
    ['no events', 'events', {}],
    ['an empty list', 'events', { events: [] }],
    ['501 events', 'events', { events: Array.from({ length: 501 }, () => ({ patientId: 'pat-a-001', at: minutesAgo(1) })) }],
    ['a time in the future', 'events.0.at', { events: [{ patientId: 'pat-a-001', at: new Date(Date.now() + 3_600_000).toISOString() }] }],
    ['a time without milliseconds', 'events.0.at', { events: [{ patientId: 'pat-a-001', at: '2026-05-04T09:30:00Z' }] }],
    ['an impossible date', 'events.0.at', { events: [{ patientId: 'pat-a-001', at: '2026-02-30T09:30:00.000Z' }] }],
    ['an id of the wrong shape', 'events.0.patientId', { events: [{ patientId: 'Pat A', at: minutesAgo(1) }] }],
    ['an unknown key', 'events.0', { events: [{ patientId: 'pat-a-001', at: minutesAgo(1), note: 'x' }] }],
    ['a polluting key', 'events.0', JSON.parse('{"events": [{"patientId": "pat-a-001", "at": "2026-05-04T09:30:00.000Z", "__proto__": {"x": 1}}]}')],
  ])('when record-opened gets %s, then 400 naming %s', async (_name, field, body) => {
    const answer = await open('ifec.rossi', body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'bad_request', field });
  });

  it('when record-opened gets invalid JSON or a body over its limit, then 400 / 413', async () => {
    const token = await as('ifec.rossi');
    expect((await server.call('/api/audit/record-opened', { token, rawBody: '{"events": [' })).status).toBe(400);
    expect((await server.call('/api/audit/record-opened', { token, rawBody: JSON.stringify({ events: 'x'.repeat(200_000) }) })).status).toBe(413);
  });

  it('when a nurse, the district nurse or the patient asks for the trail, then 403', async () => {
    for (const username of ['ifec.rossi', 'dist.verdi', 'paz.esposito']) {
      const answer = await server.call('/api/audit?patientId=pat-a-001', { token: await as(username) });
      expect(answer.status).toBe(403);
    }
    expect((await server.call('/api/audit?patientId=pat-a-001')).status).toBe(401);
  });

  it.each([
    ['', 'patientId'],
    ['?patientId=', 'patientId'],
    ['?patientId=../x', 'patientId'],
    ['?patientId=pat-a-001&patientId=pat-a-002', 'patientId'],
    ['?patientId=pat-a-001&limit=0', 'limit'],
    ['?patientId=pat-a-001&limit=1001', 'limit'],
    ['?patientId=pat-a-001&limit=dieci', 'limit'],
    ['?patientId=pat-a-001&districtId=Distretto%20B', 'districtId'],
  ])('when the coordinator asks for the trail with "%s", then 400 naming %s', async (query, field) => {
    const answer = await server.call(`/api/audit${query}`, { token: await as('cot.neri') });
    expect(answer).toMatchObject({ status: 400, body: { field } });
  });

  it("when the coordinator asks for another district's trail, then 403; the administrator reads any district she names", async () => {
    expect((await trail('pat-b-001', '&districtId=distretto-b')).status).toBe(403);
    const admin = await as('admin');
    expect(await server.call('/api/audit?patientId=pat-a-001', { token: admin })).toMatchObject({ status: 400, body: { field: 'districtId' } });
    const answer = await server.call('/api/audit?patientId=pat-a-001&districtId=distretto-a&limit=1', { token: admin });
    expect(answer.status).toBe(200);
    expect(answer.body.entries).toHaveLength(1);
    const empty = await server.call('/api/audit?patientId=pat-z-001&districtId=distretto-nuovo', { token: admin });
    expect(empty).toMatchObject({ status: 200, body: { entries: [] } });
  });

  it('when anyone looks for the audit through the sync gateway or tries to write it, then there is no such route', async () => {
    const neri = await as('cot.neri');
    expect((await server.call('/sync/audit/_changes', { token: neri })).status).toBe(404);
    expect((await server.call('/sync/audit/_bulk_docs', { token: neri, body: { docs: [] } })).status).toBe(404);
    expect((await server.call('/api/audit', { token: neri, body: { at: minutesAgo(1) } })).status).toBe(404);
    expect((await server.call('/api/audit?patientId=pat-a-001', { token: neri, method: 'DELETE' })).status).toBe(404);
  });
});
