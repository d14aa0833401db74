import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, provideRouter, Router, RouterStateSnapshot, UrlTree } from '@angular/router';
import { NURSE, provideMemoryStorage } from '../../../testing/test-helpers';
import { LOCAL_STORE, SESSION_STORE } from '../storage';
import { lockedGuard, unlockedGuard } from './auth-guards';
import { DataKeyVault } from './data-key-vault';

describe('unlockedGuard and lockedGuard', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideMemoryStorage()] });
  });

  function run(guard: typeof unlockedGuard, url: string): boolean | string {
    const result = TestBed.runInInjectionContext(() => guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot));
    return result instanceof UrlTree ? TestBed.inject(Router).serializeUrl(result) : (result as boolean);
  }

  function signIn(): void {
    TestBed.inject(LOCAL_STORE).setItem('prossima.session', JSON.stringify({ user: NURSE, refreshToken: 'r' }));
  }

  it('when nobody is signed in, then both send to /login', () => {
    expect(run(unlockedGuard, '/oggi')).toBe('/login');
    expect(run(lockedGuard, '/sblocca')).toBe('/login');
  });

  it('when a session exists but the key is not in this tab (cold start), then the app pages send to /sblocca, keeping the target', () => {
    signIn();
    expect(run(unlockedGuard, '/visite/v-1')).toBe('/sblocca?next=%2Fvisite%2Fv-1');
    expect(run(lockedGuard, '/sblocca')).toBe(true);
  });

  it('when the tab holds the key (a reload), then the app pages open without asking and /sblocca sends home', async () => {
    signIn();
    const key = await TestBed.inject(DataKeyVault).create(NURSE.id, 'prossima');
    expect(TestBed.inject(SESSION_STORE).getItem(`prossima.dataKey.${NURSE.id}`)).toBe(key.secret);
    expect(run(unlockedGuard, '/oggi')).toBe(true);
    expect(run(lockedGuard, '/sblocca')).toBe('/oggi');
  });
});
