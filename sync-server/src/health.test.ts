import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/test-server';

describe('health and store outages', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('when the store answers, then health is ok and names the embedded store', async () => {
    const { status, body } = await server.call('/api/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', store: 'embedded' });
  });

  it('when the store is down, then health and sync answer 503 with Retry-After and a reason', async () => {
    const token = await server.login('ifec.rossi');
    await server.embedded.close();
    const health = await server.call('/api/health');
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toBe('5');
    expect(health.body).toMatchObject({ status: 'unavailable', store: 'embedded' });
    const changes = await server.call('/sync/visits/_changes', { token });
    expect(changes.status).toBe(503);
    expect(changes.headers.get('retry-after')).toBe('5');
    expect(changes.body.error).toBe('store_unavailable');
  });

  it('when an unknown API route is asked, then 404 in JSON', async () => {
    const { status, body } = await server.call('/api/nothing');
    expect(status).toBe(404);
    expect(body.error).toBe('not_found');
  });
});
