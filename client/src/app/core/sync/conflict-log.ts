import { Injectable, inject } from '@angular/core';
import { AuthSession } from '../auth/auth-session';
import { DataKeyVault } from '../auth/data-key-vault';
import { AppError } from '../errors/app-errors';
import type { ConflictLogEntry } from './conflict-handlers';
import { ReportQueue } from './report-queue';

/** A queued entry: the whole report sealed with the user's data key (it holds clinical text, e.g. both notes). */
interface SealedEntry {
  sealed: string;
}

/**
 * The conflicts this device merged, on their way to the server's conflict log
 * (`POST /api/conflicts`), where coordinators read them: each entry keeps the
 * losing revision, so a merge never silently drops what someone wrote. While
 * they wait (offline) they are kept sealed with the user's data key, like the
 * encrypted fields of the local database, never in clear in localStorage.
 */
@Injectable({ providedIn: 'root' })
export class ConflictLog {
  private readonly auth = inject(AuthSession);
  private readonly vault = inject(DataKeyVault);
  private readonly queue = new ReportQueue<SealedEntry>({
    what: 'conflicts',
    path: '/api/conflicts',
    // The server takes at most 100 entries per request.
    maxBatch: 50,
    body: async (items) => ({ entries: await Promise.all(items.map((item) => this.unseal(item))) }),
  });

  /** Queues an entry (sent at once when online). Resolves once it is stored, sealed. */
  async record(entry: ConflictLogEntry): Promise<void> {
    const user = this.auth.user();
    if (!user) return;
    this.queue.add({ sealed: await this.vault.seal(user.id, entry) });
  }

  /** Entries not yet received by the server. */
  waiting(): number {
    return this.queue.size();
  }

  /** Sends the queued entries; `false` when the server could not be reached or the data key is locked. */
  flush(): Promise<boolean> {
    return this.queue.flush();
  }

  private async unseal(item: SealedEntry): Promise<ConflictLogEntry> {
    const user = this.auth.user();
    try {
      if (!user) throw new Error('signed out');
      return await this.vault.unseal<ConflictLogEntry>(user.id, item.sealed);
    } catch (err) {
      // A locked key (a cold start before unlock) keeps the entries for the next flush.
      if (err instanceof Error) throw new AppError('local-database', `conflict log entries wait for the unlock: ${err.message}`);
      throw err;
    }
  }
}
