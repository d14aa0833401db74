import { FakeTimers, settle } from '../../../testing/fake-timers';
import { backoffDelay, RetryGate } from './retry-gate';
import { parseRetryAfter, SyncHttpError } from './sync-errors';

const flush = () => settle();

describe('backoffDelay', () => {
  it('when retries pile up, then the wait doubles from 1 s and stops at 60 s', () => {
    const upper = [0, 1, 2, 3, 4, 5, 6, 7, 10].map((attempt) => backoffDelay(attempt, 1));
    expect(upper).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('when jittered, then each wait lies in the upper half of its step', () => {
    expect(backoffDelay(0, 0)).toBe(500);
    expect(backoffDelay(3, 0)).toBe(4_000);
    expect(backoffDelay(3, 0.5)).toBe(6_000);
    expect(backoffDelay(20, 0)).toBe(30_000);
  });
});

describe('parseRetryAfter', () => {
  it('when the header gives seconds, then they are returned in ms', () => {
    expect(parseRetryAfter('5', 0)).toBe(5_000);
  });

  it('when the header gives an HTTP date, then the wait until that date is returned', () => {
    const now = Date.parse('2025-11-22T09:00:00Z');
    expect(parseRetryAfter('Sat, 22 Nov 2025 09:00:30 GMT', now)).toBe(30_000);
  });

  it('when the header is missing or nonsense, then there is no hint', () => {
    expect(parseRetryAfter(null, 0)).toBeNull();
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });
});

describe('RetryGate', () => {
  let timers: FakeTimers;
  let gate: RetryGate;

  beforeEach(() => {
    timers = new FakeTimers();
    gate = new RetryGate(timers);
  });

  it('when nothing failed, then a request goes at once', async () => {
    let went = false;
    void gate.ready().then(() => (went = true));
    await flush();
    expect(went).toBe(true);
  });

  it('when requests keep failing, then they are released after 1, 2, 4… s (with jitter) and never before', async () => {
    timers.rand = 1; // the top of each jitter range: 1 s, 2 s, 4 s
    const releasedAfter: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = timers.time;
      gate.failed(new TypeError('Failed to fetch'));
      let released = false;
      void gate.ready().then(() => (released = true));
      await flush();
      while (!released) {
        await timers.advance(100);
      }
      releasedAfter.push(timers.time - start);
    }
    expect(releasedAfter).toEqual([1_000, 2_000, 4_000]);
  });

  it('when nine collections fail in the same round, then the wait grows once, not nine times', () => {
    const first = gate.failed(new TypeError('Failed to fetch'));
    for (let i = 0; i < 8; i++) expect(gate.failed(new TypeError('Failed to fetch'))).toBe(0);
    expect(first).toBe(750);
    expect(gate.failures).toBe(1);
  });

  it('when the server answers 503 with Retry-After, then the wait is at least what it asked', async () => {
    timers.rand = 0;
    const delay = gate.failed(new SyncHttpError('server-unavailable', 'store down', 503, 5_000));
    expect(delay).toBe(5_000);
    let released = false;
    void gate.ready().then(() => (released = true));
    await timers.advance(4_999);
    expect(released).toBe(false);
    await timers.advance(1);
    expect(released).toBe(true);
  });

  it('when a request succeeds, then the back-off starts again from 1 s', () => {
    timers.rand = 1;
    gate.failed(new Error('x'));
    timers.time += 1_000;
    gate.failed(new Error('x'));
    gate.succeeded();
    expect(gate.failed(new Error('x'))).toBe(1_000);
  });

  it('when the network comes back, then waiting requests are released at once', async () => {
    gate.failed(new Error('x'));
    timers.time += 1_000;
    gate.failed(new Error('x'));
    let released = false;
    void gate.ready().then(() => (released = true));
    await flush();
    expect(released).toBe(false);
    gate.reset();
    await flush();
    expect(released).toBe(true);
  });

  it('when the sync stops while a request waits, then the wait rejects with the abort reason', async () => {
    gate.failed(new Error('x'));
    const stop = new AbortController();
    const waiting = gate.ready(stop.signal);
    stop.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
  });

  it('when run() wraps a request, then a failure schedules a wait and a success clears it', async () => {
    await expect(gate.run(() => Promise.reject(new TypeError('Failed to fetch')))).rejects.toThrow(TypeError);
    expect(gate.retryAt).toBeGreaterThan(timers.time);
    await timers.advance(1_000);
    await expect(gate.run(async () => 'ok')).resolves.toBe('ok');
    expect(gate.retryAt).toBe(0);
  });
});
