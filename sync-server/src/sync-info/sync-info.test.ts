import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS, rightsOf } from '@prossima/domain';
import { DEMO_PATIENTS } from '../demo/demo-people';
import { districtDatabase } from '../store/couch-store';
import { startTestServer, type TestServer } from '../testing/test-server';

const patientsOf = (nurseId: string) => DEMO_PATIENTS.filter((p) => p.nurseId === nurseId).map((p) => p.id).sort();

describe('sync info: what a device may hold and how much there is to pull', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const access = async (username: string) => (await server.call('/api/sync/access', { token: await server.login(username) })).body;

  it("when a nurse asks what she may hold, then her care team's patient ids and every collection she may read", async () => {
    const body = await access('ifec.rossi');
    expect([...body.patientIds].sort()).toEqual(patientsOf('u-ifec-rossi'));
    expect(body.collections).toEqual(COLLECTIONS.filter((c) => rightsOf('nurse', c).read));
  });

  it('when a patient asks, then only himself and the four collections of his own record', async () => {
    expect(await access('paz.esposito')).toEqual({ patientIds: ['pat-a-001'], collections: ['patients', 'careplans', 'observations', 'devices'] });
  });

  it('when the district nurse or the coordinator asks, then null: the whole district', async () => {
    expect((await access('dist.verdi')).patientIds).toBeNull();
    expect((await access('cot.neri')).patientIds).toBeNull();
    expect((await access('cot.neri')).collections).toEqual([...COLLECTIONS]);
  });

  it('when the administrator asks, then no patient and no collection', async () => {
    expect(await access('admin')).toEqual({ patientIds: [], collections: [] });
  });

  it('when a patient leaves her care team, then the very next answer no longer lists it', async () => {
    const db = districtDatabase('distretto-a', 'patients');
    const before = await access('ifec.rossi');
    expect(before.patientIds).toContain('pat-a-005');
    const doc = await server.store.request<Record<string, unknown>>({ db, doc: 'pat-a-005' });
    const moved = await server.store.request<{ rev: string }>({ db, doc: 'pat-a-005', method: 'PUT', body: { ...doc, careTeam: ['u-ifec-bianchi'] } });
    const after = await access('ifec.rossi');
    expect([...after.patientIds].sort()).toEqual(patientsOf('u-ifec-rossi').filter((id) => id !== 'pat-a-005'));
    await server.store.request({ db, doc: 'pat-a-005', method: 'PUT', body: { ...doc, _rev: moved.rev } });
    // Back in her care for the next tests (this read also refreshes the server's cached care team).
    expect((await access('ifec.rossi')).patientIds).toContain('pat-a-005');
  });

  it.each(['ifec.rossi', 'paz.esposito', 'dist.verdi'])('when %s asks for the summary, then each count is what a pull of that collection brings', async (username) => {
    const token = await server.login(username);
    const { status, body } = await server.call('/api/sync/summary', { token });
    expect(status).toBe(200);
    const { body: allowed } = await server.call('/api/sync/access', { token });
    expect(Object.keys(body.collections)).toEqual(allowed.collections);
    for (const collection of allowed.collections) {
      const { body: feed } = await server.call(`/sync/${collection}/_changes`, { token });
      const live = feed.results.filter((row: { deleted?: boolean }) => !row.deleted).length;
      expect({ collection, count: body.collections[collection] }).toEqual({ collection, count: live });
    }
    expect(Object.values(body.collections).some((count) => (count as number) > 0)).toBe(true);
  });

  it('when nobody is signed in, then 401 on both', async () => {
    expect((await server.call('/api/sync/access')).status).toBe(401);
    expect((await server.call('/api/sync/summary')).status).toBe(401);
  });
});
