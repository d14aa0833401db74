import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PATIENTS } from '../demo/demo-people';
import { idsIn, localPouch, remotePouch } from '../testing/pouch';
import { startTestServer, type TestServer } from '../testing/test-server';

const patientsOf = (nurseId: string) => DEMO_PATIENTS.filter((p) => p.nurseId === nurseId).map((p) => p.id).sort();

describe('sync gateway: what each user can read', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  async function pull(username: string, collection: string): Promise<string[]> {
    const local = localPouch(`${username}-${collection}`);
    const remote = remotePouch(`${server.baseUrl}/sync/${collection}`, await server.login(username));
    const result = await local.replicate.from(remote);
    expect(result.ok).toBe(true);
    expect(result.doc_write_failures).toBe(0);
    return idsIn(local);
  }

  it("when PouchDB replicates patients with ifec.rossi's token, then it gets exactly her care team's patients", async () => {
    expect(await pull('ifec.rossi', 'patients')).toEqual(patientsOf('u-ifec-rossi'));
  });

  it("when PouchDB replicates patients with paz.esposito's token, then it gets exactly his own document", async () => {
    expect(await pull('paz.esposito', 'patients')).toEqual(['pat-a-001']);
  });

  it("when PouchDB replicates with ifec.ferri's token, then nothing of district A arrives", async () => {
    const patients = await pull('ifec.ferri', 'patients');
    expect(patients).toEqual(patientsOf('u-ifec-ferri'));
    expect(patients.some((id) => id.startsWith('pat-a-'))).toBe(false);
    const visits = await pull('ifec.ferri', 'visits');
    expect(visits.length).toBeGreaterThan(0);
    expect(visits.every((id) => /-pat-b-\d+$/.test(id))).toBe(true);
  });

  it("when ifec.rossi replicates visits, then she gets only her care team patients' visits", async () => {
    const mine = new Set(patientsOf('u-ifec-rossi'));
    const visits = await pull('ifec.rossi', 'visits');
    expect(visits.length).toBe(mine.size * 4); // two past visits, today and tomorrow
    expect(visits.every((id) => mine.has(id.slice('v-YYYY-MM-DD-'.length)))).toBe(true);
  });

  it('when the district nurse replicates, then she gets every patient of her district and none other', async () => {
    const patients = await pull('dist.verdi', 'patients');
    expect(patients).toEqual(DEMO_PATIENTS.filter((p) => p.districtId === 'distretto-a').map((p) => p.id).sort());
  });

  it('when a paged _changes asks for 2 rows, then limit counts visible rows and the feed goes on to the end', async () => {
    const token = await server.login('ifec.bianchi');
    const seen: string[] = [];
    let since: string | number = 0;
    for (let page = 0; page < 10; page++) {
      const { body } = await server.call(`/sync/patients/_changes?limit=2&since=${encodeURIComponent(String(since))}`, { token });
      seen.push(...body.results.map((r: { id: string }) => r.id));
      since = body.last_seq;
      if (body.results.length < 2) break;
    }
    expect(seen.sort()).toEqual(patientsOf('u-ifec-bianchi'));
  });

  it('when a nurse asks for documents outside her care by id, then every read path says not found', async () => {
    const token = await server.login('ifec.bianchi');
    const single = await server.call('/sync/patients/pat-a-001', { token });
    expect(single.status).toBe(404);
    const allDocs = await server.call('/sync/patients/_all_docs', { token, body: { keys: ['pat-a-001', 'pat-a-006'], include_docs: true } });
    expect(allDocs.body.rows[0]).toEqual({ key: 'pat-a-001', error: 'not_found' });
    expect(allDocs.body.rows[1].doc.familyName).toBe('Carraro');
    const bulkGet = await server.call('/sync/patients/_bulk_get', { token, body: { docs: [{ id: 'pat-a-001' }, { id: 'pat-a-006' }] } });
    expect(bulkGet.body.results[0].docs[0].error.error).toBe('not_found');
    expect(bulkGet.body.results[1].docs[0].ok._id).toBe('pat-a-006');
  });

  it('when a client tries to set its own filter, then 400 naming the parameter', async () => {
    const token = await server.login('ifec.rossi');
    const { status, body } = await server.call('/sync/patients/_changes?filter=_selector', { token });
    expect(status).toBe(400);
    expect(body.field).toBe('filter');
  });

  it('when a role may not read a collection, then 403; with no token, 401; an unknown collection, 404', async () => {
    expect((await server.call('/sync/visits/_changes', { token: await server.login('paz.esposito') })).status).toBe(403);
    expect((await server.call('/sync/patients/_changes', { token: await server.login('admin') })).status).toBe(403);
    const noToken = await server.call('/sync/patients/_changes');
    expect(noToken.status).toBe(401);
    expect(noToken.body.error).toBe('unauthorized');
    expect((await server.call('/sync/secrets/', { token: await server.login('ifec.rossi') })).status).toBe(404);
  });
});
