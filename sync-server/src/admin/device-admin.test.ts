import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo-people';
import { startTestServer, type TestServer } from '../testing/test-server';

describe('admin API: devices and their sessions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const signIn = (username: string, deviceId: string) =>
    server.call('/api/auth/login', { body: { username, password: DEMO_PASSWORD, deviceId } });

  it('when the admin lists devices, then each device shows its sessions, newest first, and its revocation', async () => {
    await signIn('ifec.rossi', 'kit-tablet-0101');
    await signIn('paz.esposito', 'kit-tablet-0101');
    await signIn('ifec.rossi', 'tablet-rossi-0102');
    const admin = await server.login('admin');
    await server.call('/api/admin/devices/tablet-rossi-0102/revoke', { method: 'POST', token: admin });

    const { status, body } = await server.call('/api/admin/devices', { token: admin });
    expect(status).toBe(200);
    const kit = body.devices.find((d: { deviceId: string }) => d.deviceId === 'kit-tablet-0101');
    expect(kit.revokedAt).toBeNull();
    expect(kit.sessions.map((s: { username: string }) => s.username).sort()).toEqual(['ifec.rossi', 'paz.esposito']);
    expect(kit.sessions[0].createdAt >= kit.sessions[1].createdAt).toBe(true);
    expect(Object.keys(kit.sessions[0]).sort()).toEqual(['createdAt', 'expiresAt', 'revokedAt', 'username']);
    const revoked = body.devices.find((d: { deviceId: string }) => d.deviceId === 'tablet-rossi-0102');
    expect(revoked.revokedAt).toEqual(expect.any(String));
    expect(revoked.sessions[0].revokedAt).toBe(revoked.revokedAt);
    expect(JSON.stringify(body)).not.toMatch(/rt-[0-9a-f]{64}|refreshToken/);
  });

  it('when a device is revoked twice, then the second revocation finds no open session and still answers 200', async () => {
    await signIn('cot.neri', 'desk-neri-0201');
    const admin = await server.login('admin');
    const first = await server.call('/api/admin/devices/desk-neri-0201/revoke', { method: 'POST', token: admin });
    const second = await server.call('/api/admin/devices/desk-neri-0201/revoke', { method: 'POST', token: admin });
    expect(first.body.sessionsRevoked).toBe(1);
    expect(second.status).toBe(200);
    expect(second.body.sessionsRevoked).toBe(0);
  });

  it('when the device never signed in, then 404; when its id has the wrong shape, 404 as well', async () => {
    const admin = await server.login('admin');
    const unknown = await server.call('/api/admin/devices/tablet-never-seen/revoke', { method: 'POST', token: admin });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: 'not_found', reason: 'No device "tablet-never-seen" has ever signed in' });
    expect((await server.call('/api/admin/devices/x/revoke', { method: 'POST', token: admin })).status).toBe(404);
  });

  it.each(['ifec.rossi', 'dist.verdi', 'cot.neri', 'paz.esposito'])('when %s lists or revokes devices, then 403', async (username) => {
    await signIn('ifec.bianchi', 'tablet-bianchi-0301');
    const token = await server.login(username);
    const list = await server.call('/api/admin/devices', { token });
    expect(list.status).toBe(403);
    expect(list.body.error).toBe('forbidden');
    const revoke = await server.call('/api/admin/devices/tablet-bianchi-0301/revoke', { method: 'POST', token });
    expect(revoke.status).toBe(403);
    const bianchi = await signIn('ifec.bianchi', 'tablet-bianchi-0301');
    expect((await server.call('/sync/visits/_changes?limit=1', { token: bianchi.body.accessToken })).status).toBe(200);
  });

  it('when nobody is signed in, then 401', async () => {
    expect((await server.call('/api/admin/devices')).status).toBe(401);
  });
});
