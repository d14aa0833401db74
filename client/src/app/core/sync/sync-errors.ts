import { APP_ERROR_CODES, AppErrorCode } from '../errors/app-errors';

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
