/**
 * Test helper: runs a measurement while advancing Vitest's fake timers, so
 * scripted delays and driver timeouts pass at once. Not exported from the package.
 */
import { vi } from 'vitest';
import type { DeviceBridgeError } from '../../transport/errors';

/** Resolves or rejects like `measurement`, advancing fake time (up to `maxMs`) until no timer is left. */
export async function withFakeTime<T>(measurement: Promise<T>, maxMs = 600_000): Promise<T> {
  measurement.catch(() => undefined);
  for (let elapsed = 0; elapsed < maxMs && vi.getTimerCount() > 0; elapsed += 5_000) await vi.advanceTimersByTimeAsync(5_000);
  return measurement;
}

/** The error `measurement` rejects with (fake time advancing); fails the test when it resolves. */
export async function rejectionOf(measurement: Promise<unknown>): Promise<DeviceBridgeError | Error> {
  try {
    await withFakeTime(measurement);
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected the measurement to fail, but it returned a result');
}
