import { TestBed } from '@angular/core/testing';
import type { SessionUser } from '@prossima/domain';
import { NURSE } from '../../../testing/test-helpers';
import { AuthSession } from '../auth/auth-session';
import { DataKeyVault } from '../auth/data-key-vault';
import { AppError } from '../errors/app-errors';
import { LOCAL_STORE, MemoryStore, SESSION_STORE } from '../storage';
import { LocalDataWipe } from './local-data-wipe';
import { SignIn } from './sign-in';

describe('SignIn (online sign-in and the data key)', () => {
  let local: MemoryStore;
  let serverPassword: string;
  let wiped: string[];

  /** The app in a tab with its own sessionStorage (a fresh one: the key is not in memory). */
  function app(tab: MemoryStore = new MemoryStore()) {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        { provide: LOCAL_STORE, useValue: local },
        { provide: SESSION_STORE, useValue: tab },
        {
          provide: AuthSession,
          useValue: {
            login: async (_username: string, password: string): Promise<SessionUser> => {
              if (password !== serverPassword) throw new AppError('invalid-credentials', 'wrong', 401);
              return NURSE;
            },
          },
        },
        {
          provide: LocalDataWipe,
          useFactory: () => {
            const vault = TestBed.inject(DataKeyVault);
            return {
              wipe: async (userId: string) => {
                wiped.push(userId);
                vault.forget(userId);
                local.removeItem(`prossima.pending.${userId}`);
                return true;
              },
            };
          },
        },
      ],
    });
    return { signIn: TestBed.inject(SignIn), vault: TestBed.inject(DataKeyVault), tab };
  }

  beforeEach(() => {
    local = new MemoryStore();
    serverPassword = 'prossima';
    wiped = [];
  });

  it('when a user signs in for the first time on this device, then a data key is made and wrapped with her password', async () => {
    const { signIn, vault } = app();
    await expect(signIn.signIn('anna', 'prossima')).resolves.toEqual({ status: 'signed-in', user: NURSE });
    expect(vault.isUnlocked(NURSE.id)).toBe(true);
    expect(vault.hasWrappedKey(NURSE.id)).toBe(true);
  });

  it('when she signs in again in a new tab, then the same key is opened (her local data stays readable)', async () => {
    const key = await app().signIn.signIn('anna', 'prossima').then(() => TestBed.inject(DataKeyVault).key());
    const { signIn, vault } = app();
    await signIn.signIn('anna', 'prossima');
    expect(vault.key()).toEqual(key);
    expect(wiped).toEqual([NURSE.id]); // only the first sign-in cleaned up
  });

  it('when the server refuses the password, then nothing changes on the device', async () => {
    const { signIn, vault } = app();
    await expect(signIn.signIn('anna', 'sbagliata')).rejects.toMatchObject({ code: 'invalid-credentials' });
    expect(vault.hasWrappedKey(NURSE.id)).toBe(false);
  });

  it('when the password changed and the key is still in memory, then it is re-wrapped with the new password', async () => {
    const first = app();
    await first.signIn.signIn('anna', 'prossima');
    const key = first.vault.key();
    serverPassword = 'nuova-password';
    await first.signIn.signIn('anna', 'nuova-password');
    expect(first.vault.key()).toEqual(key);

    const cold = app().vault;
    await expect(cold.unlock(NURSE.id, 'nuova-password')).resolves.toBe('unlocked');
    expect(cold.key()).toEqual(key);
  });

  it('when the password changed, the key is not in memory and nothing is unsent, then the device starts afresh with a new key', async () => {
    await app().signIn.signIn('anna', 'prossima');
    const oldKey = TestBed.inject(DataKeyVault).key();
    serverPassword = 'nuova-password';
    const { signIn, vault } = app();
    await expect(signIn.signIn('anna', 'nuova-password')).resolves.toMatchObject({ status: 'signed-in' });
    expect(wiped).toEqual([NURSE.id, NURSE.id]);
    expect(vault.key()?.secret).not.toBe(oldKey?.secret);
  });

  it('when the password changed, the key is not in memory and changes are unsent, then the previous password is asked for and recovers them', async () => {
    await app().signIn.signIn('anna', 'prossima');
    const oldKey = TestBed.inject(DataKeyVault).key();
    local.setItem(`prossima.pending.${NURSE.id}`, JSON.stringify([{ collection: 'visits', id: 'v-1', updatedAt: '2025-11-22T09:00:00.000Z' }]));
    serverPassword = 'nuova-password';
    const { signIn, vault } = app();

    const outcome = await signIn.signIn('anna', 'nuova-password');
    expect(outcome).toEqual({ status: 'previous-password-needed', user: NURSE, unsentChanges: 1 });
    expect(vault.isUnlocked(NURSE.id)).toBe(false);
    expect(wiped).toEqual([NURSE.id]);

    await expect(signIn.recover(NURSE, 'sbagliata', 'nuova-password')).rejects.toMatchObject({ code: 'wrong-password' });
    await signIn.recover(NURSE, 'prossima', 'nuova-password');
    expect(vault.key()).toEqual(oldKey);
    const cold = app().vault;
    await expect(cold.unlock(NURSE.id, 'nuova-password')).resolves.toBe('unlocked');
  });

  it('when the user gives up the unsent changes instead, then the local data is wiped and a new key made', async () => {
    await app().signIn.signIn('anna', 'prossima');
    local.setItem(`prossima.pending.${NURSE.id}`, JSON.stringify([{ collection: 'visits', id: 'v-1', updatedAt: '2025-11-22T09:00:00.000Z' }]));
    serverPassword = 'nuova-password';
    const { signIn, vault } = app();
    await signIn.signIn('anna', 'nuova-password');
    await signIn.discardAndContinue(NURSE, 'nuova-password');
    expect(wiped).toEqual([NURSE.id, NURSE.id]);
    expect(vault.isUnlocked(NURSE.id)).toBe(true);
    await expect(app().vault.unlock(NURSE.id, 'nuova-password')).resolves.toBe('unlocked');
  });
});
