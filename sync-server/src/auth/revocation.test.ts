import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo-people';
import { CouchStore } from '../store/couch-store';
import { openEventStream } from '../testing/event-stream';
import { startFakeCouchDb } from '../testing/fake-couchdb';
import { startTestServer, type TestServer } from '../testing/test-server';
import { RevocationList } from './revocation';
import type { AccessClaims } from './tokens';

describe('revocation: a revoked device or session stops syncing at once', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ live: { heartbeatMs: 200 } });
  });
  afterAll(() => server.close());

  async function signIn(username: string, deviceId: string): Promise<{ accessToken: string; refreshToken: string }> {
    const { status, body } = await server.call('/api/auth/login', { body: { username, password: DEMO_PASSWORD, deviceId } });
    expect(status).toBe(200);
    return body;
  }

  const changes = (token: string) => server.call('/sync/visits/_changes?limit=1', { token });
  const refresh = (refreshToken: string) => server.call('/api/auth/refresh', { body: { refreshToken } });

  it("when the admin revokes a nurse's tablet, then its _changes, _events and refresh are refused while her other tablet keeps syncing", async () => {
    const lost = await signIn('ifec.rossi', 'tablet-lost-0001');
    const kept = await signIn('ifec.rossi', 'tablet-kept-0002');
    expect((await changes(lost.accessToken)).status).toBe(200);

    const revoke = await server.call('/api/admin/devices/tablet-lost-0001/revoke', { method: 'POST', token: await server.login('admin') });
    expect(revoke.status).toBe(200);
    expect(revoke.body).toMatchObject({ deviceId: 'tablet-lost-0001', sessionsRevoked: 1 });

    const refused = await changes(lost.accessToken);
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ error: 'session_revoked', reason: expect.stringMatching(/revoked/) });
    const stream = await openEventStream(`${server.baseUrl}/sync/_events`, lost.accessToken);
    expect(stream.status).toBe(401);
    expect(stream.error?.error).toBe('session_revoked');
    expect((await server.call('/api/auth/me', { token: lost.accessToken })).status).toBe(401);
    const noRefresh = await refresh(lost.refreshToken);
    expect(noRefresh.status).toBe(401);
    expect(noRefresh.body.error).toBe('invalid_refresh_token');

    expect((await changes(kept.accessToken)).status).toBe(200);
    const refreshed = await refresh(kept.refreshToken);
    expect(refreshed.status).toBe(200);
    expect((await changes(refreshed.body.accessToken)).status).toBe(200);
  });

  it('when a device is revoked while its event stream is open, then the stream says why and ends', async () => {
    const tablet = await signIn('ifec.bianchi', 'tablet-open-0003');
    const stream = await openEventStream(`${server.baseUrl}/sync/_events`, tablet.accessToken);
    await stream.waitFor((e) => e.event === 'ready');
    await server.call('/api/admin/devices/tablet-open-0003/revoke', { method: 'POST', token: await server.login('admin') });
    const closed = await stream.waitFor((e) => e.event === 'closed');
    expect(closed.data).toMatchObject({ error: 'session_revoked' });
    await stream.ended;
  });

  it('when a device is revoked on this server, then its open event stream ends at once, not at the next heartbeat', async () => {
    // A heartbeat far beyond the test's patience: only the revocation itself can end the stream in time.
    const slow = await startTestServer({ live: { heartbeatMs: 10 * 60_000 } });
    try {
      const { body: tablet } = await slow.call('/api/auth/login', { body: { username: 'ifec.ferri', password: DEMO_PASSWORD, deviceId: 'tablet-gone-0004' } });
      const stream = await openEventStream(`${slow.baseUrl}/sync/_events`, tablet.accessToken);
      await stream.waitFor((e) => e.event === 'ready');
      await slow.call('/api/admin/devices/tablet-gone-0004/revoke', { method: 'POST', token: await slow.login('admin') });
      const closed = await stream.waitFor((e) => e.event === 'closed');
      expect(closed.data).toMatchObject({ error: 'session_revoked', reason: expect.stringMatching(/revoked/) });
      await stream.ended;
    } finally {
      await slow.close();
    }
  });

  it('when a revoked device signs in again with the password, then the new session works', async () => {
    await signIn('dist.verdi', 'desk-again-0004');
    await server.call('/api/admin/devices/desk-again-0004/revoke', { method: 'POST', token: await server.login('admin') });
    // Tokens carry whole seconds: a session opened in the second of the revocation counts as before it.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const again = await signIn('dist.verdi', 'desk-again-0004');
    expect((await changes(again.accessToken)).status).toBe(200);
  });

  it('when a nurse logs out, then the access token of that session stops working at once', async () => {
    const session = await signIn('ifec.rossi', 'tablet-logout-05');
    expect((await changes(session.accessToken)).status).toBe(200);
    expect((await server.call('/api/auth/logout', { body: { refreshToken: session.refreshToken } })).status).toBe(204);
    const after = await changes(session.accessToken);
    expect(after.status).toBe(401);
    expect(after.body.error).toBe('session_revoked');
  });

  it('when another server replica revoked a session, then this process refuses it once its cache is read again', async () => {
    const session = await signIn('cot.neri', 'desk-replica-06');
    const replica = new RevocationList(server.store, { accessTokenTtlSeconds: 900, cacheMs: 0 });
    const { body: me } = await server.call('/api/auth/me', { token: session.accessToken });
    const [, payload] = session.accessToken.split('.');
    const { sid, iat, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const claims: AccessClaims = { user: me.user, deviceId: 'desk-replica-06', sessionId: sid, issuedAt: iat * 1000, expiresAt: exp * 1000 };
    await expect(replica.assertActive(claims)).resolves.toBeUndefined();
    await server.call('/api/auth/logout', { body: { refreshToken: session.refreshToken } });
    await expect(replica.assertActive(claims)).rejects.toMatchObject({ status: 401, code: 'session_revoked' });
  });
});

describe('revocation list against a CouchDB 3 feed', () => {
  it('when CouchDB answers string sequences, then each read starts from the last_seq it was given, unchanged', async () => {
    const sessionsSeq = '7-g1AAAAB+/x=';
    const devicesSeq = '3-g1AAAAC/+y==';
    const couch = await startFakeCouchDb((request) => {
      if (request.method === 'PUT') return { status: 412, body: { error: 'file_exists', reason: 'exists' } };
      if (request.path === '/prossima-refresh-tokens/_changes') return { status: 200, body: { results: [], last_seq: sessionsSeq } };
      if (request.path === '/prossima-revoked-devices/_changes') return { status: 200, body: { results: [], last_seq: devicesSeq } };
      return { status: 404, body: { error: 'not_found', reason: 'missing' } };
    });
    try {
      const list = new RevocationList(new CouchStore(couch.url, 'couchdb'), { accessTokenTtlSeconds: 900, cacheMs: 0 });
      const claims = { user: { id: 'u', username: 'u', displayName: 'U', role: 'nurse', districtId: 'd' }, deviceId: 'tablet-0001', sessionId: 'rt-x', issuedAt: 0, expiresAt: 0 } satisfies AccessClaims;
      await list.assertActive(claims);
      await list.assertActive(claims);
      const since = (path: string) => couch.requests.filter((r) => r.path === path).map((r) => r.query.get('since'));
      expect(since('/prossima-refresh-tokens/_changes')).toEqual(['0', sessionsSeq]);
      expect(since('/prossima-revoked-devices/_changes')).toEqual(['0', devicesSeq]);
    } finally {
      await couch.close();
    }
  });
});
