import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SimulatedTransport } from '../simulator/simulated-transport';
import type { VirtualPeripheral } from '../simulator/virtual-peripheral';
import { DeviceBridgeError } from '../transport/errors';
import { deferred, MeasurementSession, withSession } from './session';

const SERVICE = '0000180d-0000-1000-8000-00805f9b34fb';
const CHARACTERISTIC = '00002a37-0000-1000-8000-00805f9b34fb';

/** A device that notifies 00 48 and 00 49, 100 ms apart, once subscribed. */
function device(): VirtualPeripheral {
  return {
    name: 'Strap',
    address: 'AA:00:00:00:00:01',
    family: 'heart-rate',
    description: 'test',
    services: [{ uuid: SERVICE, characteristics: [{ uuid: CHARACTERISTIC, properties: { notify: true } }] }],
    reactions: [
      {
        id: 'hr',
        on: 'subscribe',
        characteristic: CHARACTERISTIC,
        batches: [
          [
            { kind: 'notify', characteristic: CHARACTERISTIC, hex: '0048', delayMs: 100 },
            { kind: 'notify', characteristic: CHARACTERISTIC, hex: '0049', delayMs: 100 },
          ],
        ],
      },
    ],
  };
}

describe('MeasurementSession', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when notifications arrive, then their bytes are kept in order before the handler sees them', async () => {
    const transport = new SimulatedTransport(device());
    await transport.connect();
    const seen: number[] = [];
    const result = withSession(transport, {}, 'test', async (session) => {
      const second = deferred<void>();
      await session.subscribe(SERVICE, 0x2a37, (value) => {
        seen.push(value.getUint8(1));
        if (seen.length === 2) second.resolve();
      });
      await session.guard(second.promise);
      return session.base('heart-rate', 'test');
    });
    await vi.advanceTimersByTimeAsync(200);
    const base = await result;
    expect(seen).toEqual([0x48, 0x49]);
    expect(base.notifications).toEqual([
      { characteristic: CHARACTERISTIC, hex: '0048' },
      { characteristic: CHARACTERISTIC, hex: '0049' },
    ]);
  });

  it('when the link drops during a wait, then the wait rejects with "disconnected" naming the device', async () => {
    const transport = new SimulatedTransport(device());
    await transport.connect();
    const session = new MeasurementSession(transport, {}, 'heart rate reading');
    const waiting = session.guard(new Promise(() => undefined));
    transport.simulateDisconnection();
    await expect(waiting).rejects.toMatchObject({
      code: 'disconnected',
      message: 'Strap disconnected during the heart rate reading: nothing was kept. Take it again.',
    });
    await session.close();
  });

  it('when the caller aborts, then the wait rejects with "aborted"', async () => {
    const transport = new SimulatedTransport(device());
    await transport.connect();
    const controller = new AbortController();
    const session = new MeasurementSession(transport, { signal: controller.signal }, 'heart rate reading');
    const waiting = session.guard(new Promise(() => undefined));
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'aborted', message: 'The heart rate reading was cancelled' });
  });

  it('when a handler throws, then the measurement ends with that error', async () => {
    const transport = new SimulatedTransport(device());
    await transport.connect();
    const refused = new Error('refused');
    const result = withSession(transport, {}, 'test', async (session) => {
      await session.subscribe(SERVICE, CHARACTERISTIC, () => {
        throw refused;
      });
      return session.guard(new Promise<never>(() => undefined));
    });
    result.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(100);
    await expect(result).rejects.toBe(refused);
  });

  it('when a wait runs out, then it rejects with "timeout" and leaves no timer behind', async () => {
    const transport = new SimulatedTransport(device());
    await transport.connect();
    const session = new MeasurementSession(transport, {}, 'test');
    const waiting = session.within(new Promise(() => undefined), 1_000, 'Nothing came');
    waiting.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(waiting).rejects.toEqual(new DeviceBridgeError('timeout', 'Nothing came'));
    const quick = await session.within(Promise.resolve(7), 1_000, 'never');
    expect(quick).toBe(7);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('when the session closes, then later notifications are ignored and the listener is removed', async () => {
    const transport = new SimulatedTransport(device());
    await transport.connect();
    const seen: number[] = [];
    await withSession(transport, {}, 'test', async (session) => {
      await session.subscribe(SERVICE, CHARACTERISTIC, (value) => seen.push(value.getUint8(1)));
    });
    await vi.advanceTimersByTimeAsync(500);
    expect(seen).toEqual([]);
  });

  it('when the transport is not connected, then withSession connects it first', async () => {
    const transport = new SimulatedTransport(device());
    await withSession(transport, {}, 'test', async () => undefined);
    expect(transport.connected).toBe(true);
  });

  it('when the signal has already aborted, then withSession does not even connect', async () => {
    const transport = new SimulatedTransport(device());
    await expect(withSession(transport, { signal: AbortSignal.abort() }, 'test', async () => 1)).rejects.toMatchObject({ code: 'aborted' });
    expect(transport.connected).toBe(false);
  });
});
