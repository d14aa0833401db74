import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeviceBridgeError } from './errors';
import { GattOperationQueue } from './gatt-operation-queue';

/** A promise and the functions that settle it. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function rejection(promise: Promise<unknown>): Promise<DeviceBridgeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DeviceBridgeError) return error;
    throw error;
  }
  throw new Error('expected a DeviceBridgeError, but the operation succeeded');
}

describe('GattOperationQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when operations are queued, then each starts only after the one before it has settled, in order', async () => {
    const queue = new GattOperationQueue();
    const started: string[] = [];
    const first = deferred<string>();
    const a = queue.run('a', () => {
      started.push('a');
      return first.promise;
    });
    const b = queue.run('b', async () => {
      started.push('b');
      return 'B';
    });
    const c = queue.run('c', async () => {
      started.push('c');
      throw new Error('c failed');
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(['a']);
    expect(queue.size).toBe(3);
    first.resolve('A');
    await expect(a).resolves.toBe('A');
    await expect(b).resolves.toBe('B');
    await expect(c).rejects.toThrow('c failed');
    expect(started).toEqual(['a', 'b', 'c']);
    expect(queue.size).toBe(0);
  });

  it('when an operation does not answer in time, then it rejects with "timeout" and the next one runs', async () => {
    const queue = new GattOperationQueue({ timeoutMs: 5_000 });
    const hung = queue.run('reading 2A19', () => new Promise<never>(() => undefined));
    const next = queue.run('reading 2A29', async () => 'next');
    const error = rejection(hung);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(queue.size).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect((await error).code).toBe('timeout');
    expect((await error).message).toBe('The device did not answer in time (reading 2A19, 5 s)');
    await expect(next).resolves.toBe('next');
  });

  it('when operations settle, then no timer is left behind', async () => {
    const queue = new GattOperationQueue();
    await Promise.all([queue.run('a', async () => 1), queue.run('b', async () => 2)]);
    await expect(queue.run('c', async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('when one operation has its own timeout, then that one is used', async () => {
    const queue = new GattOperationQueue({ timeoutMs: 1_000 });
    const slow = rejection(queue.run('connecting', () => new Promise<never>(() => undefined), { timeoutMs: 15_000 }));
    await vi.advanceTimersByTimeAsync(14_999);
    expect(queue.size).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await slow).code).toBe('timeout');
  });

  it('when the signal aborts, then the running and the queued operations reject with "aborted" and the timers are cleared', async () => {
    const queue = new GattOperationQueue();
    const controller = new AbortController();
    const running = rejection(queue.run('writing 5C81', () => new Promise<never>(() => undefined), { signal: controller.signal }));
    const queued = rejection(queue.run('reading 2A19', async () => 1, { signal: controller.signal }));
    const other = queue.run('reading 2A29', async () => 'unaffected');
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    expect((await running).code).toBe('aborted');
    expect((await running).message).toBe('Writing 5C81 was cancelled');
    expect((await queued).code).toBe('aborted');
    await expect(other).resolves.toBe('unaffected');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('when the signal has already aborted, then the operation is not started', async () => {
    const queue = new GattOperationQueue();
    const operation = vi.fn(async () => 1);
    const error = await rejection(queue.run('a', operation, { signal: AbortSignal.abort() }));
    expect(error.code).toBe('aborted');
    expect(operation).not.toHaveBeenCalled();
  });

  it('when the abort reason is a DeviceBridgeError, then that error is the rejection', async () => {
    const queue = new GattOperationQueue();
    const controller = new AbortController();
    const pending = rejection(queue.run('a', () => new Promise<never>(() => undefined), { signal: controller.signal }));
    const reason = new DeviceBridgeError('disconnected', 'gone');
    controller.abort(reason);
    expect(await pending).toBe(reason);
  });

  it('when rejectAll is called (the link dropped), then every operation rejects with that error', async () => {
    const queue = new GattOperationQueue();
    const a = rejection(queue.run('a', () => new Promise<never>(() => undefined)));
    const b = rejection(queue.run('b', async () => 1));
    const error = new DeviceBridgeError('disconnected', 'Cuff disconnected');
    queue.rejectAll(error);
    expect(await a).toBe(error);
    expect(await b).toBe(error);
    expect(queue.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('when an operation throws synchronously, then it rejects like an asynchronous failure', async () => {
    const queue = new GattOperationQueue();
    await expect(
      queue.run('a', () => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    await expect(queue.run('b', async () => 'after')).resolves.toBe('after');
  });

  it('when a timeout is not a positive number, then a TypeError names it', () => {
    expect(() => new GattOperationQueue({ timeoutMs: 0 })).toThrow(TypeError);
    expect(() => new GattOperationQueue().run('a', async () => 1, { timeoutMs: Number.NaN })).toThrow(/timeoutMs/);
  });
});
