import { HttpErrorResponse } from '@angular/common/http';

/**
 * Stable codes of the errors the user can meet. The server's `error` codes
 * (docs/api.md) are kept as they are; the client adds its own for what the
 * server cannot say (no network, local storage failures).
 */
export const APP_ERROR_CODES = [
  'invalid-credentials',
  'invalid-request',
  'invalid-refresh-token',
  'session-expired',
  'wrong-password',
  'session-revoked',
  'server-unreachable',
  'server-unavailable',
  'unauthorized',
  'forbidden',
  'sync-rejected',
  'sync-conflict-lost',
  'local-database',
  'save-failed',
  'unknown',
] as const;

/** One of {@link APP_ERROR_CODES}. */
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** An error with a stable code; the only kind the UI turns into a message. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string = code,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The `{error, reason}` body every server error has. */
interface ServerErrorBody {
  error?: unknown;
  reason?: unknown;
}

function isKnownCode(code: unknown): code is AppErrorCode {
  return typeof code === 'string' && (APP_ERROR_CODES as readonly string[]).includes(code);
}

/** The code for an HTTP status and server error code (shared by HttpClient and fetch paths). */
export function codeForHttpFailure(status: number, serverCode: unknown): AppErrorCode {
  if (status === 0) return 'server-unreachable';
  // CouchDB spells its codes with underscores (`invalid_credentials`); ours use hyphens.
  const code = typeof serverCode === 'string' ? serverCode.replace(/_/g, '-') : serverCode;
  if (isKnownCode(code)) return code;
  if (status === 400) return 'invalid-request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 502 || status === 503 || status === 504) return 'server-unavailable';
  return 'unknown';
}

/** Turns whatever was thrown into an {@link AppError}. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HttpErrorResponse) {
    const body = (typeof err.error === 'object' && err.error !== null ? err.error : {}) as ServerErrorBody;
    const reason = typeof body.reason === 'string' ? body.reason : err.message;
    return new AppError(codeForHttpFailure(err.status, body.error), reason, err.status);
  }
  // fetch() rejects with a TypeError when the network or the server cannot be reached.
  if (err instanceof TypeError) return new AppError('server-unreachable', err.message);
  return new AppError('unknown', err instanceof Error ? err.message : String(err));
}

/** The translation key of the message shown for `err`. */
export function errorMessageKey(err: unknown): string {
  return `errors.${toAppError(err).code}`;
}
