import { inject, Injectable, InjectionToken, signal } from '@angular/core';
import type { CollectionName, SessionUser } from '@prossima/domain';
import { BehaviorSubject, EMPTY, Observable, switchMap } from 'rxjs';
import type { DataKey } from '../auth/data-key-vault';
import { AppError } from '../errors/app-errors';
import { databaseName, DexieStorageOptions, OpenDatabase, readableCollections } from './database-types';

/** How to open a user's database. */
export interface OpenOptions {
  /**
   * When what is on disk cannot be read with this key (made with another key,
   * or before encryption): true deletes it and starts an empty database that
   * sync fills again — only safe when no local change is waiting to be sent.
   */
  discardUnreadable: boolean;
  /**
   * The documents with unsent changes. When the database on disk is unreadable
   * because it was written before encryption, they are carried over into the
   * new encrypted one (and sent by sync as usual) before the old one goes.
   */
  unsent?: readonly { collection: CollectionName; id: string }[];
}

/** Options for the Dexie storage; the browser's IndexedDB unless a test provides another. */
export const DEXIE_STORAGE_OPTIONS = new InjectionToken<DexieStorageOptions>('DEXIE_STORAGE_OPTIONS', {
  providedIn: 'root',
  factory: () => ({}),
});

/**
 * The signed-in user's local RxDB database: the only data source of the
 * screens. One database per user, with the collections the role may read,
 * the clinical fields encrypted with the user's data key. RxDB and Dexie are
 * loaded on first open, outside the initial bundle.
 */
@Injectable({ providedIn: 'root' })
export class DatabaseService {
  private readonly storageOptions = inject(DEXIE_STORAGE_OPTIONS);
  private readonly current = new BehaviorSubject<OpenDatabase | null>(null);
  private opening: { name: string; key: DataKey; promise: Promise<OpenDatabase> } | null = null;
  private openKey: DataKey | null = null;
  private readonly failure = signal<AppError | null>(null);

  /** The open database, or `null`. */
  readonly database$ = this.current.asObservable();
  /** Why the last open failed (e.g. IndexedDB unavailable), or `null`. */
  readonly openError = this.failure.asReadonly();

  /** Opens `user`'s database with their data key (once; later calls with the same key get the same one). */
  open(user: SessionUser, key: DataKey, options: OpenOptions): Promise<OpenDatabase> {
    if (key.userId !== user.id) return Promise.reject(new AppError('local-database', 'the data key is not this user’s'));
    const name = databaseName(user.id);
    const open = this.current.value;
    if (open?.name === name && this.openKey === key) return Promise.resolve(open);
    if (this.opening?.name === name && this.opening.key === key) return this.opening.promise;
    const promise = this.create(name, user, key, options).finally(() => {
      if (this.opening?.promise === promise) this.opening = null;
    });
    this.opening = { name, key, promise };
    return promise;
  }

  /** Closes the open database (data stays on the device, encrypted). */
  async close(): Promise<void> {
    const open = this.current.value;
    if (!open) return;
    this.current.next(null);
    this.openKey = null;
    await open.rx.close();
  }

  /** Deletes `userId`'s database from this device (at logout). */
  async remove(userId: string): Promise<void> {
    const name = databaseName(userId);
    await this.opening?.promise.catch(() => undefined);
    const open = this.current.value;
    if (open?.name === name) {
      this.current.next(null);
      this.openKey = null;
      await open.rx.remove();
    }
    await this.deleteFiles(name);
  }

  /** Runs `query` on the open database, again whenever another one opens; nothing while none is open. */
  watch<T>(query: (db: OpenDatabase) => Observable<T>): Observable<T> {
    return this.current.pipe(switchMap((db) => (db ? query(db) : EMPTY)));
  }

  private async create(name: string, user: SessionUser, key: DataKey, options: OpenOptions): Promise<OpenDatabase> {
    try {
      await this.close();
      const { openDatabase, readUnencrypted, UnreadableDatabaseError } = await import('./database-factory');
      const collections = readableCollections(user.role);
      let db: OpenDatabase;
      try {
        db = await openDatabase(name, collections, this.storageOptions, key.secret);
      } catch (err) {
        if (!(err instanceof UnreadableDatabaseError)) throw err;
        if (options.discardUnreadable) {
          // Nothing waits to be sent: what is on disk is a copy of the server's data, sync brings it back.
          await this.deleteFiles(name);
          db = await openDatabase(name, collections, this.storageOptions, key.secret);
        } else {
          // Unsent changes: only a database from before encryption can give them up (throws otherwise; it stays on disk).
          if (!options.unsent?.length) throw err;
          const carried = await readUnencrypted(name, collections, this.storageOptions, options.unsent ?? []);
          await this.deleteFiles(name);
          db = await openDatabase(name, collections, this.storageOptions, key.secret);
          for (const [collection, docs] of carried) {
            // The collections' type is a union over document types; these documents come from this very collection.
            const target = db.collections[collection] as { bulkUpsert(docs: unknown[]): Promise<unknown> } | undefined;
            await target?.bulkUpsert(docs);
          }
        }
      }
      this.failure.set(null);
      this.openKey = key;
      this.current.next(db);
      return db;
    } catch (err) {
      const error = new AppError('local-database', err instanceof Error ? err.message : String(err));
      this.failure.set(error);
      throw error;
    }
  }

  /**
   * Deletes every IndexedDB database of `name` (RxDB's Dexie storage keeps one
   * per collection and schema version, and its own removal empties them but
   * leaves them behind). No key and no RxDB needed: a locked session's
   * database goes the same way.
   */
  private deleteFiles(name: string): Promise<void> {
    // `<name>--<schema version>--<collection>`: the digits keep user "u-a" off "u-a-"'s databases.
    const ofThisDatabase = new RegExp(`^rxdb-dexie-${name}--\\d+--`);
    return deleteIndexedDbs(this.storageOptions.indexedDB ?? globalThis.indexedDB, (n) => ofThisDatabase.test(n));
  }
}

/** Deletes every IndexedDB database whose name `matches` (where the browser can list them). */
async function deleteIndexedDbs(factory: IDBFactory | undefined, matches: (name: string) => boolean): Promise<void> {
  if (!factory || typeof factory.databases !== 'function') return;
  const names = (await factory.databases()).map((db) => db.name).filter((n): n is string => !!n && matches(n));
  await Promise.all(
    names.map(
      (n) =>
        new Promise<void>((resolve) => {
          const request = factory.deleteDatabase(n);
          // "blocked": another tab still holds it; it is deleted when that tab lets go.
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
}
