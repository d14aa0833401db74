import type { RetryTimers } from '../app/core/sync/retry-gate';

/** Lets pending promise callbacks run (a few microtask turns). */
export async function settle(turns = 20): Promise<void> {
  for (let i = 0; i < turns; i++) await Promise.resolve();
}

/** Retry timers on a clock that moves only when the test says so; sleepers wake when their time comes. */
export class FakeTimers implements RetryTimers {
  time = 1_000_000;
  /** What random() returns (0.5: the middle of each jitter range). */
  rand = 0.5;
  private sleepers: { at: number; resolve(): void }[] = [];

  readonly now = (): number => this.time;
  readonly random = (): number => this.rand;
  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const sleeper = { at: this.time + ms, resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(signal.reason);
      });
    });

  /** Moves the clock and wakes the sleepers that are due. */
  async advance(ms: number): Promise<void> {
    this.time += ms;
    const due = this.sleepers.filter((s) => s.at <= this.time);
    this.sleepers = this.sleepers.filter((s) => s.at > this.time);
    due.forEach((s) => s.resolve());
    await settle();
  }
}
