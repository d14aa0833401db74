import { computed, DestroyRef, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { AppErrorCode } from '../errors/app-errors';
import { Connectivity } from '../network/connectivity';
import { KeyValueStore, LOCAL_STORE } from '../storage';
import { PendingChanges } from './pending-changes';

/** A sync problem as the user sees it: a message code, and when it happened. */
export interface SyncProblem {
  code: AppErrorCode;
  at: string;
}

const LAST_SYNC_PREFIX = 'prossima.lastSync.';

/**
 * Everything the status region shows: online or not, local changes not yet
 * sent, the last successful sync (persisted per user) and the last error.
 */
@Injectable({ providedIn: 'root' })
export class SyncStatus {
  private readonly store: KeyValueStore = inject(LOCAL_STORE);
  private readonly connectivity = inject(Connectivity);
  private readonly pending = inject(PendingChanges);
  private readonly userId = signal<string | null>(null);
  private readonly lastSync = signal<string | null>(null);
  private readonly problem = signal<SyncProblem | null>(null);
  private readonly running = signal(false);

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

  constructor() {
    const win = inject(DOCUMENT).defaultView;
    if (!win) return;
    // The leader tab syncs; the others learn the time from storage.
    const onStorage = (event: StorageEvent) => {
      const id = this.userId();
      if (id !== null && event.key === LAST_SYNC_PREFIX + id) this.lastSync.set(event.newValue);
    };
    win.addEventListener('storage', onStorage);
    inject(DestroyRef).onDestroy(() => win.removeEventListener('storage', onStorage));
  }

  /** Shows `userId`'s persisted state (`null`: nobody signed in). */
  bindUser(userId: string | null): void {
    this.userId.set(userId);
    this.pending.bindUser(userId);
    this.lastSync.set(userId === null ? null : this.store.getItem(LAST_SYNC_PREFIX + userId));
    this.problem.set(null);
    this.running.set(false);
  }

  /** A sync round trip completed at `at`: remember it and drop the last error. */
  markSynced(at: Date): void {
    const id = this.userId();
    if (id === null) return;
    const iso = at.toISOString();
    this.store.setItem(LAST_SYNC_PREFIX + id, iso);
    this.lastSync.set(iso);
    this.problem.set(null);
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
    this.store.removeItem(LAST_SYNC_PREFIX + userId);
    this.pending.clearUser(userId);
    if (this.userId() === userId) {
      this.lastSync.set(null);
      this.problem.set(null);
    }
  }
}
