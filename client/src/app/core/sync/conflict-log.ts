import { Injectable } from '@angular/core';
import type { ConflictLogEntry } from './conflict-handlers';
import { ReportQueue } from './report-queue';

/**
 * The conflicts this device merged, on their way to the server's conflict log
 * (`POST /api/conflicts`), where coordinators read them: each entry keeps the
 * losing revision, so a merge never silently drops what someone wrote.
 */
@Injectable({ providedIn: 'root' })
export class ConflictLog {
  private readonly queue = new ReportQueue<ConflictLogEntry>({
    what: 'conflicts',
    path: '/api/conflicts',
    // The server takes at most 100 entries per request.
    maxBatch: 50,
    body: (entries) => ({ entries }),
  });

  /** Queues an entry (sent at once when online). */
  record(entry: ConflictLogEntry): void {
    this.queue.add(entry);
  }

  /** Entries not yet received by the server. */
  waiting(): number {
    return this.queue.size();
  }

  /** Sends the queued entries; `false` when the server could not be reached. */
  flush(): Promise<boolean> {
    return this.queue.flush();
  }
}
