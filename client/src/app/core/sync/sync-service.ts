import { effect, inject, Injectable, Injector, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { SessionUser } from '@prossima/domain';
import { CLOCK } from '../clock';
import type { OpenDatabase } from '../database/database-types';
import { Connectivity } from '../network/connectivity';
import { SessionLifecycle } from '../session/session-lifecycle';
import { LOCAL_STORE } from '../storage';
import { PendingChanges } from './pending-changes';
import type { SyncRun } from './sync-run';
import { SyncHttp } from './sync-http';
import { syncPlan } from './sync-plan';
import { SyncRefusals } from './sync-refusals';
import { SyncStatus } from './sync-status';

/**
 * Runs the signed-in user's sync with the gateway (see {@link SyncRun},
 * loaded with the replication code on first start so it stays out of the
 * initial bundle), resumes it when the network comes back, and signs out when
 * the server says the session or device was revoked.
 */
@Injectable({ providedIn: 'root' })
export class SyncService {
  private readonly http = inject(SyncHttp);
  private readonly status = inject(SyncStatus);
  private readonly pending = inject(PendingChanges);
  private readonly refusals = inject(SyncRefusals);
  private readonly connectivity = inject(Connectivity);
  private readonly store = inject(LOCAL_STORE);
  private readonly clock = inject(CLOCK);
  private readonly injector = inject(Injector);
  private readonly browserOnline$ = toObservable(this.connectivity.browserOnline);
  private running: SyncRun | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private revoking = false;

  constructor() {
    // Back online (network or server): pull, push and send the queued reports now rather than at the next retry.
    effect(() => {
      if (this.connectivity.online()) untracked(() => this.reSync());
    });
    this.http.revoked$.pipe(takeUntilDestroyed()).subscribe(() => void this.signOutRevoked());
  }

  /** Starts syncing `db` for `user` (stopping any previous run). */
  start(db: OpenDatabase, user: SessionUser): Promise<void> {
    return this.serialise(async () => {
      await this.stopNow();
      const plan = syncPlan(user.role);
      if (plan.length === 0) return;
      const { SyncRun } = await import('./sync-run');
      this.running = new SyncRun({
        db,
        user,
        plan,
        http: this.http,
        status: this.status,
        pending: this.pending,
        refusals: this.refusals,
        connectivity: this.connectivity,
        browserOnline$: this.browserOnline$,
        store: this.store,
        clock: this.clock,
        injector: this.injector,
      });
    });
  }

  /** Stops syncing (the local data stays). */
  stop(): Promise<void> {
    return this.serialise(() => this.stopNow());
  }

  /** Pulls and pushes every collection now, without waiting for the back-off, and sends the queued reports. */
  reSync(): void {
    this.running?.reSync();
  }

  /** Waits until local changes and queued reports are sent, at most `timeoutMs` (at sign-out). Resolves false on timeout. */
  async flush(timeoutMs: number): Promise<boolean> {
    return this.running ? this.running.flush(timeoutMs) : true;
  }

  /** The server revoked this session or device: stop, and sign out with the local data wiped. */
  private async signOutRevoked(): Promise<void> {
    if (this.revoking) return;
    this.revoking = true;
    try {
      await this.stop();
      this.status.reportProblem('session-revoked', this.clock());
      // Looked up here, not injected: SessionLifecycle injects this service.
      await this.injector.get(SessionLifecycle).signOut({ revoked: true });
    } finally {
      this.revoking = false;
    }
  }

  private async stopNow(): Promise<void> {
    const run = this.running;
    if (!run) return;
    this.running = null;
    await run.stop();
  }

  private serialise<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
