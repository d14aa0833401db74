import { distinctUntilChanged, EMPTY, Observable, share, switchMap } from 'rxjs';
import { AppError } from '../errors/app-errors';
import { RetryGate } from './retry-gate';
import { SseEvent, SseParser } from './sse-parser';

/**
 * What the live-update stream `GET /sync/_events` tells:
 * - `ready`: connected; the collections it carries (sent on every (re)connect);
 * - `change`: documents the user may read changed in `collection`;
 * - `access`: the user's care team changed (read `/api/sync/access` again);
 * - `closed`: the server ended the stream, e.g. `session_revoked`.
 */
export type FeedEvent =
  | { type: 'ready'; collections: string[] }
  | { type: 'change'; collection: string }
  | { type: 'access' }
  | { type: 'closed'; error: string; reason: string };

/** What the stream needs from the outside world (injected, so tests script it). */
export interface ChangeFeedOptions {
  /** `…/sync/_events`. */
  url: string;
  /** The sync fetch: bearer token, refresh on 401, non-2xx thrown. */
  fetch: typeof fetch;
  /** Whether the browser has a network: the stream is closed while it has none. */
  online$: Observable<boolean>;
  /** Spaces out reconnections. */
  gate: RetryGate;
  /** Told when a connection fails or drops (for the status region). */
  onError?(error: unknown): void;
  /** Milliseconds since the epoch (how long a connection lived). */
  now?(): number;
}

/** A connection that lived this long was healthy: its end does not count as another failure in a row. */
const STABLE_MS = 60_000;

/** The stream ended without an error (server restart, proxy timeout). */
export class FeedClosedError extends Error {
  override readonly name = 'FeedClosedError';
}

/**
 * The one connection that carries live updates for every collection. A
 * per-collection long-poll (RxDB's CouchDB replication) would hold one of the
 * browser's six HTTP/1.1 connections per host for each of nine collections;
 * this holds one for all.
 *
 * The stream is read with `fetch()` (EventSource cannot send the
 * `Authorization` header) and parsed by {@link SseParser}. It connects when
 * the first subscriber comes (the leader tab's replications), closes when the
 * last one leaves (stop, sign-out) and while the browser is offline, and
 * reconnects after any failure or end under the gate's back-off. A
 * `closed` event for `session_revoked` ends it for good: the subscribers
 * learn it and stop.
 */
export function changeFeed(options: ChangeFeedOptions): Observable<FeedEvent> {
  return options.online$.pipe(
    distinctUntilChanged(),
    switchMap((online) => (online ? connections(options) : EMPTY)),
    share(),
  );
}

function connections(options: ChangeFeedOptions): Observable<FeedEvent> {
  const now = options.now ?? (() => Date.now());
  return new Observable<FeedEvent>((subscriber) => {
    const stop = new AbortController();
    (async () => {
      while (!stop.signal.aborted) {
        let openedAt: number | null = null;
        try {
          await options.gate.ready(stop.signal);
          const response = await options.fetch(options.url, { headers: { accept: 'text/event-stream' }, signal: stop.signal });
          openedAt = now();
          let revoked = false;
          await readEvents(response, stop.signal, (sse) => {
            const event = toFeedEvent(sse);
            if (!event) return;
            if (event.type === 'closed' && event.error === 'session_revoked') revoked = true;
            subscriber.next(event);
          });
          if (revoked) {
            subscriber.complete();
            return;
          }
          throw new FeedClosedError('the live-update stream ended');
        } catch (err) {
          if (stop.signal.aborted) return;
          // Revoked: no reconnection can help (the sync fetch has told SyncHttp, which signs out).
          if (err instanceof AppError && err.code === 'session-revoked') return;
          if (openedAt !== null && now() - openedAt >= STABLE_MS) options.gate.succeeded();
          options.gate.failed(err);
          options.onError?.(err);
        }
      }
    })().catch((err: unknown) => {
      // Every expected failure is handled in the loop: whatever lands here is a bug, and must not pass unseen.
      if (!stop.signal.aborted) subscriber.error(err);
    });
    return () => stop.abort(new Error('live-update stream closed'));
  });
}

/** Reads an SSE body to its end, handing each event to `onEvent`. */
async function readEvents(response: Response, signal: AbortSignal, onEvent: (event: SseEvent) => void): Promise<void> {
  if (!response.body) throw new FeedClosedError('the live-update stream has no body');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true })).forEach(onEvent);
    }
    parser.push(decoder.decode()).forEach(onEvent);
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

/** The event's meaning, or `null` for an event we do not know (a newer server may send more kinds). */
export function toFeedEvent(event: SseEvent): FeedEvent | null {
  const data = parseData(event.data);
  switch (event.type) {
    case 'ready':
      return { type: 'ready', collections: Array.isArray(data['collections']) ? data['collections'].filter(isString) : [] };
    case 'change':
      // A change we cannot read is still a change: an empty name resyncs every collection.
      return { type: 'change', collection: isString(data['collection']) ? data['collection'] : '' };
    case 'access':
      return { type: 'access' };
    case 'closed':
      return { type: 'closed', error: isString(data['error']) ? data['error'] : 'closed', reason: isString(data['reason']) ? data['reason'] : '' };
    default:
      return null;
  }
}

function parseData(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch (err) {
    if (err instanceof SyntaxError) return {};
    throw err;
  }
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
