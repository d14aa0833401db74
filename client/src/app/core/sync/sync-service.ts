import { DOCUMENT, effect, inject, Injectable, untracked } from '@angular/core';
import type { SessionUser } from '@prossima/domain';
import { pairwise, Subscription } from 'rxjs';
import { withTimeout } from '../async';
import { AuthSession } from '../auth/auth-session';
import { CLOCK } from '../clock';
import type { OpenDatabase } from '../database/database-types';
import { Connectivity } from '../network/connectivity';
import { PendingChanges } from './pending-changes';
import type { Replication } from './replication-factory';
import { createSyncFetch } from './sync-fetch';
import { syncProblemCode } from './sync-errors';
import { syncPlan } from './sync-plan';
import { SyncStatus } from './sync-status';

/** Seconds between retries after a failed sync request. */
const RETRY_MS = 5_000;

/**
 * Runs the live replication of the signed-in user's collections with the sync
 * gateway, and feeds the status region: pending changes cleared as they are
 * sent, the last successful sync, the last error. Resumes by itself when the
 * network comes back.
 */
@Injectable({ providedIn: 'root' })
export class SyncService {
  private readonly auth = inject(AuthSession);
  private readonly status = inject(SyncStatus);
  private readonly pending = inject(PendingChanges);
  private readonly connectivity = inject(Connectivity);
  private readonly clock = inject(CLOCK);
  private readonly origin = inject(DOCUMENT).location.origin;
  private running: { replications: Replication[]; subscriptions: Subscription } | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  /** The fetch the replications use: bearer token, one refresh-and-retry on 401. */
  private readonly fetch = createSyncFetch({
    fetch: (input, init) => globalThis.fetch(input, init),
    accessToken: () => this.auth.accessToken(),
    refreshAccessToken: () => this.auth.refresh(),
    reportReachable: (reachable) => this.connectivity.reportServerReachable(reachable),
  });

  constructor() {
    // Back online (network or server): pull and push now rather than at the next retry.
    effect(() => {
      if (this.connectivity.online()) untracked(() => this.reSync());
    });
  }

  /** Starts replicating `db` for `user` (stopping any previous run). */
  start(db: OpenDatabase, user: SessionUser): Promise<void> {
    return this.serialise(async () => {
      await this.stopNow();
      const { startReplications } = await import('./replication-factory');
      const replications = startReplications(db, syncPlan(user.role), {
        origin: this.origin,
        fetch: this.fetch,
        retryTime: RETRY_MS,
      });
      this.running = { replications, subscriptions: this.observe(replications) };
    });
  }

  /** Stops replicating (the local data stays). */
  stop(): Promise<void> {
    return this.serialise(() => this.stopNow());
  }

  /** Asks every replication to pull and push now. */
  reSync(): void {
    this.running?.replications.forEach((r) => r.state.reSync());
  }

  /** Waits until local changes are sent, at most `timeoutMs` (at sign-out). Resolves false on timeout. */
  async flush(timeoutMs: number): Promise<boolean> {
    const replications = this.running?.replications ?? [];
    try {
      await withTimeout(
        Promise.all(replications.map((r) => r.state.awaitInSync())),
        timeoutMs,
        () => new Error('flush timeout'),
      );
      return true;
    } catch (err) {
      // The only expected failure is the timeout: the caller decides what to do.
      if (err instanceof Error && err.message === 'flush timeout') return false;
      throw err;
    }
  }

  private observe(replications: Replication[]): Subscription {
    const subscriptions = new Subscription();
    const active = replications.map(() => false);
    replications.forEach((replication, index) => {
      const { name, state } = replication;
      subscriptions.add(state.sent$.subscribe((doc) => this.pending.markSent(name, doc.id, doc.updatedAt)));
      subscriptions.add(
        state.error$.subscribe((err) => {
          // Offline, failures are expected and the status already says "Offline".
          if (!this.connectivity.browserOnline()) return;
          this.status.reportProblem(syncProblemCode(err), this.clock());
        }),
      );
      subscriptions.add(
        state.conflict$.subscribe((conflict) => {
          // The server's version replaced the local edit (RxDB's default handler): nothing left to send.
          if (replication.isEqual(conflict.output, conflict.input.realMasterState)) {
            this.pending.forget(name, conflict.output.id);
            this.status.reportProblem('sync-conflict-lost', this.clock());
          }
        }),
      );
      subscriptions.add(
        state.active$.pipe(pairwise()).subscribe(([was, is]) => {
          active[index] = is;
          this.status.setSyncing(active.some(Boolean));
          // A cycle ended without being stopped while the server answers: that is a successful sync.
          if (was && !is && !state.isStopped() && this.connectivity.online()) this.status.markSynced(this.clock());
        }),
      );
    });
    return subscriptions;
  }

  private async stopNow(): Promise<void> {
    const run = this.running;
    if (!run) return;
    this.running = null;
    run.subscriptions.unsubscribe();
    this.status.setSyncing(false);
    await Promise.all(run.replications.map((r) => r.state.cancel()));
  }

  private serialise<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
