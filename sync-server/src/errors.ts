import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';

/**
 * An error with an HTTP status and a stable code. Every error the server
 * answers with is one of these, met by one middleware, and sent as
 * `{error, reason, field?}` (CouchDB's shape, which CouchDB clients expect).
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** 400: the request itself is wrong; `field` names the part. */
export const badRequest = (message: string, field?: string) => new HttpError(400, 'bad_request', message, field);
/** 401: no credentials, or credentials that are no longer good. */
export const unauthorized = (message: string, code = 'unauthorized') => new HttpError(401, code, message);
/** 403: authenticated, but this user may not do this. */
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
/** 404: nothing there, or nothing this user may see (the two are not told apart). */
export const notFound = (message = 'missing') => new HttpError(404, 'not_found', message);
/** 503: the store cannot be reached; the client should retry after a while. */
export const storeUnavailable = (message = 'The data store is unreachable; retry later') =>
  new HttpError(503, 'store_unavailable', message, undefined, 5);

/** Map an error from `nano` (the store client) to an HttpError, keeping the store's own 4xx answers. */
export function fromStoreError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const e = error as { statusCode?: number; error?: string; reason?: string; description?: string; name?: string };
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new HttpError(e.statusCode, e.error ?? 'store_error', e.reason ?? e.description ?? 'store error');
  }
  return storeUnavailable();
}

/** The one error middleware: typed errors to their status, body-parser errors to 400/413, the rest to 500. */
export function errorMiddleware(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let httpError: HttpError;
    if (err instanceof HttpError) {
      httpError = err;
    } else if (err?.type === 'entity.parse.failed') {
      httpError = badRequest(`Malformed JSON body: ${err.message}`);
    } else if (err?.type === 'entity.too.large') {
      httpError = new HttpError(413, 'request_too_large', `Request body larger than the limit of ${err.limit} bytes`);
    } else if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500) {
      httpError = new HttpError(err.status, 'bad_request', String(err.message));
    } else {
      // Only the error's kind and stack are logged: never bodies, which may hold clinical data.
      log.error({ err: { name: err?.name, message: err?.message, stack: err?.stack }, path: req.path }, 'unexpected error');
      httpError = new HttpError(500, 'internal_error', 'Internal server error');
    }
    if (httpError.retryAfterSeconds) res.setHeader('Retry-After', String(httpError.retryAfterSeconds));
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(httpError.status).json({
      error: httpError.code,
      reason: httpError.message,
      ...(httpError.field ? { field: httpError.field } : {}),
    });
  };
}
