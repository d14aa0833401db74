import type { Logger } from 'pino';
import { matchesSelector } from 'pouchdb-selector-core';
import type { AccessContext, CollectionName, MangoSelector, SessionUser } from '@prossima/domain';
import { forbidden, HttpError } from '../errors';
import { districtDatabase, type CouchStore } from '../store/couch-store';
import type { AccessContexts } from '../sync/access-contexts';
import { readSelectors } from '../sync/readable-collections';
import { DatabaseWatcher, DEFAULT_WATCHER_OPTIONS, type ChangeRow, type WatcherOptions } from './database-watcher';

/** Where one subscriber's events go (an SSE response). */
export interface LiveSink {
  /** `change`: documents the user may read changed in `collection`; `access`: the user's care team changed. */
  send(event: 'change' | 'access', data: Record<string, unknown>): void;
  /** The server is going away: end the stream. */
  end(): void;
}

/** How live events are gathered. */
export interface LiveOptions {
  /** Changes of one collection within this window reach a subscriber as one event. */
  coalesceMs: number;
  /** A comment line this often keeps proxies and mobile networks from closing an idle stream; the token is checked again then. */
  heartbeatMs: number;
  /**
   * A database's watcher outlives its last subscriber by this long, so a
   * device that reconnects (a reload, a network blip) finds it still running:
   * no new store poll, and no poll cut off just after it started, which
   * PouchDB Server would keep waiting until the next change.
   */
  idleWatcherMs: number;
  watcher: WatcherOptions;
}

/** Defaults for production. */
export const DEFAULT_LIVE_OPTIONS: LiveOptions = { coalesceMs: 100, heartbeatMs: 25_000, idleWatcherMs: 60_000, watcher: DEFAULT_WATCHER_OPTIONS };

/** An open subscription. */
export interface LiveSubscription {
  /** The collections whose changes it receives (those the user may read). */
  collections: CollectionName[];
  close(): Promise<void>;
}

interface Subscriber {
  user: SessionUser;
  access: AccessContext;
  selectors: Map<CollectionName, MangoSelector>;
  sink: LiveSink;
  dbs: string[];
  pending: Set<CollectionName>;
  timer: NodeJS.Timeout | null;
  closed: boolean;
}

interface WatchedDatabase {
  collection: CollectionName;
  watcher: DatabaseWatcher;
  started: Promise<void>;
  subscribers: Set<Subscriber>;
  /** Set while nobody listens: stops the watcher unless someone subscribes first. */
  idleTimer: NodeJS.Timeout | null;
}

/**
 * Live change notifications for every collection over one connection per
 * device. One upstream watcher per store database (district × collection)
 * serves every subscriber of that district: started by the first, stopped
 * when the last leaves. Each change is matched against each subscriber's read
 * selector (the gateway's own, so an event comes exactly when a pull would
 * bring something), and events are coalesced per subscriber and collection.
 */
export class LiveEvents {
  private readonly databases = new Map<string, WatchedDatabase>();
  private readonly subscribers = new Set<Subscriber>();
  private readonly refreshTimers = new Map<string, NodeJS.Timeout>();
  private readonly refreshing = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly store: CouchStore,
    private readonly contexts: AccessContexts,
    private readonly log: Logger,
    readonly options: LiveOptions = DEFAULT_LIVE_OPTIONS,
  ) {}

  /** Subscribe `user` to its readable collections; resolves once every watcher it needs knows its position. */
  async subscribe(user: SessionUser, sink: LiveSink): Promise<LiveSubscription> {
    if (this.closed) throw shuttingDown();
    const access = await this.contexts.refresh(user);
    const selectors = readSelectors(user, access);
    if (!selectors.size || !user.districtId) throw forbidden(`Role "${user.role}" reads no synced collection`);
    const districtId = user.districtId;
    const collections = [...selectors.keys()];
    const sub: Subscriber = {
      user,
      access,
      selectors,
      sink,
      dbs: collections.map((collection) => districtDatabase(districtId, collection)),
      pending: new Set(),
      timer: null,
      closed: false,
    };
    this.subscribers.add(sub);
    const watched = collections.map((collection) => this.attach(sub, collection, districtDatabase(districtId, collection)));
    try {
      await Promise.all(watched.map((entry) => entry.started));
    } catch (error) {
      await this.detach(sub);
      throw error;
    }
    if (this.closed) {
      // Shut down while this subscription was starting.
      await this.detach(sub);
      throw shuttingDown();
    }
    return { collections, close: () => this.detach(sub) };
  }

  /** How many store databases are watched (idle watchers included) and how many subscribers listen (for tests and health). */
  stats(): { databases: number; subscribers: number } {
    return { databases: this.databases.size, subscribers: this.subscribers.size };
  }

  /** End every stream and stop every watcher (server shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.refreshTimers.values()) clearTimeout(timer);
    this.refreshTimers.clear();
    const subscribers = [...this.subscribers];
    for (const sub of subscribers) sub.sink.end();
    await Promise.all(subscribers.map((sub) => this.detach(sub)));
    // What is left now are the idle watchers: they stop too.
    await Promise.all([...this.databases.keys()].map((db) => this.stopWatching(db)));
    await Promise.all([...this.refreshing]);
  }

  private attach(sub: Subscriber, collection: CollectionName, db: string): WatchedDatabase {
    const existing = this.databases.get(db);
    if (existing) {
      if (existing.idleTimer) clearTimeout(existing.idleTimer);
      existing.idleTimer = null;
      existing.subscribers.add(sub);
      return existing;
    }
    const watcher = new DatabaseWatcher(this.store, db, (rows) => this.dispatch(entry, rows), this.log, this.options.watcher);
    const entry: WatchedDatabase = { collection, watcher, started: Promise.resolve(), subscribers: new Set([sub]), idleTimer: null };
    entry.started = watcher.start().catch((error: unknown) => {
      // A watcher that could not start is forgotten, so the next subscriber tries afresh.
      if (this.databases.get(db) === entry) this.databases.delete(db);
      throw error;
    });
    this.databases.set(db, entry);
    return entry;
  }

  private async detach(sub: Subscriber): Promise<void> {
    if (sub.closed) return;
    sub.closed = true;
    if (sub.timer) clearTimeout(sub.timer);
    this.subscribers.delete(sub);
    const stopping: Promise<void>[] = [];
    for (const db of sub.dbs) {
      const entry = this.databases.get(db);
      if (!entry?.subscribers.delete(sub) || entry.subscribers.size > 0) continue;
      if (this.closed || this.options.idleWatcherMs <= 0) {
        stopping.push(this.stopWatching(db));
        continue;
      }
      entry.idleTimer = setTimeout(() => void this.stopWatching(db), this.options.idleWatcherMs);
      // An idle watcher alone does not keep the process alive.
      entry.idleTimer.unref();
    }
    await Promise.all(stopping);
  }

  private async stopWatching(db: string): Promise<void> {
    const entry = this.databases.get(db);
    if (!entry || entry.subscribers.size > 0) return;
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    this.databases.delete(db);
    await entry.watcher.stop();
  }

  private dispatch(entry: WatchedDatabase, rows: ChangeRow[]): void {
    const { collection } = entry;
    for (const sub of entry.subscribers) {
      if (sub.pending.has(collection)) continue;
      const selector = sub.selectors.get(collection);
      // Deleted documents match only if their tombstone still carries the fields, exactly as in the store's filter.
      if (selector && rows.some((row) => row.doc && matchesSelector(row.doc, selector))) this.mark(sub, collection);
    }
    if (collection === 'patients') this.scheduleContextRefresh(entry);
  }

  private mark(sub: Subscriber, collection: CollectionName): void {
    sub.pending.add(collection);
    sub.timer ??= setTimeout(() => {
      sub.timer = null;
      if (sub.closed) return;
      for (const pending of sub.pending) sub.sink.send('change', { collection: pending });
      sub.pending.clear();
    }, this.options.coalesceMs);
  }

  /** A patient document changed: care teams may have too. Re-read the nurses' contexts once per burst. */
  private scheduleContextRefresh(entry: WatchedDatabase): void {
    const key = entry.watcher.db;
    if (this.refreshTimers.has(key)) return;
    const timer = setTimeout(() => {
      this.refreshTimers.delete(key);
      const work: Promise<void> = this.refreshContexts(entry)
        .catch((error: unknown) => {
          this.log.error({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'live events: context refresh failed');
        })
        .finally(() => this.refreshing.delete(work));
      this.refreshing.add(work);
    }, this.options.coalesceMs);
    this.refreshTimers.set(key, timer);
  }

  private async refreshContexts(entry: WatchedDatabase): Promise<void> {
    const byUser = new Map<string, Subscriber[]>();
    for (const sub of entry.subscribers) {
      if (sub.user.role !== 'nurse') continue;
      byUser.set(sub.user.id, [...(byUser.get(sub.user.id) ?? []), sub]);
    }
    await Promise.all(
      [...byUser.values()].map(async (subs) => {
        let access: AccessContext;
        try {
          access = await this.contexts.refresh(subs[0].user);
        } catch (error) {
          // The store is unreachable: keep the old context; the next patient change or reconnect refreshes it.
          if (!(error instanceof HttpError)) throw error;
          this.log.warn({ err: { name: error.name, message: error.message } }, 'live events: access context refresh failed');
          return;
        }
        for (const sub of subs) {
          if (sub.closed || sameIds(sub.access.careTeamPatientIds, access.careTeamPatientIds)) continue;
          sub.access = access;
          sub.selectors = readSelectors(sub.user, access);
          sub.sink.send('access', {});
        }
      }),
    );
  }
}

function shuttingDown(): HttpError {
  return new HttpError(503, 'shutting_down', 'The server is shutting down; reconnect shortly', undefined, 2);
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}
