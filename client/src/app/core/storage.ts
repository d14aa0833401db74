import { InjectionToken } from '@angular/core';

/** The part of the Web Storage API the app uses; injected so tests can pass an in-memory store. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Durable per-origin storage (localStorage): survives reloads and offline restarts. */
export const LOCAL_STORE = new InjectionToken<KeyValueStore>('LOCAL_STORE', {
  providedIn: 'root',
  factory: () => localStorage,
});

/** Per-tab storage (sessionStorage): gone when the tab closes. */
export const SESSION_STORE = new InjectionToken<KeyValueStore>('SESSION_STORE', {
  providedIn: 'root',
  factory: () => sessionStorage,
});

/** Reads a JSON value; a missing or corrupt entry reads as `null`. */
export function readJson<T>(store: KeyValueStore, key: string): T | null {
  const text = store.getItem(key);
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    if (err instanceof SyntaxError) return null;
    throw err;
  }
}

/** Writes a JSON value. */
export function writeJson(store: KeyValueStore, key: string, value: unknown): void {
  store.setItem(key, JSON.stringify(value));
}

/** An in-memory store (tests, or browsers where Web Storage is unavailable). */
export class MemoryStore implements KeyValueStore {
  private readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}
