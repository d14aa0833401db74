import { HttpClient } from '@angular/common/http';
import { computed, DestroyRef, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import type { SessionUser } from '@prossima/domain';
import { firstValueFrom } from 'rxjs';
import { withTimeout } from '../async';
import { CLOCK } from '../clock';
import { AppError, toAppError } from '../errors/app-errors';
import { AccessToken, AuthStore, PersistedSession } from './auth-store';

/** The answer of `POST /api/auth/login` and `POST /api/auth/refresh`. */
export interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token is valid for. */
  expiresIn: number;
  user: SessionUser;
}

/**
 * Why the session ended without the user asking (shown on the login page):
 * the refresh token was refused, or the server revoked the session (the local
 * data was wiped).
 */
export type SessionEndReason = 'expired' | 'revoked';

/** An access token closer than this to its expiry is refreshed before use. */
const REFRESH_MARGIN_MS = 60_000;
/** Logout must not hang the UI on a slow network. */
const LOGOUT_TIMEOUT_MS = 5_000;

/**
 * The signed-in user and their tokens. The user and the refresh token are
 * persisted (so the app opens offline); the access token lives in memory and
 * in this tab only, and is refreshed when it nears expiry or a request gets 401.
 */
@Injectable({ providedIn: 'root' })
export class AuthSession {
  private readonly http = inject(HttpClient);
  private readonly store = inject(AuthStore);
  private readonly clock = inject(CLOCK);

  private readonly session = signal<PersistedSession | null>(this.store.readSession());
  private readonly ended = signal<SessionEndReason | null>(null);
  private access: AccessToken | null = this.store.readAccessToken();
  private refreshing: Promise<string> | null = null;

  /** The signed-in user, or `null`. */
  readonly user = computed(() => this.session()?.user ?? null);
  /** True when a user is signed in on this device (also offline). */
  readonly isSignedIn = computed(() => this.session() !== null);
  /** Set when the server refused the refresh token and the user must sign in again. */
  readonly endReason = this.ended.asReadonly();

  constructor() {
    const win = inject(DOCUMENT).defaultView;
    if (!win) return;
    // Signed out in another tab (the stored session is gone): this tab is signed out too.
    const onStorage = (event: StorageEvent) => {
      if ((event.key === null || event.key === this.store.sessionKey) && this.session() !== null && this.store.readSession() === null) {
        this.forget();
      }
    };
    win.addEventListener('storage', onStorage);
    inject(DestroyRef).onDestroy(() => win.removeEventListener('storage', onStorage));
  }

  /** Signs in with the server; throws an {@link AppError} (`invalid-credentials`, `server-unreachable`, …). */
  async login(username: string, password: string): Promise<SessionUser> {
    try {
      const answer = await firstValueFrom(
        this.http.post<TokenResponse>('/api/auth/login', { username, password, deviceId: this.store.deviceId() }),
      );
      this.accept(answer);
      this.ended.set(null);
      return answer.user;
    } catch (err) {
      const appError = toAppError(err);
      // On the login route a 401 can only mean wrong credentials, whatever the body says.
      throw appError.status === 401 ? new AppError('invalid-credentials', appError.message, 401) : appError;
    }
  }

  /** A valid access token, refreshed first when missing or about to expire. */
  async accessToken(): Promise<string> {
    if (this.access && this.access.expiresAt - this.clock().getTime() > REFRESH_MARGIN_MS) {
      return this.access.token;
    }
    return this.refresh();
  }

  /**
   * Exchanges the refresh token for new tokens. Concurrent callers share one
   * request. A 401 ends the session (`endReason` = 'expired'); a network error
   * leaves it alone, so the app keeps working offline.
   */
  refresh(): Promise<string> {
    this.refreshing ??= this.refreshOnce().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /** Revokes this device's refresh token on the server; network failures are ignored (the token expires anyway). */
  async revoke(): Promise<void> {
    const refreshToken = this.session()?.refreshToken;
    if (!refreshToken) return;
    try {
      await withTimeout(
        firstValueFrom(this.http.post('/api/auth/logout', { refreshToken })),
        LOGOUT_TIMEOUT_MS,
        () => new AppError('server-unreachable', `no answer in ${LOGOUT_TIMEOUT_MS} ms`),
      );
    } catch (err) {
      // Offline or server down: the local sign-out goes on, the token dies at its expiry.
      const appError = toAppError(err);
      if (appError.code !== 'server-unreachable' && appError.code !== 'server-unavailable' && appError.code !== 'invalid-refresh-token') {
        console.warn('Logout: the server did not revoke the refresh token', appError);
      }
    }
  }

  /** Forgets the session on this device (after a logout); `reason` says why when the user did not ask. */
  clear(reason: SessionEndReason | null = null): void {
    this.store.clear();
    this.forget();
    this.ended.set(reason);
  }

  private forget(): void {
    this.store.clearTab();
    this.access = null;
    this.session.set(null);
  }

  private refreshOnce(): Promise<string> {
    // Tabs share the refresh token and the server rotates it: one refresh at a time per device.
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks) return this.exchange(true);
    // lib.dom types request() as Promise<callback's return>; the lock resolves with the inner promise's value.
    return locks.request('prossima-token-refresh', () => this.exchange(true)) as unknown as Promise<string>;
  }

  private async exchange(mayRetry: boolean): Promise<string> {
    // Another tab may have rotated the refresh token: always use the stored one.
    const session = this.store.readSession() ?? this.session();
    if (!session) throw new AppError('session-expired');
    try {
      const answer = await firstValueFrom(
        this.http.post<TokenResponse>('/api/auth/refresh', { refreshToken: session.refreshToken }),
      );
      this.accept(answer);
      return answer.accessToken;
    } catch (err) {
      const appError = toAppError(err);
      if (appError.status !== 401) throw appError;
      const stored = this.store.readSession();
      if (mayRetry && stored && stored.refreshToken !== session.refreshToken) {
        // A tab without Web Locks rotated the token while we were asking: use the new one.
        return this.exchange(false);
      }
      this.clear('expired');
      throw new AppError('session-expired', appError.message, 401);
    }
  }

  private accept(answer: TokenResponse): void {
    const session: PersistedSession = { user: answer.user, refreshToken: answer.refreshToken };
    this.access = { token: answer.accessToken, expiresAt: this.clock().getTime() + answer.expiresIn * 1000 };
    this.store.writeSession(session);
    this.store.writeAccessToken(this.access);
    this.session.set(session);
  }
}
