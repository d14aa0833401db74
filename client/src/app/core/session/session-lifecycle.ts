import { effect, inject, Injectable, signal, untracked } from '@angular/core';
import { Router } from '@angular/router';
import type { SessionUser } from '@prossima/domain';
import { withTimeout } from '../async';
import { AuthSession } from '../auth/auth-session';
import { CLOCK } from '../clock';
import { DatabaseService } from '../database/database';
import { toAppError } from '../errors/app-errors';
import { Connectivity } from '../network/connectivity';
import { SyncService } from '../sync/sync-service';
import { SyncStatus } from '../sync/sync-status';

/** At sign-out, how long to wait for pending changes to reach the server. */
const FLUSH_MS = 5_000;
/** Deleting IndexedDB waits for other tabs to let go: do not hang the sign-out on it. */
const REMOVE_MS = 10_000;

/**
 * Ties the local database and the sync to the session: when a user is signed
 * in (also offline, from the persisted session) their database opens and the
 * sync starts; when the session ends they stop. `signOut()` is the one way out.
 */
@Injectable({ providedIn: 'root' })
export class SessionLifecycle {
  private readonly auth = inject(AuthSession);
  private readonly database = inject(DatabaseService);
  private readonly sync = inject(SyncService);
  private readonly status = inject(SyncStatus);
  private readonly connectivity = inject(Connectivity);
  private readonly router = inject(Router);
  private readonly clock = inject(CLOCK);
  private bound: string | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly leaving = signal(false);

  /** A sign-out is under way. */
  readonly signingOut = this.leaving.asReadonly();

  constructor() {
    effect(() => {
      const user = this.auth.user();
      untracked(() => {
        this.queue = this.queue.then(() => this.follow(user));
      });
    });
  }

  /**
   * Signs out: gives pending changes a few seconds to reach the server,
   * revokes the refresh token when online, deletes the local database and the
   * session from this device, and goes to /login. If changes are still unsent
   * (offline), the database is kept so they are pushed at this user's next
   * sign-in: nothing a user entered is lost.
   */
  async signOut(): Promise<void> {
    const user = this.auth.user();
    if (!user || this.leaving()) return;
    this.leaving.set(true);
    try {
      if (this.connectivity.online() && this.status.pendingCount() > 0) await this.sync.flush(FLUSH_MS);
      await this.sync.stop();
      if (this.connectivity.browserOnline()) await this.auth.revoke();
      if (this.status.pendingCount() === 0) {
        await this.removeLocalData(user.id);
      } else {
        await this.database.close();
      }
      this.auth.clear();
      await this.router.navigateByUrl('/login');
    } finally {
      this.leaving.set(false);
    }
  }

  private async removeLocalData(userId: string): Promise<void> {
    try {
      await withTimeout(this.database.remove(userId), REMOVE_MS, () => new Error('database removal timed out'));
    } catch (err) {
      // The session still ends; the next sign-in of this user reopens what is left.
      console.warn('Sign-out: the local database could not be deleted', err);
    }
    this.status.forgetUser(userId);
  }

  private async follow(user: SessionUser | null): Promise<void> {
    const key = user ? `${user.id}|${user.role}` : null;
    if (key === this.bound) return; // a token refresh hands back the same user
    this.bound = key;
    this.status.bindUser(user?.id ?? null);
    if (!user) {
      await this.sync.stop();
      await this.database.close();
      if (this.auth.endReason() === 'expired') await this.router.navigateByUrl('/login');
      return;
    }
    try {
      const db = await this.database.open(user);
      if (this.bound !== key) return;
      await this.sync.start(db, user);
    } catch (err) {
      this.status.reportProblem(toAppError(err).code, this.clock());
    }
  }
}
