import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FakeClock, NURSE, provideClock, provideMemoryStorage } from '../../../testing/test-helpers';
import { AppError } from '../errors/app-errors';
import { LOCAL_STORE } from '../storage';
import { apiInterceptor } from './api-interceptor';
import { AuthSession, TokenResponse } from './auth-session';

function tokens(overrides: Partial<TokenResponse> = {}): TokenResponse {
  return { accessToken: 'access-1', refreshToken: 'refresh-1', expiresIn: 900, user: NURSE, ...overrides };
}

describe('AuthSession', () => {
  let http: HttpTestingController;
  let clock: FakeClock;

  function createSession(): AuthSession {
    return TestBed.inject(AuthSession);
  }

  beforeEach(() => {
    clock = new FakeClock(new Date('2025-11-22T08:00:00.000Z'));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
        provideMemoryStorage(),
        provideClock(clock),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('when the login succeeds, then the user is signed in and the session is stored for offline starts', async () => {
    const auth = createSession();
    const login = auth.login('anna', 'secret');
    const req = http.expectOne('/api/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ username: 'anna', password: 'secret', deviceId: expect.any(String) });
    expect(req.request.headers.get('ngsw-bypass')).toBe('true');
    req.flush(tokens());

    await expect(login).resolves.toEqual(NURSE);
    expect(auth.user()).toEqual(NURSE);
    const stored = JSON.parse(TestBed.inject(LOCAL_STORE).getItem('prossima.session') ?? 'null');
    expect(stored).toEqual({ user: NURSE, refreshToken: 'refresh-1' });
    expect(JSON.stringify(stored)).not.toContain('access-1');
  });

  it('when logging in twice on one device, then the same device id is sent', async () => {
    const auth = createSession();
    const first = auth.login('anna', 'secret');
    const firstReq = http.expectOne('/api/auth/login');
    firstReq.flush(tokens());
    await first;
    const second = auth.login('anna', 'secret');
    const secondReq = http.expectOne('/api/auth/login');
    secondReq.flush(tokens());
    await second;
    expect(secondReq.request.body.deviceId).toBe(firstReq.request.body.deviceId);
  });

  it('when the server answers 401 invalid-credentials, then login fails with that code', async () => {
    const auth = createSession();
    const login = auth.login('anna', 'wrong');
    http
      .expectOne('/api/auth/login')
      .flush({ error: 'invalid-credentials', reason: 'Wrong username or password' }, { status: 401, statusText: 'Unauthorized' });
    await expect(login).rejects.toMatchObject({ code: 'invalid-credentials' });
    expect(auth.isSignedIn()).toBe(false);
  });

  it('when the server cannot be reached, then login fails with server-unreachable', async () => {
    const auth = createSession();
    const login = auth.login('anna', 'secret');
    http.expectOne('/api/auth/login').error(new ProgressEvent('error'), { status: 0 });
    await expect(login).rejects.toMatchObject({ code: 'server-unreachable' });
  });

  it('when a session was stored before, then the app starts signed in without any request', () => {
    TestBed.inject(LOCAL_STORE).setItem('prossima.session', JSON.stringify({ user: NURSE, refreshToken: 'r' }));
    const auth = createSession();
    expect(auth.user()).toEqual(NURSE);
  });

  it('when the access token is fresh, then it is used without refreshing', async () => {
    const auth = createSession();
    const login = auth.login('anna', 'secret');
    http.expectOne('/api/auth/login').flush(tokens());
    await login;
    await expect(auth.accessToken()).resolves.toBe('access-1');
  });

  it('when the access token is about to expire, then it is refreshed with the stored refresh token', async () => {
    const auth = createSession();
    const login = auth.login('anna', 'secret');
    http.expectOne('/api/auth/login').flush(tokens());
    await login;
    clock.advance(850_000); // 50 s left of 900 s

    const token = auth.accessToken();
    await Promise.resolve();
    const req = http.expectOne('/api/auth/refresh');
    expect(req.request.body).toEqual({ refreshToken: 'refresh-1' });
    req.flush(tokens({ accessToken: 'access-2', refreshToken: 'refresh-2' }));
    await expect(token).resolves.toBe('access-2');
    expect(JSON.parse(TestBed.inject(LOCAL_STORE).getItem('prossima.session') ?? '{}').refreshToken).toBe('refresh-2');
  });

  it('when two callers need a refresh at once, then one request serves both', async () => {
    TestBed.inject(LOCAL_STORE).setItem('prossima.session', JSON.stringify({ user: NURSE, refreshToken: 'r' }));
    const auth = createSession();
    const a = auth.accessToken();
    const b = auth.accessToken();
    await Promise.resolve();
    http.expectOne('/api/auth/refresh').flush(tokens({ accessToken: 'access-9' }));
    await expect(Promise.all([a, b])).resolves.toEqual(['access-9', 'access-9']);
  });

  it('when the refresh token is refused, then the session ends as expired', async () => {
    TestBed.inject(LOCAL_STORE).setItem('prossima.session', JSON.stringify({ user: NURSE, refreshToken: 'r' }));
    const auth = createSession();
    const token = auth.accessToken();
    await Promise.resolve();
    http
      .expectOne('/api/auth/refresh')
      .flush({ error: 'invalid-refresh-token', reason: 'revoked' }, { status: 401, statusText: 'Unauthorized' });
    await expect(token).rejects.toBeInstanceOf(AppError);
    expect(auth.user()).toBeNull();
    expect(auth.endReason()).toBe('expired');
    expect(TestBed.inject(LOCAL_STORE).getItem('prossima.session')).toBeNull();
  });

  it('when the refresh fails for lack of network, then the user stays signed in (offline)', async () => {
    TestBed.inject(LOCAL_STORE).setItem('prossima.session', JSON.stringify({ user: NURSE, refreshToken: 'r' }));
    const auth = createSession();
    const token = auth.accessToken();
    await Promise.resolve();
    http.expectOne('/api/auth/refresh').error(new ProgressEvent('error'), { status: 0 });
    await expect(token).rejects.toMatchObject({ code: 'server-unreachable' });
    expect(auth.user()).toEqual(NURSE);
  });

  it('when revoking, then the refresh token is sent to /api/auth/logout', async () => {
    TestBed.inject(LOCAL_STORE).setItem('prossima.session', JSON.stringify({ user: NURSE, refreshToken: 'r' }));
    const auth = createSession();
    const revoke = auth.revoke();
    const req = http.expectOne('/api/auth/logout');
    expect(req.request.body).toEqual({ refreshToken: 'r' });
    req.flush(null, { status: 204, statusText: 'No Content' });
    await revoke;
    auth.clear();
    expect(auth.isSignedIn()).toBe(false);
  });

  it('when another API call gets 401, then the token is refreshed once and the call retried', async () => {
    TestBed.inject(LOCAL_STORE).setItem('prossima.session', JSON.stringify({ user: NURSE, refreshToken: 'r' }));
    const auth = createSession();
    const login = auth.login('anna', 'secret');
    http.expectOne('/api/auth/login').flush(tokens());
    await login;

    const { HttpClient } = await import('@angular/common/http');
    const { firstValueFrom } = await import('rxjs');
    const me = firstValueFrom(TestBed.inject(HttpClient).get<{ user: unknown }>('/api/auth/me'));
    await Promise.resolve();
    const first = http.expectOne('/api/auth/me');
    expect(first.request.headers.get('Authorization')).toBe('Bearer access-1');
    first.flush({ error: 'unauthorized', reason: 'expired' }, { status: 401, statusText: 'Unauthorized' });
    await Promise.resolve();
    http.expectOne('/api/auth/refresh').flush(tokens({ accessToken: 'access-2' }));
    await new Promise((r) => setTimeout(r));
    const retry = http.expectOne('/api/auth/me');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer access-2');
    retry.flush({ user: NURSE });
    await expect(me).resolves.toEqual({ user: NURSE });
  });
});
