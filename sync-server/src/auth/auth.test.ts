import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';
import { AuthService } from './auth-service';
import { hashPassword, verifyPassword } from './passwords';
import { RevocationList } from './revocation';
import { AccessTokens } from './tokens';
import { UserStore } from './user-store';

describe('passwords', () => {
  it('when a password is hashed, then only that password verifies and the hash is salted', async () => {
    const hash = await hashPassword('prossima');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword('prossima', hash)).toBe(true);
    expect(await verifyPassword('Prossima', hash)).toBe(false);
    expect(await hashPassword('prossima')).not.toBe(hash);
  });

  it('when the stored hash is malformed, then nothing verifies', async () => {
    expect(await verifyPassword('prossima', 'plain-text')).toBe(false);
  });
});

describe('auth API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('when a demo nurse logs in, then she gets tokens and her profile', async () => {
    const { status, body } = await server.call('/api/auth/login', { body: { username: 'ifec.rossi', password: 'prossima', deviceId: 'tablet-0001' } });
    expect(status).toBe(200);
    expect(body.user).toEqual({ id: 'u-ifec-rossi', username: 'ifec.rossi', displayName: 'Giulia Rossi', role: 'nurse', districtId: 'distretto-a' });
    expect(body.accessToken.split('.')).toHaveLength(3);
    expect(body.refreshToken.length).toBeGreaterThan(30);
    expect(body.expiresIn).toBe(900);
    const me = await server.call('/api/auth/me', { token: body.accessToken });
    expect(me.body.user.id).toBe('u-ifec-rossi');
  });

  it('when the patient logs in, then the profile names his patient document', async () => {
    const { body } = await server.call('/api/auth/login', { body: { username: 'paz.esposito', password: 'prossima' } });
    expect(body.user).toMatchObject({ role: 'patient', patientId: 'pat-a-001' });
  });

  it('when the password is wrong or the user unknown, then 401 with the same JSON error', async () => {
    const wrong = await server.call('/api/auth/login', { body: { username: 'ifec.rossi', password: 'nope' } });
    const unknown = await server.call('/api/auth/login', { body: { username: 'nobody', password: 'prossima' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: 'invalid_credentials', reason: 'Wrong username or password' });
    expect(unknown.body).toEqual(wrong.body);
  });

  it.each([
    ['malformed JSON', { rawBody: '{"username": "ifec.rossi",' }, /Malformed JSON/, undefined],
    ['a missing password', { body: { username: 'ifec.rossi' } }, /password is required/, 'password'],
    ['a missing username', { body: { password: 'prossima' } }, /username is required/, 'username'],
    ['a number as username', { body: { username: 42, password: 'prossima' } }, /username/, 'username'],
    ['an array body', { body: [1, 2] }, /JSON object/, undefined],
    ['a bad device id', { body: { username: 'ifec.rossi', password: 'prossima', deviceId: 'x' } }, /deviceId/, 'deviceId'],
  ])('when login gets %s, then 400 naming the problem', async (_name, init, reason, field) => {
    const { status, body } = await server.call('/api/auth/login', init);
    expect(status).toBe(400);
    expect(body.error).toBe('bad_request');
    expect(body.reason).toMatch(reason);
    expect(body.field).toBe(field);
  });

  it('when a login body smuggles a __proto__ key, then 400 names it and nobody is signed in', async () => {
    const { status, body } = await server.call('/api/auth/login', { rawBody: '{"username":"ifec.rossi","password":"prossima","__proto__":{"role":"admin"}}' });
    expect(status).toBe(400);
    expect(body.reason).toBe('forbidden key "__proto__"');
  });

  it('when a refresh token is used, then a new access token comes; after logout it is refused', async () => {
    const login = await server.call('/api/auth/login', { body: { username: 'dist.verdi', password: 'prossima' } });
    const refreshed = await server.call('/api/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user.role).toBe('district-nurse');
    const me = await server.call('/api/auth/me', { token: refreshed.body.accessToken });
    expect(me.status).toBe(200);

    const logout = await server.call('/api/auth/logout', { body: { refreshToken: login.body.refreshToken } });
    expect(logout.status).toBe(204);
    const again = await server.call('/api/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
    expect(again.status).toBe(401);
    expect(again.body.error).toBe('invalid_refresh_token');
  });

  it('when a request carries no token or a forged one, then 401 with a JSON error', async () => {
    const none = await server.call('/api/auth/me');
    expect(none.status).toBe(401);
    expect(none.body.reason).toMatch(/Missing Authorization/);
    const forged = await server.call('/api/auth/me', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' });
    expect(forged.status).toBe(401);
    expect(forged.body.error).toBe('unauthorized');
  });

  it('when the server runs in production mode, then demo accounts are refused even with the right password', async () => {
    const revocations = new RevocationList(server.store, { accessTokenTtlSeconds: 900 });
    const tokens = new AccessTokens(new TextEncoder().encode('p'.repeat(32)), 900, revocations);
    const production = new AuthService(new UserStore(server.store), tokens, revocations, {
      refreshTokenTtlDays: 30,
      allowDemoAccounts: false,
    });
    await expect(production.login('ifec.rossi', 'prossima', 'tablet-0001')).rejects.toMatchObject({ status: 401, code: 'invalid_credentials' });
  });
});
