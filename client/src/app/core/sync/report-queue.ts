import { inject } from '@angular/core';
import type { SessionUser } from '@prossima/domain';
import { AuthSession } from '../auth/auth-session';
import { CLOCK } from '../clock';
import { AppError } from '../errors/app-errors';
import { Connectivity } from '../network/connectivity';
import { LOCAL_STORE, userKey } from '../storage';
import { Outbox } from './outbox';
import { SyncHttp } from './sync-http';

/** Where a kind of report goes. */
export interface ReportQueueConfig<T> {
  /** The storage name: the queue is kept under `prossima.<what>.<userId>`. */
  what: string;
  /** The REST path it is posted to. */
  path: string;
  /** Most reports per request. */
  maxBatch: number;
  /** The request body for a batch (may be computed asynchronously, e.g. unsealed). */
  body(items: T[]): unknown;
}

/**
 * Reports the signed-in user's device owes the server (conflict-log entries,
 * record openings): queued per user in localStorage while offline, posted in
 * batches when online, removed only after a 2xx (see {@link Outbox}).
 * Construct it in an injection context.
 */
export class ReportQueue<T> {
  private readonly store = inject(LOCAL_STORE);
  private readonly http = inject(SyncHttp);
  private readonly auth = inject(AuthSession);
  private readonly clock = inject(CLOCK);
  private readonly connectivity = inject(Connectivity);
  private readonly outboxes = new Map<string, Outbox<T>>();

  constructor(private readonly config: ReportQueueConfig<T>) {}

  /** Queues a report of the signed-in user and sends it at once when online. */
  add(item: T): void {
    const outbox = this.outbox(this.auth.user());
    if (!outbox) return;
    outbox.add(item);
    if (this.connectivity.online()) void this.flush();
  }

  /** Reports waiting to be sent. */
  size(): number {
    return this.outbox(this.auth.user())?.size() ?? 0;
  }

  /**
   * Sends what is queued. Resolves `true` when the queue is empty, `false`
   * when the server could not be reached (the reports stay for the next try).
   */
  async flush(): Promise<boolean> {
    const outbox = this.outbox(this.auth.user());
    if (!outbox) return true;
    try {
      await outbox.flush();
      return true;
    } catch (err) {
      // Offline, server down, session ending: the reports wait in storage for the next flush.
      if (err instanceof AppError || err instanceof TypeError) return false;
      throw err;
    }
  }

  private outbox(user: SessionUser | null): Outbox<T> | null {
    if (!user) return null;
    let outbox = this.outboxes.get(user.id);
    if (!outbox) {
      outbox = new Outbox<T>({
        store: this.store,
        key: userKey(this.config.what, user.id),
        maxBatch: this.config.maxBatch,
        send: async (items) => this.http.postJson(this.config.path, await this.config.body(items)),
        now: this.clock,
      });
      this.outboxes.set(user.id, outbox);
    }
    return outbox;
  }
}
