import { DestroyRef, DOCUMENT, inject, Injectable, InjectionToken, signal } from '@angular/core';
import { KeyValueStore, LOCAL_STORE, readJson, SESSION_STORE, userKey, writeJson } from '../storage';
import { AuthStore } from './auth-store';
import {
  checkWrap,
  generateDataKey,
  InvalidWrapError,
  sealingKey,
  sealJson,
  unsealJson,
  unwrapDataKey,
  WrappedDataKey,
  wrapDataKey,
  wrapIsOutdated,
  WrongPasswordError,
} from './data-key-wrap';

/** A user's data key, unwrapped: the password of their local database. Lives in memory (and this tab's sessionStorage). */
export interface DataKey {
  readonly userId: string;
  /** 256 random bits as base64url. */
  readonly secret: string;
}

/** How an attempt to open the stored data key went. */
export type UnlockResult = 'unlocked' | 'wrong-password' | 'no-key';

/** The WebCrypto implementation (the browser's; tests may pass another). */
export const WEB_CRYPTO = new InjectionToken<Crypto>('WEB_CRYPTO', {
  providedIn: 'root',
  factory: () => globalThis.crypto,
});

/** `prossima.dataKey.<userId>`: the wrapped key in localStorage, the unwrapped one in sessionStorage. */
const WHAT = 'dataKey';

/**
 * Holds the signed-in user's data key. On disk there is only the key wrapped
 * with the user's password (localStorage); unwrapped, it lives in memory and,
 * so a reload does not ask again, in this tab's sessionStorage (gone when the
 * tab or the browser closes). A cold start is locked until the password opens
 * the wrap again — offline, no server needed.
 */
@Injectable({ providedIn: 'root' })
export class DataKeyVault {
  private readonly local: KeyValueStore = inject(LOCAL_STORE);
  private readonly tab: KeyValueStore = inject(SESSION_STORE);
  private readonly crypto = inject(WEB_CRYPTO);
  private readonly current = signal<DataKey | null>(null);
  private sealing: { key: DataKey; crypto: Promise<CryptoKey> } | null = null;

  /** The unwrapped data key of this tab, or `null` (locked). */
  readonly key = this.current.asReadonly();

  constructor() {
    const session = inject(AuthStore).readSession();
    if (session) this.restoreFromTab(session.user.id);

    const win = inject(DOCUMENT).defaultView;
    if (!win) return;
    // Signing out in another tab removes the wrap: this tab forgets the key too.
    const onStorage = (event: StorageEvent) => {
      const held = this.current();
      if (held && event.storageArea !== win.sessionStorage && (event.key === null || event.key === userKey(WHAT, held.userId))) {
        if (event.newValue === null) this.lock();
      }
    };
    win.addEventListener('storage', onStorage);
    inject(DestroyRef).onDestroy(() => win.removeEventListener('storage', onStorage));
  }

  /** Whether `userId`'s key is unwrapped in this tab. */
  isUnlocked(userId: string): boolean {
    return this.current()?.userId === userId;
  }

  /** Whether this device holds a wrapped key for `userId` (one online sign-in happened here). */
  hasWrappedKey(userId: string): boolean {
    return this.readWrap(userId) !== null;
  }

  /**
   * Opens `userId`'s stored key with `password`, offline. A wrap made with
   * older parameters is rewritten with the current ones.
   */
  async unlock(userId: string, password: string): Promise<UnlockResult> {
    const wrap = this.readWrap(userId);
    if (!wrap) return 'no-key';
    let secret: string;
    try {
      secret = await unwrapDataKey(this.crypto, wrap, password, userId);
    } catch (err) {
      if (err instanceof WrongPasswordError) return 'wrong-password';
      if (err instanceof InvalidWrapError) return 'no-key';
      throw err;
    }
    if (wrapIsOutdated(wrap)) await this.storeWrap(userId, secret, password);
    this.hold({ userId, secret });
    return 'unlocked';
  }

  /** Makes a new data key for `userId`, stores it wrapped with `password` and holds it. */
  async create(userId: string, password: string): Promise<DataKey> {
    const key: DataKey = { userId, secret: generateDataKey(this.crypto) };
    await this.storeWrap(userId, key.secret, password);
    this.hold(key);
    return key;
  }

  /** Wraps the key held in memory with `password` (the password changed on the server since the last wrap). */
  async rewrap(userId: string, password: string): Promise<void> {
    const held = this.current();
    if (held?.userId !== userId) throw new Error(`rewrap: ${userId}'s key is not unlocked`);
    await this.storeWrap(userId, held.secret, password);
  }

  /** Opens the stored key with the password it was wrapped with, and wraps it again with `newPassword`. */
  async recover(userId: string, oldPassword: string, newPassword: string): Promise<UnlockResult> {
    const result = await this.unlock(userId, oldPassword);
    if (result === 'unlocked') await this.rewrap(userId, newPassword);
    return result;
  }

  /**
   * Encrypts `value` with a key derived from `userId`'s data key, for the few
   * things kept outside the encrypted database (e.g. queued conflict entries,
   * which carry document contents). Throws when the key is locked. What is
   * sealed becomes unreadable when the key is forgotten at sign-out.
   */
  async seal(userId: string, value: unknown): Promise<string> {
    return sealJson(this.crypto, await this.sealingKeyOf(userId), value);
  }

  /** Opens what {@link seal} made with the same user's key. */
  async unseal<T>(userId: string, sealed: string): Promise<T> {
    return unsealJson<T>(this.crypto, await this.sealingKeyOf(userId), sealed);
  }

  /** Drops the unwrapped key from this tab (memory and sessionStorage); the wrap stays. */
  lock(): void {
    const held = this.current();
    if (held) this.tab.removeItem(userKey(WHAT, held.userId));
    this.current.set(null);
  }

  /**
   * Forgets `userId`'s key on this device: the wrap, this tab's copy, memory.
   * What the key encrypted can no longer be read, even if deleting it fails.
   */
  forget(userId: string): void {
    this.local.removeItem(userKey(WHAT, userId));
    this.tab.removeItem(userKey(WHAT, userId));
    if (this.current()?.userId === userId) this.current.set(null);
  }

  private sealingKeyOf(userId: string): Promise<CryptoKey> {
    const held = this.current();
    if (held?.userId !== userId) return Promise.reject(new Error(`seal: ${userId}'s key is not unlocked`));
    if (this.sealing?.key !== held) this.sealing = { key: held, crypto: sealingKey(this.crypto, held.secret) };
    return this.sealing.crypto;
  }

  private hold(key: DataKey): void {
    const previous = this.current();
    // The same key again (e.g. signing in after the session expired): keep the object, so nothing reopens.
    if (previous?.userId === key.userId && previous.secret === key.secret) return;
    if (previous && previous.userId !== key.userId) this.tab.removeItem(userKey(WHAT, previous.userId));
    this.tab.setItem(userKey(WHAT, key.userId), key.secret);
    this.current.set(key);
  }

  private restoreFromTab(userId: string): void {
    const secret = this.tab.getItem(userKey(WHAT, userId));
    // Without its wrap the key belongs to a sign-out that happened elsewhere: do not bring it back.
    if (secret && this.readWrap(userId)) this.current.set({ userId, secret });
  }

  private readWrap(userId: string): WrappedDataKey | null {
    const stored = readJson<unknown>(this.local, userKey(WHAT, userId));
    if (stored === null) return null;
    try {
      checkWrap(stored);
      return stored;
    } catch (err) {
      if (err instanceof InvalidWrapError) return null;
      throw err;
    }
  }

  private async storeWrap(userId: string, secret: string, password: string): Promise<void> {
    writeJson(this.local, userKey(WHAT, userId), await wrapDataKey(this.crypto, secret, password, userId));
  }
}
