import { TestBed } from '@angular/core/testing';
import { NURSE } from '../../../testing/test-helpers';
import { LOCAL_STORE, MemoryStore, SESSION_STORE } from '../storage';
import { DataKeyVault } from './data-key-vault';
import { MIN_PBKDF2_ITERATIONS, PBKDF2_ITERATIONS, wrapDataKey } from './data-key-wrap';

const WRAP_KEY = `prossima.dataKey.${NURSE.id}`;

describe('DataKeyVault', () => {
  let local: MemoryStore;

  /** A vault in a tab with its own sessionStorage `tab` (a new MemoryStore: a cold start in a new tab). */
  function vaultIn(tab: MemoryStore = new MemoryStore()): { vault: DataKeyVault; tab: MemoryStore } {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        { provide: LOCAL_STORE, useValue: local },
        { provide: SESSION_STORE, useValue: tab },
      ],
    });
    return { vault: TestBed.inject(DataKeyVault), tab };
  }

  beforeEach(() => {
    local = new MemoryStore();
    // Signed in on this device: the vault restores this user's key from the tab if it is there.
    local.setItem('prossima.session', JSON.stringify({ user: NURSE, refreshToken: 'r' }));
  });

  it('when a key is created at the first sign-in, then only its wrap is stored on the device and the tab holds it', async () => {
    const { vault, tab } = vaultIn();
    const key = await vault.create(NURSE.id, 'prossima');
    expect(vault.isUnlocked(NURSE.id)).toBe(true);
    expect(vault.hasWrappedKey(NURSE.id)).toBe(true);
    expect(local.getItem(WRAP_KEY)).not.toContain(key.secret);
    expect(tab.getItem(WRAP_KEY)).toBe(key.secret);
  });

  it('when the tab reloads, then the key comes back from sessionStorage without the password', async () => {
    const first = vaultIn();
    const key = await first.vault.create(NURSE.id, 'prossima');
    const { vault } = vaultIn(first.tab);
    expect(vault.key()).toEqual(key);
  });

  it('when a new tab starts (cold start), then the vault is locked and the right password unlocks it offline', async () => {
    const key = await vaultIn().vault.create(NURSE.id, 'prossima');
    const { vault } = vaultIn();
    expect(vault.isUnlocked(NURSE.id)).toBe(false);
    await expect(vault.unlock(NURSE.id, 'prossima')).resolves.toBe('unlocked');
    expect(vault.key()).toEqual(key);
  });

  it('when the password is wrong, then the vault stays locked', async () => {
    await vaultIn().vault.create(NURSE.id, 'prossima');
    const { vault } = vaultIn();
    await expect(vault.unlock(NURSE.id, 'sbagliata')).resolves.toBe('wrong-password');
    expect(vault.key()).toBeNull();
  });

  it('when nothing was wrapped for the user on this device, then unlocking says there is no key', async () => {
    const { vault } = vaultIn();
    await expect(vault.unlock(NURSE.id, 'prossima')).resolves.toBe('no-key');
  });

  it('when the held key is re-wrapped with a new password, then only the new password opens it', async () => {
    const key = await vaultIn().vault.create(NURSE.id, 'vecchia');
    const { vault } = vaultIn();
    await vault.unlock(NURSE.id, 'vecchia');
    await vault.rewrap(NURSE.id, 'nuova');

    const cold = vaultIn().vault;
    await expect(cold.unlock(NURSE.id, 'vecchia')).resolves.toBe('wrong-password');
    await expect(cold.unlock(NURSE.id, 'nuova')).resolves.toBe('unlocked');
    expect(cold.key()).toEqual(key);
  });

  it('when the previous password recovers the key, then it is re-wrapped with the new one', async () => {
    const key = await vaultIn().vault.create(NURSE.id, 'vecchia');
    const { vault } = vaultIn();
    await expect(vault.recover(NURSE.id, 'sbagliata', 'nuova')).resolves.toBe('wrong-password');
    await expect(vault.recover(NURSE.id, 'vecchia', 'nuova')).resolves.toBe('unlocked');
    const cold = vaultIn().vault;
    await expect(cold.unlock(NURSE.id, 'nuova')).resolves.toBe('unlocked');
    expect(cold.key()).toEqual(key);
  });

  it('when a wrap was made with fewer iterations than today, then opening it rewrites it with the current ones', async () => {
    const key = await vaultIn().vault.create(NURSE.id, 'prossima');
    local.setItem(WRAP_KEY, JSON.stringify(await wrapDataKey(crypto, key.secret, 'prossima', NURSE.id, MIN_PBKDF2_ITERATIONS)));
    const { vault } = vaultIn();
    await vault.unlock(NURSE.id, 'prossima');
    expect(JSON.parse(local.getItem(WRAP_KEY)!).kdf.iterations).toBe(PBKDF2_ITERATIONS);
  });

  it('when the key is forgotten (sign-out), then the wrap, the tab copy and the memory copy are gone', async () => {
    const { vault, tab } = vaultIn();
    await vault.create(NURSE.id, 'prossima');
    vault.forget(NURSE.id);
    expect(vault.key()).toBeNull();
    expect(local.getItem(WRAP_KEY)).toBeNull();
    expect(tab.getItem(WRAP_KEY)).toBeNull();
  });

  it('when a value is sealed with the key, then only that key opens it and it is not readable as stored', async () => {
    const { vault } = vaultIn();
    await vault.create(NURSE.id, 'prossima');
    const sealed = await vault.seal(NURSE.id, { note: 'Nota riservata' });
    expect(sealed).not.toContain('Nota');
    await expect(vault.unseal(NURSE.id, sealed)).resolves.toEqual({ note: 'Nota riservata' });

    vault.forget(NURSE.id);
    await expect(vault.unseal(NURSE.id, sealed)).rejects.toThrow();
    const other = vaultIn().vault;
    await other.create(NURSE.id, 'prossima');
    await expect(other.unseal(NURSE.id, sealed)).rejects.toThrow();
  });

  it('when the tab still holds a key whose wrap is gone (signed out elsewhere), then it is not restored', async () => {
    const first = vaultIn();
    await first.vault.create(NURSE.id, 'prossima');
    local.removeItem(WRAP_KEY);
    expect(vaultIn(first.tab).vault.key()).toBeNull();
  });
});
