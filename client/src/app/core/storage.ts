import { InjectionToken } from '@angular/core';

/** The part of the Web Storage API the app uses; injected so tests can pass an in-memory store. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** How many keys there are (to list them, with {@link key}). */
  readonly length: number;
  /** The `index`-th key, or `null`. */
  key(index: number): string | null;
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

const USER_KEY_PREFIX = 'prossima.';

/**
 * The key of a per-user entry: `prossima.<what>.<userId>`, `what` without dots.
 * Every per-user entry uses this shape, so signing out can find and remove
 * them all ({@link removeUserEntries}).
 */
export function userKey(what: string, userId: string): string {
  if (what.includes('.')) throw new TypeError(`userKey: "${what}" must not contain a dot`);
  return `${USER_KEY_PREFIX}${what}.${userId}`;
}

/** Removes every `prossima.<what>.<userId>` entry of `userId` from `store`; returns the keys removed. */
export function removeUserEntries(store: KeyValueStore, userId: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key === null || !key.startsWith(USER_KEY_PREFIX) || !key.endsWith(`.${userId}`)) continue;
    const what = key.slice(USER_KEY_PREFIX.length, key.length - userId.length - 1);
    // `what` has no dot, so user "a" never matches "prossima.pending.x.a" of user "x.a".
    if (what.length > 0 && !what.includes('.')) keys.push(key);
  }
  keys.forEach((key) => store.removeItem(key));
  return keys;
}

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
  get length(): number {
    return this.data.size;
  }
  key(index: number): string | null {
    return Array.from(this.data.keys())[index] ?? null;
  }
}
