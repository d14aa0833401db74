import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PeripheralRunner } from './peripheral-runner';
import type { ScriptedEvent, VirtualPeripheral } from './virtual-peripheral';

const C = 'c';
const note = (hex: string, delayMs = 100): ScriptedEvent => ({ kind: 'notify', characteristic: C, hex, delayMs });

function peripheral(reactions: VirtualPeripheral['reactions']): VirtualPeripheral {
  return { name: 'p', address: 'AA', family: 'ecg', description: '', services: [], reactions };
}

describe('PeripheralRunner', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when a reaction fires again, then it plays its next batch, and the last one again only with repeatLast', async () => {
    const played: string[] = [];
    const runner = new PeripheralRunner(
      peripheral([
        { id: 'a', on: 'subscribe', characteristic: C, batches: [[note('01')], [note('02')]], repeatLast: true },
        { id: 'b', on: 'write', characteristic: C, writePrefix: 'ff', batches: [[note('0b')]] },
      ]),
      { deliver: (event) => void played.push(event.kind === 'notify' ? event.hex : 'x') },
    );
    for (let i = 0; i < 3; i++) {
      runner.subscribed(C);
      await vi.advanceTimersByTimeAsync(100);
    }
    runner.written(C, 'ff00');
    runner.written(C, '00ff');
    runner.written(C, 'ff01');
    await vi.advanceTimersByTimeAsync(100);
    expect(played).toEqual(['01', '02', '02', '0b']);
    expect(runner.writes.map((w) => w.hex)).toEqual(['ff00', '00ff', 'ff01']);
  });

  it('when played in real time, then each event waits its delay from the previous one', async () => {
    const played: string[] = [];
    const runner = new PeripheralRunner(
      peripheral([{ id: 'a', on: 'subscribe', characteristic: C, batches: [[note('01', 1_000), note('02', 500)]] }]),
      {
        deliver: (event) => void played.push(event.kind === 'notify' ? event.hex : 'x'),
      },
    );
    runner.subscribed(C);
    await vi.advanceTimersByTimeAsync(999);
    expect(played).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(played).toEqual(['01']);
    await vi.advanceTimersByTimeAsync(500);
    expect(played).toEqual(['01', '02']);
  });

  it('when the time scale is 0.1, then the delays are ten times shorter', async () => {
    const played: string[] = [];
    const runner = new PeripheralRunner(peripheral([{ id: 'a', on: 'subscribe', characteristic: C, batches: [[note('01', 1_000)]] }]), {
      timeScale: 0.1,
      deliver: (event) => void played.push(event.kind),
    });
    runner.subscribed(C);
    await vi.advanceTimersByTimeAsync(100);
    expect(played).toEqual(['notify']);
  });

  it('when a stop reaction fires, then the stream it cancels sends nothing more and leaves no timer', async () => {
    const played: string[] = [];
    const runner = new PeripheralRunner(
      peripheral([
        { id: 'stream', on: 'write', characteristic: C, writePrefix: '01', batches: [[note('a1'), note('a2'), note('a3')]] },
        { id: 'stop', on: 'write', characteristic: C, writePrefix: '02', batches: [[]], cancels: ['stream'] },
      ]),
      { deliver: (event) => void played.push(event.kind === 'notify' ? event.hex : 'x') },
    );
    runner.written(C, '01');
    await vi.advanceTimersByTimeAsync(150);
    runner.written(C, '02');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(played).toEqual(['a1']);
    expect(runner.activeBatches).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('when stopAll is called (the link dropped), then nothing pending is delivered', async () => {
    const deliver = vi.fn();
    const runner = new PeripheralRunner(peripheral([{ id: 'a', on: 'subscribe', characteristic: C, batches: [[note('01')]] }]), {
      deliver,
    });
    runner.subscribed(C);
    runner.stopAll();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(deliver).not.toHaveBeenCalled();
  });

  it('when the time scale is negative, then a TypeError names it', () => {
    expect(() => new PeripheralRunner(peripheral([]), { timeScale: -1, deliver: () => undefined })).toThrow(/timeScale/);
  });
});

describe('PeripheralRunner, ending', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when the page unsubscribes, then the stream its subscription started stops', async () => {
    const played: string[] = [];
    const runner = new PeripheralRunner(
      peripheral([{ id: 'a', on: 'subscribe', characteristic: C, batches: [[note('01'), note('02'), note('03')]] }]),
      {
        deliver: (event) => void played.push(event.kind === 'notify' ? event.hex : 'x'),
      },
    );
    runner.subscribed(C);
    await vi.advanceTimersByTimeAsync(150);
    runner.unsubscribed(C);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(played).toEqual(['01']);
  });

  it('when a delivery fails, then the error goes to onError and the batch ends there', async () => {
    const errors: unknown[] = [];
    const deliver = vi.fn(async () => Promise.reject(new Error('page closed')));
    const runner = new PeripheralRunner(
      peripheral([{ id: 'a', on: 'subscribe', characteristic: C, batches: [[note('01'), note('02')]] }]),
      {
        deliver,
        onError: (error) => errors.push(error),
      },
    );
    runner.subscribed(C);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(errors).toEqual([new Error('page closed')]);
    expect(deliver).toHaveBeenCalledTimes(1);
  });
});
