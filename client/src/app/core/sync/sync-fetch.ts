import { AppError, codeForHttpFailure } from '../errors/app-errors';

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
}

/**
 * A `fetch` for RxDB's CouchDB replication: adds `Authorization: Bearer …`,
 * keeps the service worker out (`ngsw-bypass`: the local database is the
 * cache), on a 401 refreshes the token once and retries, and turns any other
 * non-2xx answer into an {@link AppError} — so the replication retries
 * instead of reading an error body as a changes feed.
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
    if (response.status === 401) {
      response = await send(input, init, await deps.refreshAccessToken());
    }
    if (!response.ok) throw await httpFailure(response);
    return response;
  };
}

async function httpFailure(response: Response): Promise<AppError> {
  let body: { error?: unknown; reason?: unknown } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch (err) {
    // Not JSON (a proxy's HTML error page): the status alone says enough.
    if (!(err instanceof SyntaxError)) throw err;
  }
  const reason = typeof body.reason === 'string' ? body.reason : `HTTP ${response.status}`;
  return new AppError(codeForHttpFailure(response.status, body.error), reason, response.status);
}
