import { inject, Injectable, InjectionToken, signal } from '@angular/core';
import type { SessionUser } from '@prossima/domain';
import { BehaviorSubject, EMPTY, Observable, switchMap } from 'rxjs';
import { AppError } from '../errors/app-errors';
import { databaseName, DexieStorageOptions, OpenDatabase, readableCollections } from './database-types';

/** Options for the Dexie storage; the browser's IndexedDB unless a test provides another. */
export const DEXIE_STORAGE_OPTIONS = new InjectionToken<DexieStorageOptions>('DEXIE_STORAGE_OPTIONS', {
  providedIn: 'root',
  factory: () => ({}),
});

/**
 * The signed-in user's local RxDB database: the only data source of the
 * screens. One database per user, with the collections the role may read.
 * RxDB and Dexie are loaded on first open, outside the initial bundle.
 */
@Injectable({ providedIn: 'root' })
export class DatabaseService {
  private readonly storageOptions = inject(DEXIE_STORAGE_OPTIONS);
  private readonly current = new BehaviorSubject<OpenDatabase | null>(null);
  private opening: { name: string; promise: Promise<OpenDatabase> } | null = null;
  private readonly failure = signal<AppError | null>(null);

  /** The open database, or `null`. */
  readonly database$ = this.current.asObservable();
  /** Why the last open failed (e.g. IndexedDB unavailable), or `null`. */
  readonly openError = this.failure.asReadonly();

  /** Opens `user`'s database (once; later calls get the same one). */
  open(user: SessionUser): Promise<OpenDatabase> {
    const name = databaseName(user.id);
    const open = this.current.value;
    if (open?.name === name) return Promise.resolve(open);
    if (this.opening?.name === name) return this.opening.promise;
    const promise = this.create(name, user).finally(() => {
      if (this.opening?.promise === promise) this.opening = null;
    });
    this.opening = { name, promise };
    return promise;
  }

  /** Closes the open database (data stays on the device). */
  async close(): Promise<void> {
    const open = this.current.value;
    if (!open) return;
    this.current.next(null);
    await open.rx.close();
  }

  /** Deletes `userId`'s database from this device (at logout). */
  async remove(userId: string): Promise<void> {
    const name = databaseName(userId);
    await this.opening?.promise.catch(() => undefined);
    const open = this.current.value;
    if (open?.name === name) {
      this.current.next(null);
      await open.rx.remove();
    } else {
      const { deleteDatabase } = await import('./database-factory');
      await deleteDatabase(name, this.storageOptions);
    }
    // RxDB's Dexie storage empties its IndexedDB databases but leaves them behind: drop them too.
    await deleteIndexedDbs(this.storageOptions.indexedDB ?? globalThis.indexedDB, `rxdb-dexie-${name}--`);
  }

  /** Runs `query` on the open database, again whenever another one opens; nothing while none is open. */
  watch<T>(query: (db: OpenDatabase) => Observable<T>): Observable<T> {
    return this.current.pipe(switchMap((db) => (db ? query(db) : EMPTY)));
  }

  private async create(name: string, user: SessionUser): Promise<OpenDatabase> {
    try {
      await this.close();
      const { openDatabase } = await import('./database-factory');
      const db = await openDatabase(name, readableCollections(user.role), this.storageOptions);
      this.failure.set(null);
      this.current.next(db);
      return db;
    } catch (err) {
      const error = new AppError('local-database', err instanceof Error ? err.message : String(err));
      this.failure.set(error);
      throw error;
    }
  }
}

/** Deletes every IndexedDB database whose name starts with `prefix` (where the browser can list them). */
async function deleteIndexedDbs(factory: IDBFactory | undefined, prefix: string): Promise<void> {
  if (!factory || typeof factory.databases !== 'function') return;
  const names = (await factory.databases()).map((db) => db.name).filter((n): n is string => !!n?.startsWith(prefix));
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
