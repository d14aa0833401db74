import { APP_ERROR_CODES, AppError, AppErrorCode } from '../errors/app-errors';

/** A server's `Retry-After` is honoured up to this long (a broken header must not park sync for a day). */
const MAX_RETRY_AFTER_MS = 15 * 60_000;

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date), or `null`. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const text = header.trim();
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now;
  if (!Number.isFinite(ms)) return null;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

/** An {@link AppError} from a sync request, with the server's `Retry-After` when it sent one. */
export class SyncHttpError extends AppError {
  constructor(
    code: AppError['code'],
    message: string,
    status: number,
    /** How long the server asked us to wait (503 `Retry-After`), or `undefined`. */
    readonly retryAfterMs?: number,
  ) {
    super(code, message, status);
  }
}

/** The plain-JSON shape RxDB gives the errors it wraps (`errorToPlainJson`). */
interface PlainError {
  name?: unknown;
  code?: unknown;
  parameters?: { errors?: unknown; error?: unknown; args?: { writeResultRow?: unknown } };
}

function asPlain(value: unknown): PlainError | null {
  return typeof value === 'object' && value !== null ? (value as PlainError) : null;
}

/** The error and the errors it wraps, depth first. */
function flatten(err: unknown, depth = 0): PlainError[] {
  const plain = asPlain(err);
  if (!plain || depth > 4) return [];
  const inner = plain.parameters?.errors;
  const nested = [...(Array.isArray(inner) ? inner : []), plain.parameters?.error];
  return [plain, ...nested.flatMap((e) => flatten(e, depth + 1))];
}

/**
 * What a replication error (RxDB's `error$`: `RC_PULL`, `RC_PUSH`,
 * `RC_STREAM`…) means for the user. Our sync fetch throws `AppError`s with the
 * server's code; RxDB keeps their `name` and `code` when it wraps them.
 */
export function syncProblemCode(err: unknown): AppErrorCode {
  const all = flatten(err);
  for (const e of all) {
    if (e.name === 'AppError' && (APP_ERROR_CODES as readonly unknown[]).includes(e.code)) return e.code as AppErrorCode;
  }
  // RxDB's CouchDB push throws "SNH" with the refused row when _bulk_docs refuses a document.
  if (all.some((e) => e.code === 'SNH' && e.parameters?.args?.writeResultRow)) return 'sync-rejected';
  if (all.some((e) => e.name === 'TypeError')) return 'server-unreachable';
  return 'unknown';
}
