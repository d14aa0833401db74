import { DOCUMENT, inject, Injectable, InjectionToken } from '@angular/core';
import { Observable, Subject } from 'rxjs';
import { AuthSession } from '../auth/auth-session';
import { AppError } from '../errors/app-errors';
import { Connectivity } from '../network/connectivity';
import { createSyncFetch } from './sync-fetch';

/** The network under the sync (the browser's fetch; tests provide a scripted one). */
export const SYNC_TRANSPORT = new InjectionToken<typeof fetch>('SYNC_TRANSPORT', {
  providedIn: 'root',
  factory: () => (input, init) => globalThis.fetch(input, init),
});

/**
 * Every request of the sync goes through here: the replication handlers, the
 * live-update stream, and the sync REST calls (`/api/sync/*`, the conflict
 * log, the record-opening audit). One place adds the bearer token, refreshes
 * it on a 401, reports whether the server answers, and notices a revoked
 * session (`401 session_revoked` on any call), which {@link revoked$} tells.
 */
@Injectable({ providedIn: 'root' })
export class SyncHttp {
  private readonly auth = inject(AuthSession);
  private readonly connectivity = inject(Connectivity);
  private readonly transport = inject(SYNC_TRANSPORT);
  private readonly revocations = new Subject<AppError>();

  /** The app's origin (the sync gateway is served by the same server). */
  readonly origin = inject(DOCUMENT).location.origin;
  /** Emits when the server says this session or device was revoked. */
  readonly revoked$: Observable<AppError> = this.revocations.asObservable();

  private readonly syncFetch = createSyncFetch({
    fetch: (input, init) => this.transport(input, init),
    accessToken: () => this.auth.accessToken(),
    refreshAccessToken: () => this.auth.refresh(),
    reportReachable: (reachable) => this.connectivity.reportServerReachable(reachable),
  });

  /** `fetch` with the sync's credentials and error handling (non-2xx answers are thrown as AppErrors). */
  readonly fetch: typeof fetch = async (input, init) => {
    try {
      return await this.syncFetch(input, init);
    } catch (err) {
      if (err instanceof AppError && err.code === 'session-revoked') this.revoked(err);
      throw err;
    }
  };

  /** Reports a revocation learnt some other way (the live stream's `closed` event). */
  revoked(error: AppError): void {
    this.revocations.next(error);
  }

  /** `GET` an `/api/…` path; the JSON answer. */
  async getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
    const response = await this.fetch(this.origin + path, { headers: { accept: 'application/json' }, signal });
    return (await response.json()) as T;
  }

  /** `POST` JSON to an `/api/…` path; resolves on a 2xx answer (the body is not needed). */
  async postJson(path: string, body: unknown): Promise<void> {
    const response = await this.fetch(this.origin + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
    // Drain the body so the connection is free again.
    await response.text();
  }
}
