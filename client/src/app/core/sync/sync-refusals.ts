import { DestroyRef, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import type { CollectionName } from '@prossima/domain';
import { KeyValueStore, LOCAL_STORE, readJson, userKey, writeJson } from '../storage';
import type { SyncRefusal } from './gateway-handlers';

/** A local change the server refused, as the status region shows it. */
export interface RefusedChange extends SyncRefusal {
  /** ISO instant of the refusal. */
  at: string;
}

/**
 * The local changes the server refused to store (`forbidden`, `invalid`),
 * per user, kept in localStorage until the document is sent again and
 * accepted (the user fixed it) or the user dismisses the message. They are
 * never retried on their own — the same document would be refused again
 * forever — and never silent: the status region lists each with the
 * server's reason. The local copy stays as the user wrote it.
 */
@Injectable({ providedIn: 'root' })
export class SyncRefusals {
  private readonly store: KeyValueStore = inject(LOCAL_STORE);
  private readonly key = signal<string | null>(null);
  private readonly list = signal<readonly RefusedChange[]>([]);

  /** The bound user's refused changes, oldest first. */
  readonly entries = this.list.asReadonly();

  constructor() {
    const win = inject(DOCUMENT).defaultView;
    if (!win) return;
    // The leader tab syncs; the other tabs learn the refusals from storage.
    const onStorage = (event: StorageEvent) => {
      if (event.key !== null && event.key === this.key()) this.list.set(this.read());
    };
    win.addEventListener('storage', onStorage);
    inject(DestroyRef).onDestroy(() => win.removeEventListener('storage', onStorage));
  }

  /** Switches to `userId`'s list (`null`: nobody signed in). */
  bindUser(userId: string | null): void {
    this.key.set(userId === null ? null : userKey('refused', userId));
    this.list.set(this.read());
  }

  /** Records a refusal (one entry per document: the latest reason). */
  record(refusal: SyncRefusal, at: Date): void {
    const entry: RefusedChange = { ...refusal, at: at.toISOString() };
    this.update((list) => [...list.filter((e) => !same(e, refusal.collection, refusal.id)), entry]);
  }

  /** The refusal on record for a document, if any (read from storage: the list may come from another tab). */
  find(collection: CollectionName, id: string): RefusedChange | undefined {
    return this.read().find((e) => same(e, collection, id));
  }

  /** The server accepted the document now: its refusal no longer holds. */
  accepted(collection: CollectionName, id: string): void {
    // Called for every document sent: write only when there is something to clear.
    if (this.read().some((e) => same(e, collection, id))) this.dismiss(collection, id);
  }

  /** The user read the message and dismissed it. */
  dismiss(collection: CollectionName, id: string): void {
    this.update((list) => list.filter((e) => !same(e, collection, id)));
  }

  /** Drops `userId`'s list (at sign-out). */
  clearUser(userId: string): void {
    this.store.removeItem(userKey('refused', userId));
    if (this.key() === userKey('refused', userId)) this.list.set([]);
  }

  private read(): RefusedChange[] {
    const key = this.key();
    const stored = key === null ? null : readJson<RefusedChange[]>(this.store, key);
    return Array.isArray(stored) ? stored : [];
  }

  private update(change: (list: RefusedChange[]) => RefusedChange[]): void {
    const key = this.key();
    if (key === null) return;
    const after = change(this.read());
    if (after.length === 0) this.store.removeItem(key);
    else writeJson(this.store, key, after);
    this.list.set(after);
  }
}

function same(entry: SyncRefusal, collection: CollectionName, id: string): boolean {
  return entry.collection === collection && entry.id === id;
}
