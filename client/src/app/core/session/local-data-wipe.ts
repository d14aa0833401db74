import { inject, Injectable } from '@angular/core';
import { withTimeout } from '../async';
import { DataKeyVault } from '../auth/data-key-vault';
import { DatabaseService } from '../database/database';
import { SyncStatus } from '../sync/sync-status';
import { KeyValueStore, LOCAL_STORE, readJson, removeUserEntries, SESSION_STORE, writeJson } from '../storage';

/** Deleting IndexedDB waits for other tabs to let go: do not hang a sign-out on it. */
const REMOVE_MS = 10_000;
/** Users whose database could not be deleted yet (retried at the next start). Not per user: it outlives them. */
const LEFTOVERS_KEY = 'prossima.leftoverDatabases';

/**
 * Removes a user's local data from this device: the data key first (what it
 * encrypted is unreadable from that moment, even if deleting the files is
 * slow or blocked by another tab), then the RxDB database, then every
 * per-user entry (`prossima.<what>.<userId>`: pending changes, last sync,
 * queues) in localStorage and in this tab's sessionStorage.
 */
@Injectable({ providedIn: 'root' })
export class LocalDataWipe {
  private readonly vault = inject(DataKeyVault);
  private readonly database = inject(DatabaseService);
  private readonly status = inject(SyncStatus);
  private readonly local: KeyValueStore = inject(LOCAL_STORE);
  private readonly tab: KeyValueStore = inject(SESSION_STORE);

  /** Wipes `userId`'s local data. Resolves false when the database files are left for a later retry. */
  async wipe(userId: string): Promise<boolean> {
    this.vault.forget(userId);
    const removed = await this.removeDatabase(userId);
    this.status.forgetUser(userId);
    removeUserEntries(this.local, userId);
    removeUserEntries(this.tab, userId);
    const others = this.leftovers().filter((id) => id !== userId);
    this.setLeftovers(removed ? others : [...others, userId]);
    return removed;
  }

  /** Retries the deletions a previous wipe could not finish (at start-up). */
  async retryLeftovers(): Promise<void> {
    for (const userId of this.leftovers()) {
      // A wrapped key means the user signed in again since: the database on disk is theirs, in use.
      const done = this.vault.hasWrappedKey(userId) || (await this.removeDatabase(userId));
      if (done) this.setLeftovers(this.leftovers().filter((id) => id !== userId));
    }
  }

  private async removeDatabase(userId: string): Promise<boolean> {
    try {
      await withTimeout(this.database.remove(userId), REMOVE_MS, () => new Error('database removal timed out'));
      return true;
    } catch (err) {
      // Expected: a timeout while another tab holds the database, or IndexedDB refusing. The key is already
      // gone, so the encrypted fields are unreadable; the files are retried at the next start.
      console.warn('Sign-out: the local database could not be deleted yet', err);
      return false;
    }
  }

  private leftovers(): string[] {
    const list = readJson<unknown>(this.local, LEFTOVERS_KEY);
    return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : [];
  }

  private setLeftovers(list: string[]): void {
    if (list.length === 0) this.local.removeItem(LEFTOVERS_KEY);
    else writeJson(this.local, LEFTOVERS_KEY, list);
  }
}
