import type { Logger } from 'pino';
import { HttpError } from '../errors';
import type { CouchStore, Sequence } from '../store/couch-store';

/** One row of a store changes feed read with `include_docs=true`. */
export interface ChangeRow {
  id: string;
  seq: Sequence;
  deleted?: boolean;
  doc?: Record<string, unknown>;
}

/** How a watcher polls. */
export interface WatcherOptions {
  /** Long-poll window asked of the store (CouchDB answers an empty batch after it; PouchDB Server waits for a change). */
  pollTimeoutMs: number;
  /** Most changes read per request. */
  batchSize: number;
  /** First wait after a failed poll; doubled on each failure up to `maxRetryMs`. */
  retryMs: number;
  maxRetryMs: number;
}

/** Defaults for production. */
export const DEFAULT_WATCHER_OPTIONS: WatcherOptions = { pollTimeoutMs: 55_000, batchSize: 200, retryMs: 1_000, maxRetryMs: 30_000 };

interface ChangesAnswer {
  results: ChangeRow[];
  last_seq: Sequence;
}

/**
 * Follows one store database's changes feed with a long-poll loop, from
 * its position when started, and hands each batch to `onChanges`. One watcher serves every
 * subscriber of the database; it is stopped (its poll aborted) when the
 * last one leaves. Sequences are kept exactly as the store returned them
 * (numbers from PouchDB Server, opaque strings from CouchDB 3). A store
 * outage is retried with back-off from the last sequence, so nothing that
 * happened meanwhile is skipped.
 */
export class DatabaseWatcher {
  private readonly abort = new AbortController();
  private since: Sequence = 'now';
  private loop: Promise<void> | null = null;

  constructor(
    private readonly store: CouchStore,
    readonly db: string,
    private readonly onChanges: (rows: ChangeRow[]) => void,
    private readonly log: Logger,
    private readonly options: WatcherOptions = DEFAULT_WATCHER_OPTIONS,
  ) {}

  /** The sequence the next poll starts from. */
  get position(): Sequence {
    return this.since;
  }

  /**
   * Read the database's current position, then poll from it in the
   * background. Resolves once the position is known, so whatever is written
   * after that is delivered; rejects (and does not poll) when the store cannot
   * be reached.
   */
  async start(): Promise<void> {
    if (this.loop) return;
    const signal = this.abort.signal;
    await this.store.ensureDatabase(this.db);
    const info = await this.store.request<{ update_seq?: Sequence }>({ db: this.db, signal });
    if (signal.aborted || this.loop) return;
    // CouchDB documents update_seq as a valid `since`; "now" only if a store left it out.
    this.since = info?.update_seq ?? 'now';
    this.loop = this.run();
  }

  /** Abort the running poll and wait until the loop has ended. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    const signal = this.abort.signal;
    let retryMs = 0;
    while (!signal.aborted) {
      try {
        const answer = await this.store.request<ChangesAnswer>({
          db: this.db,
          path: '_changes',
          qs: {
            feed: 'longpoll',
            since: this.since,
            include_docs: 'true',
            timeout: this.options.pollTimeoutMs,
            limit: this.options.batchSize,
          },
          signal,
        });
        // An aborted poll may resolve with an empty body rather than reject.
        if (signal.aborted) break;
        if (!answer || !Array.isArray(answer.results) || answer.last_seq === undefined) {
          throw new TypeError('changes feed answer without results or last_seq');
        }
        this.since = answer.last_seq;
        retryMs = 0;
        if (answer.results.length) this.deliver(answer.results);
      } catch (error) {
        if (signal.aborted) break;
        // A `since` the store no longer knows (a recreated database) would fail forever: go on from now.
        if (error instanceof HttpError && error.status === 400) this.since = 'now';
        retryMs = Math.min(this.options.maxRetryMs, retryMs ? retryMs * 2 : this.options.retryMs);
        // The database name carries a district and a collection, never clinical data.
        this.log.warn({ db: this.db, err: describe(error), retryMs }, 'changes watcher: poll failed, retrying');
        await sleep(retryMs, signal);
      }
    }
  }

  private deliver(rows: ChangeRow[]): void {
    try {
      this.onChanges(rows);
    } catch (error) {
      // A subscriber's failure must not stop the feed for the others.
      this.log.error({ db: this.db, err: describe(error) }, 'changes watcher: delivery failed');
    }
  }
}

function describe(error: unknown): { name: string; message: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'unknown', message: String(error) };
}

/** Wait `ms`, or less if `signal` aborts; the timer is always cleared. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
