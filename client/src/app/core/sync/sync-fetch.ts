import { codeForHttpFailure } from '../errors/app-errors';
import { parseRetryAfter, SyncHttpError } from './sync-errors';

/** What the sync fetch needs from the outside world (injected, so tests use fakes). */
export interface SyncFetchDeps {
  /** The real fetch. */
  fetch: typeof fetch;
  /** A valid access token (refreshed when near expiry). */
  accessToken(): Promise<string>;
  /** A new access token, after the server answered 401. */
  refreshAccessToken(): Promise<string>;
  /** Told after every attempt whether the server answered at all. */
  reportReachable(reachable: boolean): void;
  /** Milliseconds since the epoch (for `Retry-After` dates). */
  now?(): number;
}

/**
 * The `fetch` of every sync request (replication handlers, the live-update
 * stream, the sync REST calls): adds `Authorization: Bearer …`, keeps the
 * service worker out (`ngsw-bypass`: the local database is the cache), on a
 * 401 refreshes the token once and retries — except when the server says the
 * session or device was revoked (`session_revoked`), which no refresh can
 * mend — and turns any other non-2xx answer into a {@link SyncHttpError}
 * (with the server's `Retry-After`), so callers retry instead of reading an
 * error body as data.
 */
export function createSyncFetch(deps: SyncFetchDeps): typeof fetch {
  const send = async (input: RequestInfo | URL, init: RequestInit | undefined, token: string): Promise<Response> => {
    const headers = new Headers(init?.headers);
    headers.set('Authorization', `Bearer ${token}`);
    headers.set('ngsw-bypass', 'true');
    try {
      const response = await deps.fetch(input, { ...init, headers });
      deps.reportReachable(true);
      return response;
    } catch (err) {
      // fetch rejects with a TypeError when the server cannot be reached.
      if (err instanceof TypeError) deps.reportReachable(false);
      throw err;
    }
  };

  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    let response = await send(input, init, await deps.accessToken());
    if (response.status === 401 && !(await isRevocation(response))) {
      response = await send(input, init, await deps.refreshAccessToken());
    }
    if (!response.ok) throw await httpFailure(response, deps.now?.() ?? Date.now());
    return response;
  };
}

/** True when a 401 says the session or the device was revoked (`{"error":"session_revoked"}`). */
async function isRevocation(response: Response): Promise<boolean> {
  try {
    const body = (await response.clone().json()) as { error?: unknown };
    return body?.error === 'session_revoked';
  } catch (err) {
    // Not JSON: a plain 401, worth a refresh.
    if (err instanceof SyntaxError) return false;
    throw err;
  }
}

async function httpFailure(response: Response, now: number): Promise<SyncHttpError> {
  let body: { error?: unknown; reason?: unknown } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch (err) {
    // Not JSON (a proxy's HTML error page): the status alone says enough.
    if (!(err instanceof SyntaxError)) throw err;
  }
  const reason = typeof body.reason === 'string' ? body.reason : `HTTP ${response.status}`;
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now);
  return new SyncHttpError(codeForHttpFailure(response.status, body.error), reason, response.status, retryAfter ?? undefined);
}
