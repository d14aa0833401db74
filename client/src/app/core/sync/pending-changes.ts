import { computed, DestroyRef, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import type { CollectionName } from '@prossima/domain';
import { KeyValueStore, LOCAL_STORE, readJson, writeJson } from '../storage';

/** A local write not yet confirmed by the server: the document and the `updatedAt` it was written with. */
export interface PendingChange {
  collection: CollectionName;
  id: string;
  updatedAt: string;
}

const KEY_PREFIX = 'prossima.pending.';

/**
 * Counts the local changes the server has not received yet, per user, and
 * keeps the list in localStorage so the count survives a reload offline.
 *
 * Each local write is recorded as `{collection, id, updatedAt}` (one entry per
 * document: a second edit of the same document replaces the first). The sync
 * clears an entry when the replication reports that document sent with an
 * `updatedAt` at least as new as the recorded one — an older state reaching
 * the server does not count. Every operation reads the stored list afresh, so
 * several tabs can share it; the `storage` event refreshes the other tabs.
 */
@Injectable({ providedIn: 'root' })
export class PendingChanges {
  private readonly store: KeyValueStore = inject(LOCAL_STORE);
  private readonly key = signal<string | null>(null);
  private readonly list = signal<readonly PendingChange[]>([]);

  /** The pending changes of the bound user. */
  readonly entries = this.list.asReadonly();
  /** How many documents have changes not yet sent. */
  readonly count = computed(() => this.list().length);

  constructor() {
    const win = inject(DOCUMENT).defaultView;
    if (!win) return;
    const onStorage = (event: StorageEvent) => {
      if (event.key !== null && event.key === this.key()) this.reload();
    };
    win.addEventListener('storage', onStorage);
    inject(DestroyRef).onDestroy(() => win.removeEventListener('storage', onStorage));
  }

  /** Switches to `userId`'s list (`null`: nobody signed in, nothing pending). */
  bindUser(userId: string | null): void {
    this.key.set(userId === null ? null : KEY_PREFIX + userId);
    this.reload();
  }

  /**
   * Records a local write. Call it before writing (so a push that is faster
   * than this call cannot be missed); the returned function undoes the record
   * if the write then fails.
   */
  record(change: PendingChange): () => void {
    const previous = this.read().find((e) => same(e, change.collection, change.id)) ?? null;
    this.update((list) => [...list.filter((e) => !same(e, change.collection, change.id)), { ...change }]);
    return () =>
      this.update((list) => {
        const rest = list.filter((e) => !same(e, change.collection, change.id));
        return previous ? [...rest, previous] : rest;
      });
  }

  /** The replication sent this state of a document: clear its entry if the state is at least as new as the recorded one. */
  markSent(collection: CollectionName, id: string, updatedAt: string | undefined): void {
    const sent = updatedAt === undefined ? NaN : Date.parse(updatedAt);
    if (Number.isNaN(sent)) return;
    this.update((list) =>
      list.filter((e) => !(same(e, collection, id) && sent >= Date.parse(e.updatedAt))),
    );
  }

  /** Drops a document's entry whatever its time (e.g. the server's version replaced the local one). */
  forget(collection: CollectionName, id: string): void {
    this.update((list) => list.filter((e) => !same(e, collection, id)));
  }

  /** Drops `userId`'s whole list (at logout, with the local database). */
  clearUser(userId: string): void {
    this.store.removeItem(KEY_PREFIX + userId);
    if (this.key() === KEY_PREFIX + userId) this.list.set([]);
  }

  private read(): PendingChange[] {
    const key = this.key();
    if (key === null) return [];
    const stored = readJson<PendingChange[]>(this.store, key);
    return Array.isArray(stored) ? stored : [];
  }

  private reload(): void {
    this.list.set(this.read());
  }

  private update(change: (list: PendingChange[]) => PendingChange[]): void {
    const key = this.key();
    if (key === null) return;
    const before = this.read();
    const after = change(before);
    if (after.length === 0) this.store.removeItem(key);
    else writeJson(this.store, key, after);
    this.list.set(after);
  }
}

function same(entry: PendingChange, collection: CollectionName, id: string): boolean {
  return entry.collection === collection && entry.id === id;
}
