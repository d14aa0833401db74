/**
 * Reconnection after the link drops: exponential back-off with jitter, a
 * bounded number of attempts.
 *
 *   attempt    1      2      3      4      5
 *   base     500 ms  1 s    2 s    4 s    8 s     (× multiplier, capped at maxDelayMs)
 *   delay    base × (1 ± jitter), jitter drawn from the injected random()
 *
 * Jitter spreads the retries of several devices that dropped together (one
 * tablet, a kit of devices) so they do not all hit the adapter at once.
 */
import { abortError } from './errors';

/** How a transport retries after an unexpected disconnection. */
export interface ReconnectPolicy {
  /** Attempts before giving up (the transport then reports the device as lost). */
  maxAttempts: number;
  /** Delay before the first attempt. */
  initialDelayMs: number;
  /** Ceiling of the delay, before jitter. */
  maxDelayMs: number;
  /** Factor between consecutive delays. */
  multiplier: number;
  /** Relative spread, 0–1: 0.3 draws each delay within ±30 % of its base. */
  jitter: number;
}

/** Five attempts over about 15 s, ±30 %. */
export const DEFAULT_RECONNECT_POLICY: Readonly<ReconnectPolicy> = {
  maxAttempts: 5,
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  multiplier: 2,
  jitter: 0.3,
};

/** Checks a policy once, with a precise TypeError for each bad field; returns it. */
export function validateReconnectPolicy(policy: ReconnectPolicy): ReconnectPolicy {
  const fail = (field: keyof ReconnectPolicy, expected: string): never => {
    throw new TypeError(`ReconnectPolicy.${field} must be ${expected}, got ${String(policy[field])}`);
  };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 0) fail('maxAttempts', 'an integer ≥ 0');
  if (!(policy.initialDelayMs >= 0 && Number.isFinite(policy.initialDelayMs))) fail('initialDelayMs', 'a finite number ≥ 0');
  if (!(policy.maxDelayMs >= policy.initialDelayMs && Number.isFinite(policy.maxDelayMs)))
    fail('maxDelayMs', 'finite and ≥ initialDelayMs');
  if (!(policy.multiplier >= 1 && Number.isFinite(policy.multiplier))) fail('multiplier', 'a finite number ≥ 1');
  if (!(policy.jitter >= 0 && policy.jitter <= 1)) fail('jitter', 'between 0 and 1');
  return policy;
}

/** The delay before attempt `attempt` (1 = first); `random` returns a number in [0, 1). */
export function reconnectDelayMs(attempt: number, policy: ReconnectPolicy, random: () => number = Math.random): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new TypeError(`reconnectDelayMs(): attempt must be an integer ≥ 1, got ${attempt}`);
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** (attempt - 1));
  const spread = 1 + policy.jitter * (2 * random() - 1);
  return Math.max(0, Math.round(base * spread));
}

/** Resolves after `ms`; rejects with DeviceBridgeError('aborted') when `signal` aborts first (the timer is cleared either way). */
export function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal, 'Waiting'));
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError(signal as AbortSignal, 'Waiting'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
