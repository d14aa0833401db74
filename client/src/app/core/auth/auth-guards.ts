import { inject } from '@angular/core';
import { CanActivateFn, RedirectFunction, Router } from '@angular/router';
import type { Role } from '@prossima/domain';
import { AuthSession } from './auth-session';
import { DataKeyVault } from './data-key-vault';
import { homeUrl } from './home-route';

/** Lets signed-in users through (also offline); sends the others to /login. */
export const signedInGuard: CanActivateFn = () => {
  const auth = inject(AuthSession);
  return auth.isSignedIn() ? true : inject(Router).parseUrl('/login');
};

/**
 * Lets through signed-in users whose data key is unlocked in this tab; a
 * session whose key is locked (a cold start) goes to /sblocca first.
 */
export const unlockedGuard: CanActivateFn = (_route, state) => {
  const user = inject(AuthSession).user();
  const router = inject(Router);
  if (!user) return router.parseUrl('/login');
  if (inject(DataKeyVault).isUnlocked(user.id)) return true;
  return router.createUrlTree(['/sblocca'], state.url === '/' ? {} : { queryParams: { next: state.url } });
};

/** Only a signed-in user whose key is locked sees /sblocca; the others go to /login or home. */
export const lockedGuard: CanActivateFn = () => {
  const user = inject(AuthSession).user();
  const router = inject(Router);
  if (!user) return router.parseUrl('/login');
  return inject(DataKeyVault).isUnlocked(user.id) ? router.parseUrl(homeUrl(user)) : true;
};

/** Keeps signed-in users away from /login: they go to their home page. */
export const signedOutGuard: CanActivateFn = () => {
  const user = inject(AuthSession).user();
  return user ? inject(Router).parseUrl(homeUrl(user)) : true;
};

/** Lets only the given roles through; the others go to their home page (the screen check; the server checks too). */
export function roleGuard(roles: readonly Role[]): CanActivateFn {
  return () => {
    const user = inject(AuthSession).user();
    if (!user) return inject(Router).parseUrl('/login');
    return roles.includes(user.role) ? true : inject(Router).parseUrl(homeUrl(user));
  };
}

/** The redirect of the empty path: the signed-in user's home page. */
export const redirectHome: RedirectFunction = () => {
  const user = inject(AuthSession).user();
  return user ? homeUrl(user) : '/login';
};
