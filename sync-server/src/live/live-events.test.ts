import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS, localDate, rightsOf } from '@prossima/domain';
import { closeApp, liveEventsOf } from '../app';
import { districtDatabase } from '../store/couch-store';
import { eventually, openEventStream, type EventStream } from '../testing/event-stream';
import { startTestServer, type TestServer } from '../testing/test-server';

const today = localDate(new Date());
const A = 'distretto-a';
const nurseCollections = COLLECTIONS.filter((c) => rightsOf('nurse', c).read);

describe('live events: one stream per device for every collection', () => {
  let server: TestServer;
  const streams: EventStream[] = [];
  beforeAll(async () => {
    server = await startTestServer({ live: { coalesceMs: 50, heartbeatMs: 300, idleWatcherMs: 300 } });
  });
  afterEach(async () => {
    streams.splice(0).forEach((s) => s.close());
    await eventually(() => liveEventsOf(server.app).stats().subscribers === 0);
  });
  afterAll(() => server.close());

  async function listen(username: string): Promise<EventStream> {
    const stream = await openEventStream(`${server.baseUrl}/sync/_events`, await server.login(username));
    streams.push(stream);
    if (stream.status === 200) await stream.waitFor((e) => e.event === 'ready');
    return stream;
  }

  async function touchVisit(username: string, userId: string, patientId: string): Promise<void> {
    const token = await server.login(username);
    const { body: visit } = await server.call(`/sync/visits/v-${today}-${patientId}`, { token });
    const { body } = await server.call('/sync/visits/_bulk_docs', {
      token,
      body: { docs: [{ ...visit, note: `touched ${Date.now()}`, updatedAt: new Date().toISOString(), updatedBy: userId }] },
    });
    expect(body[0].ok).toBe(true);
  }

  /** Write straight into the store, as another server replica or an operator would. */
  async function storeWrite(collection: 'patients' | 'visits', docs: object[]): Promise<void> {
    await server.store.request({ db: districtDatabase(A, collection), path: '_bulk_docs', method: 'POST', body: { docs } });
  }

  async function careTeamOf(patientId: string, careTeam: string[]): Promise<void> {
    const doc = await server.store.request<Record<string, unknown>>({ db: districtDatabase(A, 'patients'), doc: patientId });
    await storeWrite('patients', [{ ...doc, careTeam, updatedAt: new Date().toISOString() }]);
  }

  const quiet = () => new Promise((resolve) => setTimeout(resolve, 600));

  it('when a nurse opens the stream, then it is an uncompressed event stream whose ready event lists her readable collections', async () => {
    const stream = await listen('ifec.rossi');
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('cache-control')).toMatch(/no-cache/);
    expect(stream.headers.get('x-accel-buffering')).toBe('no');
    expect(stream.headers.get('content-encoding')).toBeNull();
    expect(stream.named('ready')[0].data).toEqual({ collections: nurseCollections });
    const patient = await listen('paz.esposito');
    expect(patient.named('ready')[0].data).toEqual({ collections: ['patients', 'careplans', 'observations', 'devices'] });
  });

  it("when a visit of her patient changes, then a change event names visits; another nurse's patient's visit wakes nothing", async () => {
    const stream = await listen('ifec.rossi');
    await touchVisit('ifec.bianchi', 'u-ifec-bianchi', 'pat-a-006');
    await quiet();
    expect(stream.named('change')).toEqual([]);
    await touchVisit('ifec.rossi', 'u-ifec-rossi', 'pat-a-002');
    await stream.waitFor((e) => e.event === 'change' && e.data['collection'] === 'visits');
    expect(stream.named('change')).toEqual([{ event: 'change', data: { collection: 'visits' } }]);
  });

  it('when 200 visits are written one by one in a burst, then the nurse gets a few coalesced events, not 200', async () => {
    const stream = await listen('ifec.rossi');
    const stamp = Date.now();
    // 200 separate writes, as 200 tablets pushing at once: the watcher sees them in many small batches.
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        server.store.request({ db: districtDatabase(A, 'visits'), doc: `burst-${stamp}-${i}`, method: 'PUT', body: { districtId: A, patientId: 'pat-a-001' } }),
      ),
    );
    const writing = Date.now() - started;
    await stream.waitFor((e) => e.event === 'change');
    await quiet();
    const changes = stream.named('change');
    expect(changes.length).toBeGreaterThanOrEqual(1);
    // At most one event per 50 ms window while the writes went on (plus the last flush), and few in any case.
    expect(changes.length).toBeLessThanOrEqual(Math.ceil(writing / 50) + 1);
    expect(changes.length).toBeLessThanOrEqual(20);
    expect(changes.every((e) => e.data['collection'] === 'visits')).toBe(true);
  });

  it('when several users of two districts listen, then each store database has one watcher, and it stops once the last has left for a while', async () => {
    const live = liveEventsOf(server.app);
    const [rossi, bianchi, verdi] = [await listen('ifec.rossi'), await listen('ifec.bianchi'), await listen('dist.verdi')];
    expect(live.stats()).toEqual({ databases: nurseCollections.length, subscribers: 3 });
    const ferri = await listen('ifec.ferri');
    expect(live.stats()).toEqual({ databases: 2 * nurseCollections.length, subscribers: 4 });
    ferri.close();
    await eventually(() => live.stats().databases === nurseCollections.length);
    rossi.close();
    bianchi.close();
    verdi.close();
    await eventually(() => live.stats().databases === 0 && live.stats().subscribers === 0);
  });

  it('when a device reconnects again and again, then the same watchers serve it and no store poll is left waiting', async () => {
    const live = liveEventsOf(server.app);
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const token = await server.login('ifec.rossi');
      // More reconnections than Node's listener limit: a store poll cut off at each would trip it.
      for (let i = 0; i < 15; i++) {
        const stream = await openEventStream(`${server.baseUrl}/sync/_events`, token);
        await stream.waitFor((e) => e.event === 'ready');
        stream.close();
        await eventually(() => live.stats().subscribers === 0);
        expect(live.stats().databases).toBe(nurseCollections.length);
      }
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.includes('listeners added'))).toEqual([]);
      // Nobody listens: the watchers stop after their idle time.
      await eventually(() => live.stats().databases === 0);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it("when a patient joins her care team, then she gets an access event and from then on that patient's changes", async () => {
    const stream = await listen('ifec.rossi');
    await storeWrite('visits', [{ _id: `before-${Date.now()}`, districtId: A, patientId: 'pat-a-007' }]);
    await quiet();
    expect(stream.named('change')).toEqual([]);

    await careTeamOf('pat-a-007', ['u-ifec-bianchi', 'u-ifec-rossi']);
    await stream.waitFor((e) => e.event === 'access');
    await stream.waitFor((e) => e.event === 'change' && e.data['collection'] === 'patients');
    await storeWrite('visits', [{ _id: `after-${Date.now()}`, districtId: A, patientId: 'pat-a-007' }]);
    await stream.waitFor((e) => e.event === 'change' && e.data['collection'] === 'visits');

    await careTeamOf('pat-a-007', ['u-ifec-bianchi']);
    await eventually(() => stream.named('access').length === 2);
  });

  it('when the stream stays idle, then a heartbeat comment keeps it open', async () => {
    const stream = await listen('ifec.rossi');
    await eventually(() => stream.comments.includes('heartbeat'), 2_000);
  });

  it('when the caller has no token or reads no collection, then 401 or 403 with a JSON error, and no stream', async () => {
    const anonymous = await openEventStream(`${server.baseUrl}/sync/_events`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.error?.error).toBe('unauthorized');
    const admin = await listen('admin');
    expect(admin.status).toBe(403);
    expect(admin.error?.reason).toMatch(/reads no synced collection/);
  });

  it('when the server shuts down, then open streams end and every watcher stops', async () => {
    const stream = await listen('dist.verdi');
    await closeApp(server.app);
    await stream.ended;
    expect(liveEventsOf(server.app).stats()).toEqual({ databases: 0, subscribers: 0 });
    const late = await openEventStream(`${server.baseUrl}/sync/_events`, await server.login('dist.verdi'));
    expect(late.status).toBe(503);
    expect(late.headers.get('retry-after')).toBe('2');
  });
});
