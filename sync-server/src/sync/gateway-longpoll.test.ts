import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '@prossima/domain';
import { startTestServer, type TestServer } from '../testing/test-server';

const today = localDate(new Date());

describe('sync gateway: live changes by long poll', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  async function touchVisit(username: string, userId: string, patientId: string): Promise<void> {
    const token = await server.login(username);
    const { body: visit } = await server.call(`/sync/visits/v-${today}-${patientId}`, { token });
    const { body } = await server.call('/sync/visits/_bulk_docs', {
      token,
      body: { docs: [{ ...visit, note: `touched ${Date.now()}`, updatedAt: new Date().toISOString(), updatedBy: userId }] },
    });
    expect(body[0].ok).toBe(true);
  }

  it('when another nurse writes outside her care, then her long poll stays asleep; her own patient wakes it', async () => {
    const rossi = await server.login('ifec.rossi');
    const { body: now } = await server.call('/sync/visits/_changes?limit=0&since=now', { token: rossi });
    const poll = server.call(`/sync/visits/_changes?feed=longpoll&include_docs=true&heartbeat=1000&since=${encodeURIComponent(String(now.last_seq))}`, { token: rossi });
    let settled = false;
    void poll.then(() => (settled = true));

    await touchVisit('ifec.bianchi', 'u-ifec-bianchi', 'pat-a-006');
    // Give a wrongly woken poll every chance to answer before checking it did not.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(settled).toBe(false);

    await touchVisit('ifec.rossi', 'u-ifec-rossi', 'pat-a-002');
    const { status, body } = await poll;
    expect(status).toBe(200);
    expect(body.results.map((r: { id: string }) => r.id)).toEqual([`v-${today}-pat-a-002`]);
    expect(body.results[0].doc.note).toMatch(/^touched/);
  });

  it('when a client asks for a continuous feed, then 400 names the feed', async () => {
    const { status, body } = await server.call('/sync/visits/_changes?feed=continuous', { token: await server.login('ifec.rossi') });
    expect(status).toBe(400);
    expect(body).toMatchObject({ field: 'feed', reason: 'feed "continuous" is not supported; use normal or longpoll' });
  });
});
