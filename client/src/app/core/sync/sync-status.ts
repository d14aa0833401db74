import { computed, DestroyRef, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { AppErrorCode } from '../errors/app-errors';
import { Connectivity } from '../network/connectivity';
import { KeyValueStore, LOCAL_STORE, userKey } from '../storage';
import { PendingChanges } from './pending-changes';
import { SyncRefusals } from './sync-refusals';

/** A sync problem as the user sees it: a message code, and when it happened. */
export interface SyncProblem {
  code: AppErrorCode;
  at: string;
}

/** How far the first sync of this device has come: documents pulled so far, of how many. */
export interface SyncProgress {
  done: number;
  total: number;
}

/** `prossima.lastSync.<userId>`: the instant of the user's last successful sync. */
const LAST_SYNC = 'lastSync';

/**
 * Everything the status region shows: online or not, local changes not yet
 * sent, the last successful sync (persisted per user), the first sync's
 * progress, the changes the server refused, and the last error.
 */
@Injectable({ providedIn: 'root' })
export class SyncStatus {
  private readonly store: KeyValueStore = inject(LOCAL_STORE);
  private readonly connectivity = inject(Connectivity);
  private readonly pending = inject(PendingChanges);
  private readonly refusals = inject(SyncRefusals);
  private readonly userId = signal<string | null>(null);
  private readonly lastSync = signal<string | null>(null);
  private readonly problem = signal<SyncProblem | null>(null);
  private readonly running = signal(false);
  private readonly firstSyncTotal = signal<number | null>(null);
  private readonly pulled = signal(0);

  /** The app can reach the server. */
  readonly online = this.connectivity.online;
  /** Documents changed here and not yet received by the server. */
  readonly pendingCount = this.pending.count;
  /** ISO instant of the last successful sync, or `null` if never. */
  readonly lastSyncAt = this.lastSync.asReadonly();
  /** The last sync error since the last success, or `null`. */
  readonly lastError = this.problem.asReadonly();
  /** A replication is exchanging documents right now. */
  readonly syncing = this.running.asReadonly();
  /** The very first sync of this device is under way (nothing local yet). */
  readonly firstSync = computed(() => this.running() && this.lastSync() === null);
  /** Documents pulled so far of the total, during the first sync (`null` when unknown or not first). */
  readonly progress = computed<SyncProgress | null>(() => {
    const total = this.firstSyncTotal();
    return this.firstSync() && total !== null ? { done: this.pulled(), total } : null;
  });
  /** Local changes the server refused, with its reasons. */
  readonly refused = this.refusals.entries;

  constructor() {
    const win = inject(DOCUMENT).defaultView;
    if (!win) return;
    // The leader tab syncs; the others learn the time from storage.
    const onStorage = (event: StorageEvent) => {
      const id = this.userId();
      if (id !== null && event.key === userKey(LAST_SYNC, id)) this.lastSync.set(event.newValue);
    };
    win.addEventListener('storage', onStorage);
    inject(DestroyRef).onDestroy(() => win.removeEventListener('storage', onStorage));
  }

  /** Shows `userId`'s persisted state (`null`: nobody signed in). */
  bindUser(userId: string | null): void {
    this.userId.set(userId);
    this.pending.bindUser(userId);
    this.refusals.bindUser(userId);
    this.lastSync.set(userId === null ? null : this.store.getItem(userKey(LAST_SYNC, userId)));
    this.problem.set(null);
    this.running.set(false);
    this.firstSyncTotal.set(null);
    this.pulled.set(0);
  }

  /** A sync round trip completed at `at`: remember it and drop the last error. */
  markSynced(at: Date): void {
    const id = this.userId();
    if (id === null) return;
    const iso = at.toISOString();
    this.store.setItem(userKey(LAST_SYNC, id), iso);
    this.lastSync.set(iso);
    this.problem.set(null);
    this.firstSyncTotal.set(null);
  }

  /** The first sync has `total` documents to pull (from `GET /api/sync/summary`). */
  startProgress(total: number): void {
    this.firstSyncTotal.set(total);
  }

  /** `count` more documents were pulled (the progress counts them from the start of the session). */
  addPulled(count: number): void {
    this.pulled.update((n) => n + count);
  }

  /** Records a sync problem. */
  reportProblem(code: AppErrorCode, at: Date): void {
    this.problem.set({ code, at: at.toISOString() });
  }

  /** Whether any replication is active. */
  setSyncing(active: boolean): void {
    this.running.set(active);
  }

  /** Forgets `userId`'s persisted sync state (at logout). */
  forgetUser(userId: string): void {
    this.store.removeItem(userKey(LAST_SYNC, userId));
    this.pending.clearUser(userId);
    this.refusals.clearUser(userId);
    if (this.userId() === userId) {
      this.lastSync.set(null);
      this.problem.set(null);
      this.firstSyncTotal.set(null);
      this.pulled.set(0);
    }
  }
}
