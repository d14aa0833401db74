import { AppError } from '../errors/app-errors';
import { createSyncFetch, SyncFetchDeps } from './sync-fetch';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('createSyncFetch', () => {
  let calls: { url: string; headers: Headers }[];
  let answers: (Response | Error)[];
  let reachable: boolean[];
  let deps: SyncFetchDeps;

  beforeEach(() => {
    calls = [];
    answers = [];
    reachable = [];
    deps = {
      fetch: async (input, init) => {
        calls.push({ url: String(input), headers: new Headers(init?.headers) });
        const answer = answers.shift();
        if (!answer) throw new Error('no answer scripted');
        if (answer instanceof Error) throw answer;
        return answer;
      },
      accessToken: async () => 'token-1',
      refreshAccessToken: async () => 'token-2',
      reportReachable: (r) => reachable.push(r),
    };
  });

  it('when replicating, then every request carries the bearer token and bypasses the service worker', async () => {
    answers.push(json(200, { results: [], last_seq: 0 }));
    const response = await createSyncFetch(deps)('http://x/sync/visits/_changes?since=0', { headers: { accept: 'application/json' } });
    expect(response.status).toBe(200);
    expect(calls[0].headers.get('authorization')).toBe('Bearer token-1');
    expect(calls[0].headers.get('ngsw-bypass')).toBe('true');
    expect(calls[0].headers.get('accept')).toBe('application/json');
    expect(reachable).toEqual([true]);
  });

  it('when the server answers 401, then the token is refreshed and the request retried once', async () => {
    answers.push(json(401, { error: 'unauthorized', reason: 'expired' }), json(200, { ok: true }));
    const response = await createSyncFetch(deps)('http://x/sync/visits/_bulk_docs', { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    expect(calls.map((c) => c.headers.get('authorization'))).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('when the retry gets 401 again, then it fails with an AppError instead of looping', async () => {
    answers.push(json(401, { error: 'unauthorized' }), json(401, { error: 'unauthorized' }));
    await expect(createSyncFetch(deps)('http://x/sync/visits/')).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    expect(calls).toHaveLength(2);
  });

  it('when the server refuses the collection, then the error carries the server code', async () => {
    answers.push(json(403, { error: 'forbidden', reason: 'patients cannot read visits' }));
    const failure = await createSyncFetch(deps)('http://x/sync/visits/_changes').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'forbidden', status: 403, message: 'patients cannot read visits' });
  });

  it('when the store is down, then a 503 becomes server-unavailable', async () => {
    answers.push(new Response('<html>down</html>', { status: 503 }));
    await expect(createSyncFetch(deps)('http://x/sync/visits/_changes')).rejects.toMatchObject({ code: 'server-unavailable' });
  });

  it('when the network fails, then the server is reported unreachable and the error passes on', async () => {
    answers.push(new TypeError('Failed to fetch'));
    await expect(createSyncFetch(deps)('http://x/sync/visits/_changes')).rejects.toBeInstanceOf(TypeError);
    expect(reachable).toEqual([false]);
  });
});

describe('createSyncFetch, revocation and Retry-After', () => {
  function depsAnswering(answers: Response[], calls: string[]): SyncFetchDeps {
    return {
      fetch: async (input, init) => {
        calls.push(new Headers(init?.headers).get('authorization') ?? '');
        const answer = answers.shift();
        if (!answer) throw new Error('no answer scripted');
        return answer;
      },
      accessToken: async () => 'token-1',
      refreshAccessToken: async () => {
        calls.push('refresh');
        return 'token-2';
      },
      reportReachable: () => undefined,
      now: () => 0,
    };
  }

  it('when the server says the session was revoked, then no refresh is tried and the error is session-revoked', async () => {
    const calls: string[] = [];
    const answers = [json(401, { error: 'session_revoked', reason: 'device revoked by the administrator' })];
    await expect(createSyncFetch(depsAnswering(answers, calls))('http://x/sync/visits/_changes')).rejects.toMatchObject({
      code: 'session-revoked',
      status: 401,
      message: 'device revoked by the administrator',
    });
    expect(calls).toEqual(['Bearer token-1']);
  });

  it('when the store is down and the server asks to retry after 5 s, then the error carries the 5 s', async () => {
    const down = new Response(JSON.stringify({ error: 'unavailable', reason: 'store down' }), {
      status: 503,
      headers: { 'retry-after': '5' },
    });
    await expect(createSyncFetch(depsAnswering([down], []))('http://x/sync/visits/_changes')).rejects.toMatchObject({
      code: 'server-unavailable',
      retryAfterMs: 5_000,
    });
  });
});
