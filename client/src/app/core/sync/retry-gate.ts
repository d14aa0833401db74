import { SyncHttpError } from './sync-errors';

/** What the back-off needs from the outside world (injected, so tests use a fake clock). */
export interface RetryTimers {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1), for the jitter. */
  random(): number;
}

/** How retries spread out. */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

/** 1 s, doubling, at most 60 s. */
export const SYNC_BACKOFF: BackoffPolicy = { initialMs: 1_000, maxMs: 60_000 };

/**
 * The wait before retry number `attempt` (0 for the first retry): the
 * exponential step `initial · 2^attempt`, capped, with "equal jitter" — a
 * random point in its upper half — so a hundred tablets that lost the server
 * at the same moment do not come back at the same moment.
 */
export function backoffDelay(attempt: number, random: number, policy: BackoffPolicy = SYNC_BACKOFF): number {
  const step = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(step / 2 + (random * step) / 2);
}

/** Timers on the real clock. */
export const REAL_TIMERS: RetryTimers = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/**
 * Spaces out the sync's requests after failures. Every request first awaits
 * {@link ready}; a failure pushes the next allowed instant back by
 * {@link backoffDelay} (or the server's `Retry-After`), a success clears it.
 * One gate is shared by the nine collections' handlers, so a server that is
 * down is retried by one schedule, not nine: failures that land while a wait
 * is already set (the other collections' requests of the same round) do not
 * lengthen it again.
 */
export class RetryGate {
  private attempt = 0;
  private notBefore = 0;
  private wake: AbortController = new AbortController();

  constructor(
    private readonly timers: RetryTimers = REAL_TIMERS,
    private readonly policy: BackoffPolicy = SYNC_BACKOFF,
  ) {}

  /** Failures in a row so far. */
  get failures(): number {
    return this.attempt;
  }

  /** The instant (ms) before which no request is sent; 0 when there is no wait. */
  get retryAt(): number {
    return this.notBefore;
  }

  /** Resolves when a request may go; rejects with the signal's reason if it aborts first. */
  async ready(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const wait = this.notBefore - this.timers.now();
      if (wait <= 0) return;
      const woken = this.wake.signal;
      const either = signal ? eitherSignal(signal, woken) : { signal: woken, dispose: () => undefined };
      try {
        await this.timers.sleep(wait, either.signal);
      } catch (err) {
        // Woken by reset(): look at the (cleared) schedule again. The caller's abort propagates.
        if (signal?.aborted || !woken.aborted) throw err;
      } finally {
        either.dispose();
      }
    }
  }

  /** A request failed: schedules the next one. Returns the wait in ms (0 if an earlier failure set it already). */
  failed(error: unknown): number {
    const now = this.timers.now();
    if (now < this.notBefore) return 0;
    const retryAfter = error instanceof SyncHttpError ? error.retryAfterMs : undefined;
    const delay =
      retryAfter !== undefined
        ? // Honour the server's hint (never earlier), spread by up to a fifth so tablets do not return together.
          Math.round(retryAfter * (1 + this.timers.random() / 5))
        : backoffDelay(this.attempt, this.timers.random(), this.policy);
    this.attempt++;
    this.notBefore = now + delay;
    return delay;
  }

  /** A request succeeded: no wait for the next. */
  succeeded(): void {
    this.attempt = 0;
    this.notBefore = 0;
  }

  /** The network came back: forget the back-off and release the waiting requests now. */
  reset(): void {
    this.succeeded();
    const woken = this.wake;
    this.wake = new AbortController();
    woken.abort(new Error('retry gate reset'));
  }

  /** Runs `request` when the gate allows it, and records how it went. */
  async run<T>(request: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.ready(signal);
    try {
      const result = await request();
      this.succeeded();
      return result;
    } catch (err) {
      if (!signal?.aborted) this.failed(err);
      throw err;
    }
  }
}

/** A signal that aborts with whichever of `a` and `b` aborts first (AbortSignal.any is missing before Safari 17.4). */
function eitherSignal(a: AbortSignal, b: AbortSignal): { signal: AbortSignal; dispose(): void } {
  const both = new AbortController();
  const onA = () => both.abort(a.reason);
  const onB = () => both.abort(b.reason);
  if (a.aborted) onA();
  else if (b.aborted) onB();
  a.addEventListener('abort', onA, { once: true });
  b.addEventListener('abort', onB, { once: true });
  return {
    signal: both.signal,
    dispose: () => {
      a.removeEventListener('abort', onA);
      b.removeEventListener('abort', onB);
    },
  };
}
