import { inject, Injectable } from '@angular/core';
import type { SessionUser } from '@prossima/domain';
import { AuthSession } from '../auth/auth-session';
import { DataKeyVault } from '../auth/data-key-vault';
import { AppError } from '../errors/app-errors';
import { KeyValueStore, LOCAL_STORE, readJson, userKey } from '../storage';
import { LocalDataWipe } from './local-data-wipe';

/** How an online sign-in ended. */
export type SignInOutcome =
  | { status: 'signed-in'; user: SessionUser }
  /**
   * The password changed since this device wrapped the data key, the key is
   * not in memory, and local changes are still unsent: only the previous
   * password can open them ({@link SignIn.recover}), or the user gives them
   * up ({@link SignIn.discardAndContinue}).
   */
  | { status: 'previous-password-needed'; user: SessionUser; unsentChanges: number };

/**
 * An online sign-in and the data key that goes with it. The server checks the
 * password; then this device opens the user's data key with it — or, on the
 * first sign-in here, makes one; when the password changed on the server,
 * wraps the key again with the new one.
 */
@Injectable({ providedIn: 'root' })
export class SignIn {
  private readonly auth = inject(AuthSession);
  private readonly vault = inject(DataKeyVault);
  private readonly wipe = inject(LocalDataWipe);
  private readonly local: KeyValueStore = inject(LOCAL_STORE);

  /** Signs in with the server, then unlocks (or makes) the data key; throws the server's {@link AppError}s. */
  async signIn(username: string, password: string): Promise<SignInOutcome> {
    const user = await this.auth.login(username, password);
    return this.secureKey(user, password);
  }

  /**
   * After `previous-password-needed`: opens the key with `previousPassword`
   * and wraps it with `newPassword`. Throws `wrong-password`.
   */
  async recover(user: SessionUser, previousPassword: string, newPassword: string): Promise<void> {
    const result = await this.vault.recover(user.id, previousPassword, newPassword);
    if (result !== 'unlocked') throw new AppError('wrong-password');
  }

  /** After `previous-password-needed`: the user gives up the unsent changes; starts afresh with a new key. */
  async discardAndContinue(user: SessionUser, newPassword: string): Promise<void> {
    await this.wipe.wipe(user.id);
    await this.vault.create(user.id, newPassword);
  }

  private async secureKey(user: SessionUser, password: string): Promise<SignInOutcome> {
    const signedIn: SignInOutcome = { status: 'signed-in', user };
    const opened = await this.vault.unlock(user.id, password);
    if (opened === 'unlocked') return signedIn;
    if (this.vault.isUnlocked(user.id)) {
      // The key is still in memory (the session had expired): the password changed, wrap it with the new one.
      await this.vault.rewrap(user.id, password);
      return signedIn;
    }
    const unsent = this.unsentChanges(user.id);
    if (opened === 'wrong-password' && unsent > 0) return { status: 'previous-password-needed', user, unsentChanges: unsent };
    // No key here yet, or one nobody can open: start afresh. With nothing unsent the old database is a copy of
    // the server's data; with unsent changes and no key at all (a database from before encryption), the database
    // stays, and opening it decides (DatabaseService refuses to discard it).
    if (unsent === 0) await this.wipe.wipe(user.id);
    await this.vault.create(user.id, password);
    return signedIn;
  }

  /** How many documents of `userId` wait to be sent (PendingChanges' list in localStorage, read without binding it). */
  private unsentChanges(userId: string): number {
    const list = readJson<unknown>(this.local, userKey('pending', userId));
    return Array.isArray(list) ? list.length : 0;
  }
}
