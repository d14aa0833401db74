// Loaded with import() by SyncService: the sync machinery stays out of the initial bundle.
import type { Injector } from '@angular/core';
import type { CollectionName, SessionUser } from '@prossima/domain';
import { combineLatest, distinctUntilChanged, filter, map, Observable, pairwise, Subscription } from 'rxjs';
import { withTimeout } from '../async';
import type { Clock } from '../clock';
import type { OpenDatabase } from '../database/database-types';
import { AppError, toAppError } from '../errors/app-errors';
import type { Connectivity } from '../network/connectivity';
import { KeyValueStore, userKey } from '../storage';
import { AccessEpoch, purgeRevokedPatients, PurgedIds, SyncAccess } from './access-purge';
import { RecordOpenings } from './audit-queue';
import { changeFeed, FeedClosedError, FeedEvent } from './change-feed';
import { conflictLogEntry, sameDocument } from './conflict-handlers';
import { ConflictLog } from './conflict-log';
import type { PendingChanges } from './pending-changes';
import { Replication, startReplications, whenLeader } from './replication-factory';
import { RetryGate } from './retry-gate';
import { syncProblemCode } from './sync-errors';
import type { SyncHttp } from './sync-http';
import type { CollectionSync } from './sync-plan';
import type { SyncRefusals } from './sync-refusals';
import type { SyncStatus } from './sync-status';

/** What a run needs (SyncService hands over its injected services). */
export interface SyncRunDeps {
  db: OpenDatabase;
  user: SessionUser;
  plan: CollectionSync[];
  http: SyncHttp;
  status: SyncStatus;
  pending: PendingChanges;
  refusals: SyncRefusals;
  connectivity: Connectivity;
  /** The browser's network flag as an observable (the live stream closes while it is false). */
  browserOnline$: Observable<boolean>;
  store: KeyValueStore;
  clock: Clock;
  /** For the report queues, which are only needed once a run exists. */
  injector: Injector;
}

/**
 * One signed-in user's sync, from start to stop: one generic RxDB replication
 * per readable collection, live updates for all of them over one stream, a
 * shared back-off, the access check and local purge, the first-sync progress,
 * the conflict log and the refusals. Replications run in the leader tab only;
 * the leader also does the access check, the first-sync total and the queued
 * reports.
 */
export class SyncRun {
  /** Aborted at stop: ends back-off waits and the access check. */
  private readonly stopping = new AbortController();
  /** Back-off of the replication requests, shared by every collection. */
  private readonly gate = new RetryGate();
  /** Back-off of the live-update stream's reconnections. */
  private readonly feedGate = new RetryGate();
  private readonly feed: Observable<FeedEvent>;
  private readonly purged: PurgedIds;
  private readonly epoch: AccessEpoch;
  private readonly conflicts: ConflictLog;
  private readonly openings: RecordOpenings;
  private readonly replications: Replication[];
  private readonly subscriptions = new Subscription();
  private accessCheck: Promise<void> | null = null;

  constructor(private readonly deps: SyncRunDeps) {
    const { db, user, plan, http, status, pending, refusals, store, clock, injector } = deps;
    this.conflicts = injector.get(ConflictLog);
    this.openings = injector.get(RecordOpenings);
    this.purged = new PurgedIds(store, userKey('purged', user.id));
    this.epoch = new AccessEpoch(store, userKey('access', user.id));
    this.feed = changeFeed({
      url: `${http.origin}/sync/_events`,
      fetch: http.fetch,
      online$: deps.browserOnline$,
      gate: this.feedGate,
      onError: (err) => this.feedFailed(err),
    });
    this.replications = startReplications(db, plan, {
      origin: http.origin,
      fetch: http.fetch,
      feed: this.feed,
      run: (request) => this.gate.run(request, this.stopping.signal),
      epoch: () => this.epoch.current(),
      onPulled: (_collection, count) => status.addPulled(count),
      onRefused: (refusal) => {
        refusals.record(refusal, clock());
        // Not sent, and never retried on its own: it no longer counts as waiting.
        pending.forget(refusal.collection, refusal.id);
      },
      onAccepted: (collection, id) => refusals.accepted(collection, id),
      refusalOf: (collection, id) => refusals.find(collection, id),
      skipPush: (collection, doc) => doc._deleted && this.purged.take(collection, doc.id),
    });
    this.observe();
    void whenLeader(db)
      .then(() => this.lead())
      .catch((err: unknown) => {
        // The database closed before this tab led (sign-out): nothing to report then.
        if (!this.stopped) status.reportProblem(toAppError(err).code, clock());
      });
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  /** Pulls and pushes every collection now, without waiting for the back-off, and sends the queued reports. */
  reSync(): void {
    this.gate.reset();
    this.feedGate.reset();
    this.replications.forEach((r) => r.state.reSync());
    void this.sendReports();
  }

  /** Waits until local changes and the queued reports are sent, at most `timeoutMs`. Resolves false on timeout. */
  async flush(timeoutMs: number): Promise<boolean> {
    try {
      await withTimeout(
        Promise.all([...this.replications.map((r) => r.state.awaitInSync()), this.sendReports()]),
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

  /** Stops every replication and closes the live stream (the local data stays). */
  async stop(): Promise<void> {
    this.stopping.abort(new Error('sync stopped'));
    this.subscriptions.unsubscribe();
    this.deps.status.setSyncing(false);
    await Promise.all(this.replications.map((r) => r.state.cancel()));
  }

  /** Leader-only work: the access check and purge (now and on every (re)connect), the first sync's total, the queued reports. */
  private async lead(): Promise<void> {
    if (this.stopped) return;
    this.subscriptions.add(
      this.feed.subscribe((event) => {
        if (event.type === 'ready' || event.type === 'access') void this.checkAccess();
        else if (event.type === 'closed' && event.error === 'session_revoked') {
          this.deps.http.revoked(new AppError('session-revoked', event.reason, 401));
        }
      }),
    );
    await Promise.all([this.checkAccess(), this.loadFirstSyncTotal(), this.sendReports()]);
  }

  /**
   * `GET /api/sync/access`: removes locally the documents of patients the
   * user may no longer see, and pulls everything again when patients were
   * added (their documents are older than the checkpoints).
   */
  private checkAccess(): Promise<void> {
    this.accessCheck ??= (async () => {
      const { db, plan, http, pending, status, connectivity, clock } = this.deps;
      try {
        const access = await http.getJson<SyncAccess>('/api/sync/access', this.stopping.signal);
        if (this.stopped || !Array.isArray(access?.patientIds)) return;
        const gained = this.epoch.update(access.patientIds);
        await purgeRevokedPatients(db, {
          allowed: access.patientIds,
          pushed: new Set(plan.filter((c) => c.push).map((c) => c.name)),
          purged: this.purged,
          isPending: (collection, id) => pending.entries().some((e) => e.collection === collection && e.id === id),
        });
        if (gained) this.replications.forEach((r) => r.state.reSync());
      } catch (err) {
        if (this.stopped) return;
        // Offline or server down: the check runs again at the next (re)connection.
        if (!(err instanceof AppError || err instanceof TypeError)) throw err;
        if (connectivity.browserOnline() && err instanceof AppError && err.code !== 'session-revoked') {
          status.reportProblem(err.code, clock());
        }
      } finally {
        this.accessCheck = null;
      }
    })();
    return this.accessCheck;
  }

  /** On the first sync, `GET /api/sync/summary` gives the total the progress counts towards. */
  private async loadFirstSyncTotal(): Promise<void> {
    const { status, http, plan } = this.deps;
    if (status.lastSyncAt() !== null) return;
    try {
      const summary = await http.getJson<{ collections?: Partial<Record<CollectionName, number>> }>('/api/sync/summary', this.stopping.signal);
      const counts = summary?.collections ?? {};
      const total = plan.reduce((sum, c) => sum + (Number(counts[c.name]) || 0), 0);
      if (!this.stopped && total > 0) status.startProgress(total);
    } catch (err) {
      // Without the total the status says "first sync in progress" without numbers.
      if (!(err instanceof AppError || err instanceof TypeError || this.stopped)) throw err;
    }
  }

  private async sendReports(): Promise<void> {
    await Promise.all([this.conflicts.flush(), this.openings.flush()]);
  }

  private observe(): void {
    const { status, pending, connectivity, clock } = this.deps;
    for (const { name, state } of this.replications) {
      this.subscriptions.add(state.sent$.subscribe((doc) => pending.markSent(name, doc.id, doc['updatedAt'] as string | undefined)));
      this.subscriptions.add(
        state.error$.subscribe((err) => {
          // Offline, failures are expected and the status already says "Offline"; a revocation signs out.
          const code = syncProblemCode(err);
          if (!connectivity.browserOnline() || code === 'session-revoked') return;
          status.reportProblem(code, clock());
        }),
      );
      this.subscriptions.add(
        state.conflict$.subscribe(({ input, output }) => {
          const entry = conflictLogEntry(name, input, output, clock());
          // Sealing needs the data key, which is unlocked while sync runs; a failure is shown, never swallowed.
          if (entry) this.conflicts.record(entry).catch(() => status.reportProblem('local-database', clock()));
          // The merge kept the server's state as it is: nothing of this device's is left to send.
          if (sameDocument(output, input.realMasterState)) pending.forget(name, output.id);
        }),
      );
    }
    const anyActive$ = combineLatest(this.replications.map((r) => r.state.active$)).pipe(
      map((active) => active.some(Boolean)),
      distinctUntilChanged(),
    );
    this.subscriptions.add(anyActive$.subscribe((active) => status.setSyncing(active)));
    this.subscriptions.add(
      anyActive$.pipe(pairwise(), filter(([was, is]) => was && !is)).subscribe(() => {
        // Every collection finished its cycle while the server answers: a successful sync.
        if (this.stopped || !connectivity.online()) return;
        status.markSynced(clock());
        void this.sendReports();
      }),
    );
  }

  private feedFailed(err: unknown): void {
    // A stream that ended is simply reopened; a revocation signs out; offline, "Offline" says it all.
    if (err instanceof FeedClosedError || !this.deps.connectivity.browserOnline()) return;
    const code = syncProblemCode(err);
    if (code !== 'session-revoked') this.deps.status.reportProblem(code, this.deps.clock());
  }
}
