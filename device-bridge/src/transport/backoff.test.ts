import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { abortableDelay, DEFAULT_RECONNECT_POLICY, reconnectDelayMs, validateReconnectPolicy } from './backoff';
import { DeviceBridgeError } from './errors';

describe('reconnectDelayMs', () => {
  const policy = { maxAttempts: 6, initialDelayMs: 500, maxDelayMs: 8_000, multiplier: 2, jitter: 0.3 };

  it('when the jitter draw is central, then the delays double from the initial one up to the ceiling', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((attempt) => reconnectDelayMs(attempt, policy, () => 0.5));
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000]);
  });

  it('when the draw is at either end, then the delay moves by the jitter fraction', () => {
    expect(reconnectDelayMs(2, policy, () => 0)).toBe(700);
    expect(reconnectDelayMs(2, policy, () => 0.999999)).toBe(1_300);
  });

  it('when the attempt is not a positive integer, then a TypeError is thrown', () => {
    expect(() => reconnectDelayMs(0, policy)).toThrow(TypeError);
  });
});

describe('validateReconnectPolicy', () => {
  it('when the policy is the default, then it is accepted', () => {
    expect(validateReconnectPolicy({ ...DEFAULT_RECONNECT_POLICY })).toEqual(DEFAULT_RECONNECT_POLICY);
  });

  it.each([
    ['maxAttempts', -1],
    ['initialDelayMs', Number.NaN],
    ['maxDelayMs', 10],
    ['multiplier', 0.5],
    ['jitter', 2],
  ] as const)('when %s is %s, then a TypeError names the field', (field, value) => {
    expect(() => validateReconnectPolicy({ ...DEFAULT_RECONNECT_POLICY, [field]: value })).toThrow(`ReconnectPolicy.${field}`);
  });
});

describe('abortableDelay', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when the time passes, then it resolves and leaves no timer', async () => {
    const done = vi.fn();
    void abortableDelay(1_000).then(done);
    await vi.advanceTimersByTimeAsync(999);
    expect(done).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('when aborted first, then it rejects with "aborted" and clears its timer', async () => {
    const controller = new AbortController();
    const waiting = abortableDelay(1_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(DeviceBridgeError);
    await expect(waiting).rejects.toMatchObject({ code: 'aborted' });
    expect(vi.getTimerCount()).toBe(0);
  });
});
