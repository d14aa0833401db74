import { inject, Injectable } from '@angular/core';
import type { SessionUser } from '@prossima/domain';
import { KeyValueStore, LOCAL_STORE, readJson, SESSION_STORE, writeJson } from '../storage';

/** What survives a reload (and an offline start): who is signed in and the device's refresh token. */
export interface PersistedSession {
  user: SessionUser;
  refreshToken: string;
}

/** A short-lived access token and the instant (ms since epoch) it stops working. */
export interface AccessToken {
  token: string;
  expiresAt: number;
}

const SESSION_KEY = 'prossima.session';
const ACCESS_KEY = 'prossima.access';
const DEVICE_KEY = 'prossima.deviceId';

/**
 * Where the session lives: `{user, refreshToken}` in localStorage so the app
 * opens offline after one online login; the access token only in this tab
 * (sessionStorage), so it never outlives the tab.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly local: KeyValueStore = inject(LOCAL_STORE);
  private readonly tab: KeyValueStore = inject(SESSION_STORE);

  /** The localStorage key of the persisted session (other tabs watch it). */
  readonly sessionKey = SESSION_KEY;

  /** The stable random id of this device, created on first use (the server binds refresh tokens to it). */
  deviceId(): string {
    let id = this.local.getItem(DEVICE_KEY);
    if (!id) {
      id = crypto.randomUUID();
      this.local.setItem(DEVICE_KEY, id);
    }
    return id;
  }

  /** The persisted session, or `null` when nobody is signed in on this device. */
  readSession(): PersistedSession | null {
    const session = readJson<PersistedSession>(this.local, SESSION_KEY);
    return session && typeof session.refreshToken === 'string' && session.user?.id ? session : null;
  }

  /** Persists the session (also after each refresh: the server rotates refresh tokens). */
  writeSession(session: PersistedSession): void {
    writeJson(this.local, SESSION_KEY, session);
  }

  /** This tab's access token, if any. */
  readAccessToken(): AccessToken | null {
    const access = readJson<AccessToken>(this.tab, ACCESS_KEY);
    return access && typeof access.token === 'string' && typeof access.expiresAt === 'number' ? access : null;
  }

  /** Keeps this tab's access token. */
  writeAccessToken(access: AccessToken): void {
    writeJson(this.tab, ACCESS_KEY, access);
  }

  /** Forgets the session and the access token (the device id stays). */
  clear(): void {
    this.local.removeItem(SESSION_KEY);
    this.clearTab();
  }

  /** Forgets this tab's access token. */
  clearTab(): void {
    this.tab.removeItem(ACCESS_KEY);
  }
}
