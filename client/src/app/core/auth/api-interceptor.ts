import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { AuthSession } from './auth-session';

/** Auth calls carry their own credentials in the body: no bearer token, no refresh loop. */
const AUTH_CALLS = /^\/api\/auth\/(login|refresh|logout)$/;

/**
 * For `/api/*` calls: tells the service worker to keep out (API data is never
 * cached by it; `ngsw-bypass`), adds the bearer token, and on a 401 refreshes
 * the token once and retries.
 */
export const apiInterceptor: HttpInterceptorFn = (req, next) => {
  if (!req.url.startsWith('/api/')) return next(req);
  const bypass = req.clone({ setHeaders: { 'ngsw-bypass': 'true' } });
  if (AUTH_CALLS.test(req.url)) return next(bypass);

  const auth = inject(AuthSession);
  const withToken = (request: HttpRequest<unknown>, token: string) =>
    request.clone({ setHeaders: { Authorization: `Bearer ${token}` } });

  return from(auth.accessToken()).pipe(
    switchMap((token) => next(withToken(bypass, token))),
    catchError((err: unknown) =>
      err instanceof HttpErrorResponse && err.status === 401
        ? from(auth.refresh()).pipe(switchMap((token) => next(withToken(bypass, token))))
        : throwError(() => err),
    ),
  );
};
