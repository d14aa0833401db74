import { AppError } from '../errors/app-errors';
import { KeyValueStore, readJson, writeJson } from '../storage';

/** One queued item with a local id (never sent). */
interface Queued<T> {
  uid: string;
  item: T;
}

/** An item the server refused for what it says (a 4xx naming it): kept, no longer sent. */
export interface RefusedItem<T> {
  item: T;
  reason: string;
  at: string;
}

/** What is stored under an outbox's key. */
interface OutboxState<T> {
  items: Queued<T>[];
  refused: RefusedItem<T>[];
}

/** How an outbox sends. */
export interface OutboxOptions<T> {
  store: KeyValueStore;
  /** The storage key (per user: `prossima.<what>.<userId>`). */
  key: string;
  /** Most items per request (the server's limit). */
  maxBatch: number;
  /** Sends a batch; resolves on a 2xx, throws otherwise. */
  send(items: T[]): Promise<void>;
  /** The current instant. */
  now(): Date;
  /** A fresh local id. */
  newId?(): string;
}

/** Refused items kept on the device (the oldest go first beyond this). */
const MAX_REFUSED = 50;

/**
 * True when the server refused the request for its content (a 400, 403,
 * 413 or 422 naming what is wrong): sending the same batch again would get
 * the same answer. Network failures, 401, 408, 429 and 5xx are worth a retry.
 */
export function isContentRefusal(err: unknown): boolean {
  if (!(err instanceof AppError) || err.status === undefined) return false;
  return err.status === 400 || err.status === 403 || err.status === 413 || err.status === 422;
}

/**
 * A queue of reports for the server that survives reloads and offline days
 * (localStorage). An item leaves the queue only after the server answered 2xx
 * for it. When the server refuses a batch for its content, the batch is sent
 * again one item at a time, so one bad item cannot block the others forever;
 * an item refused on its own is kept aside with the server's reason and not
 * sent again. Several tabs may share a key: the list is read afresh at every
 * step, and Web Locks keep two tabs from sending the same batch.
 */
export class Outbox<T> {
  private draining: Promise<void> | null = null;
  private readonly newId: () => string;

  constructor(private readonly options: OutboxOptions<T>) {
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  /** Items waiting to be sent. */
  size(): number {
    return this.read().items.length;
  }

  /** Items the server refused, with its reasons. */
  refused(): RefusedItem<T>[] {
    return this.read().refused;
  }

  /** Queues an item. */
  add(item: T): void {
    const state = this.read();
    state.items.push({ uid: this.newId(), item });
    this.write(state);
  }

  /**
   * Sends what is queued, in batches, until the queue is empty or a request
   * fails (the rest waits for the next flush). Concurrent calls share one run.
   */
  flush(): Promise<void> {
    this.draining ??= this.withLock(() => this.drain()).finally(() => (this.draining = null));
    return this.draining;
  }

  private async drain(): Promise<void> {
    let batchSize = this.options.maxBatch;
    for (;;) {
      const batch = this.read().items.slice(0, batchSize);
      if (batch.length === 0) return;
      try {
        await this.options.send(batch.map((q) => q.item));
        this.remove(batch.map((q) => q.uid));
      } catch (err) {
        if (!isContentRefusal(err)) throw err;
        if (batch.length > 1) {
          // Find the item the server objects to: one at a time from here.
          batchSize = 1;
          continue;
        }
        this.setAside(batch[0], err instanceof Error ? err.message : String(err));
      }
    }
  }

  private remove(uids: string[]): void {
    const state = this.read();
    state.items = state.items.filter((q) => !uids.includes(q.uid));
    this.write(state);
  }

  private setAside(queued: Queued<T>, reason: string): void {
    const state = this.read();
    state.items = state.items.filter((q) => q.uid !== queued.uid);
    state.refused = [...state.refused, { item: queued.item, reason, at: this.options.now().toISOString() }].slice(-MAX_REFUSED);
    this.write(state);
  }

  private read(): OutboxState<T> {
    const stored = readJson<Partial<OutboxState<T>>>(this.options.store, this.options.key);
    return {
      items: Array.isArray(stored?.items) ? stored.items : [],
      refused: Array.isArray(stored?.refused) ? stored.refused : [],
    };
  }

  private write(state: OutboxState<T>): void {
    if (state.items.length === 0 && state.refused.length === 0) this.options.store.removeItem(this.options.key);
    else writeJson(this.options.store, this.options.key, state);
  }

  private async withLock(task: () => Promise<void>): Promise<void> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks) return task();
    // Another tab is sending this queue: it will send what we have too.
    await locks.request(`prossima-outbox-${this.options.key}`, { ifAvailable: true }, (lock) => (lock ? task() : undefined));
  }
}
