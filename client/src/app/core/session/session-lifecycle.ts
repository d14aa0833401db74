import { effect, inject, Injectable, signal, untracked } from '@angular/core';
import { Router } from '@angular/router';
import type { SessionUser } from '@prossima/domain';
import { AuthSession } from '../auth/auth-session';
import { DataKey, DataKeyVault } from '../auth/data-key-vault';
import { CLOCK } from '../clock';
import { DatabaseService } from '../database/database';
import { toAppError } from '../errors/app-errors';
import { Connectivity } from '../network/connectivity';
import { PendingChanges } from '../sync/pending-changes';
import { SyncService } from '../sync/sync-service';
import { SyncStatus } from '../sync/sync-status';
import { CONFIRM_DATA_LOSS } from './confirm-data-loss';
import { LocalDataWipe } from './local-data-wipe';

/** At sign-out, how long to wait for pending changes to reach the server. */
const FLUSH_MS = 5_000;

/** How a sign-out request ended. */
export type SignOutResult = 'signed-out' | 'cancelled';

/**
 * Ties the local database and the sync to the session and the data key: when
 * a user is signed in (also offline, from the persisted session) and their key
 * is unlocked in this tab, their database opens and the sync starts; when
 * either goes, they stop. `signOut()` is the one way out, and it leaves
 * nothing of the user on the device.
 */
@Injectable({ providedIn: 'root' })
export class SessionLifecycle {
  private readonly auth = inject(AuthSession);
  private readonly vault = inject(DataKeyVault);
  private readonly database = inject(DatabaseService);
  private readonly sync = inject(SyncService);
  private readonly status = inject(SyncStatus);
  private readonly pending = inject(PendingChanges);
  private readonly connectivity = inject(Connectivity);
  private readonly wipe = inject(LocalDataWipe);
  private readonly confirmDataLoss = inject(CONFIRM_DATA_LOSS);
  private readonly router = inject(Router);
  private readonly clock = inject(CLOCK);
  private bound: { user: SessionUser | null; key: DataKey | null } = { user: null, key: null };
  private queue: Promise<void> = this.wipe.retryLeftovers().catch(() => undefined);
  private readonly leaving = signal(false);

  /** A sign-out is under way. */
  readonly signingOut = this.leaving.asReadonly();

  constructor() {
    effect(() => {
      const user = this.auth.user();
      const held = this.vault.key();
      const key = user && held?.userId === user.id ? held : null;
      untracked(() => {
        this.queue = this.queue.then(() => this.follow(user, key));
      });
    });
  }

  /**
   * Signs out and wipes the user's local data: the database, the data key,
   * the session and the per-user entries. Online, pending changes get a few
   * seconds to reach the server first; if some are still unsent, the user is
   * asked to confirm losing them ('cancelled' if they do not). The refresh
   * token is revoked when there is a network.
   *
   * `revoked`: the server revoked the session (sync got 401 `session_revoked`):
   * wipe at once, without asking, flushing or calling the server.
   */
  async signOut(options: { revoked?: boolean } = {}): Promise<SignOutResult> {
    const user = this.auth.user();
    if (!user || this.leaving()) return 'cancelled';
    this.leaving.set(true);
    try {
      if (!options.revoked) {
        if (this.connectivity.online() && this.status.pendingCount() > 0) await this.sync.flush(FLUSH_MS);
        const unsent = this.status.pendingCount();
        if (unsent > 0) {
          const goAhead = await this.confirmDataLoss({ count: unsent, titleKey: 'dataLoss.signOutTitle', confirmKey: 'dataLoss.signOut' });
          if (!goAhead) return 'cancelled';
        }
      }
      await this.sync.stop();
      if (!options.revoked && this.connectivity.browserOnline()) await this.auth.revoke();
      await this.wipe.wipe(user.id);
      this.auth.clear(options.revoked ? 'revoked' : null);
      await this.router.navigateByUrl('/login');
      return 'signed-out';
    } finally {
      this.leaving.set(false);
    }
  }

  private async follow(user: SessionUser | null, key: DataKey | null): Promise<void> {
    const before = this.bound;
    // A token refresh hands back an equal user: nothing to do.
    if (sameUser(before.user, user) && before.key === key) return;
    this.bound = { user, key };
    if (before.user?.id !== user?.id) this.status.bindUser(user?.id ?? null);
    if (!user || !key) {
      await this.sync.stop();
      await this.database.close();
      if (!user && before.user && !this.leaving()) {
        // The session ended without this tab's sign-out: expired, or signed out in another tab.
        await this.router.navigateByUrl('/login');
      }
      return;
    }
    try {
      // Unreadable local data (another key, or from before encryption) may be dropped only when nothing waits to be
      // sent; unsent changes in a database from before encryption are carried over.
      const unsent = this.pending.entries();
      const db = await this.database.open(user, key, { discardUnreadable: unsent.length === 0, unsent });
      if (this.bound.user !== user || this.bound.key !== key) return;
      await this.sync.start(db, user);
    } catch (err) {
      this.status.reportProblem(toAppError(err).code, this.clock());
    }
  }
}

function sameUser(a: SessionUser | null, b: SessionUser | null): boolean {
  return a === b || (a !== null && b !== null && a.id === b.id && a.role === b.role);
}
