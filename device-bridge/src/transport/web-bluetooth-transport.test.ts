import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeviceBridgeError } from './errors';
import { FakeBluetoothDevice, FakeDomError } from './testing/fake-web-bluetooth';
import { WebBluetoothTransport } from './web-bluetooth-transport';

const HEART_RATE = 0x180d;
const MEASUREMENT = 0x2a37;
const BATTERY = 0x180f;
const LEVEL = 0x2a19;
const CONTROL = 0x2a39;

function strap(): FakeBluetoothDevice {
  return new FakeBluetoothDevice('dev-1', 'Polar H10 1234', [
    {
      uuid: HEART_RATE,
      characteristics: [
        { uuid: MEASUREMENT, properties: { notify: true } },
        { uuid: CONTROL, properties: { writeWithoutResponse: true } },
      ],
    },
    { uuid: BATTERY, characteristics: [{ uuid: LEVEL, properties: { read: true, write: true }, value: [85] }] },
  ]);
}

const noJitter = { maxAttempts: 3, initialDelayMs: 1_000, maxDelayMs: 4_000, multiplier: 2, jitter: 0 };

async function rejection(promise: Promise<unknown>): Promise<DeviceBridgeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DeviceBridgeError) return error;
    throw error;
  }
  throw new Error('expected a DeviceBridgeError');
}

describe('WebBluetoothTransport', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when subscribing, then the listener is attached before startNotifications() and gets a copy of each value', async () => {
    const device = strap();
    const transport = new WebBluetoothTransport(device);
    await transport.connect();
    const values: number[][] = [];
    await transport.subscribe(HEART_RATE, MEASUREMENT, (view) => values.push(Array.from(new Uint8Array(view.buffer))));
    const log = device.log;
    expect(log.indexOf('listen 2a37')).toBeGreaterThan(-1);
    expect(log.indexOf('listen 2a37')).toBeLessThan(log.indexOf('start 2a37'));
    device.characteristic(MEASUREMENT).notify([0x00, 0x48]);
    expect(values).toEqual([[0x00, 0x48]]);
  });

  it('when unsubscribing, then the listener is removed and the device told to stop', async () => {
    const device = strap();
    const transport = new WebBluetoothTransport(device);
    await transport.connect();
    const unsubscribe = await transport.subscribe(HEART_RATE, MEASUREMENT, () => undefined);
    await unsubscribe();
    expect(device.characteristic(MEASUREMENT).listenerCount).toBe(0);
    expect(device.log).toContain('stop 2a37');
  });

  it('when reading and writing, then the values pass through and the write kind follows the properties', async () => {
    const device = strap();
    const transport = new WebBluetoothTransport(device);
    await transport.connect();
    expect(new Uint8Array((await transport.read(BATTERY, LEVEL)).buffer)).toEqual(Uint8Array.of(85));
    await transport.write(HEART_RATE, CONTROL, Uint8Array.of(0x01));
    await transport.write(BATTERY, LEVEL, Uint8Array.of(0x02));
    await transport.write(BATTERY, LEVEL, Uint8Array.of(0x03), { withResponse: false });
    expect(device.log.filter((line) => line.startsWith('write'))).toEqual([
      'write-without-response 2a39 01',
      'write 2a19 02',
      'write-without-response 2a19 03',
    ]);
  });

  it('when two reads are asked for at once, then the second GATT call starts only after the first answered', async () => {
    const device = strap();
    const transport = new WebBluetoothTransport(device);
    await transport.connect();
    device.hang.add('read 2a19');
    const first = rejection(transport.read(BATTERY, LEVEL));
    const second = transport.services();
    await vi.advanceTimersByTimeAsync(100);
    expect(device.log).not.toContain('services');
    await vi.advanceTimersByTimeAsync(8_000);
    expect((await first).code).toBe('timeout');
    device.hang.clear();
    await expect(second).resolves.toEqual(['0000180d-0000-1000-8000-00805f9b34fb', '0000180f-0000-1000-8000-00805f9b34fb']);
  });

  it('when a characteristic is missing, then hasCharacteristic answers false and a read fails with "gatt-error"', async () => {
    const transport = new WebBluetoothTransport(strap());
    await transport.connect();
    expect(await transport.hasCharacteristic(HEART_RATE, 0x2a38)).toBe(false);
    expect(await transport.hasCharacteristic(0x1810, 0x2a35)).toBe(false);
    expect(await transport.hasCharacteristic(BATTERY, LEVEL)).toBe(true);
    const error = await rejection(transport.read(HEART_RATE, 0x2a38));
    expect(error.code).toBe('gatt-error');
    expect(error.message).toContain('Reading 2A38 on Polar H10 1234 failed (NotFoundError');
  });

  it('when the browser refuses a call, then the DOMException becomes a "gatt-error" that keeps it as cause', async () => {
    const device = strap();
    const transport = new WebBluetoothTransport(device);
    await transport.connect();
    const cause = new FakeDomError('NotSupportedError', 'GATT operation not permitted.');
    device.failOnce.set('read 2a19', cause);
    const error = await rejection(transport.read(BATTERY, LEVEL));
    expect(error).toMatchObject({ code: 'gatt-error', cause });
  });

  it('when not connected, then an operation rejects with "disconnected" without touching the device', async () => {
    const device = strap();
    const transport = new WebBluetoothTransport(device);
    expect((await rejection(transport.read(BATTERY, LEVEL))).code).toBe('disconnected');
    expect(device.log).toEqual([]);
  });

  it('when the connection attempt hangs, then it times out and the pending attempt is cancelled', async () => {
    const device = strap();
    device.hang.add('connect');
    const transport = new WebBluetoothTransport(device, { connectTimeoutMs: 10_000 });
    const error = rejection(transport.connect());
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await error).code).toBe('timeout');
    expect(device.log).toEqual(['connect', 'disconnect']);
    expect(transport.state).toBe('idle');
  });

  it('when the link drops, then pending calls reject, listeners hear it, and after a back-off the transport reconnects, fetches the services again and subscribes again', async () => {
    const device = strap();
    const transport = new WebBluetoothTransport(device, { reconnect: noJitter });
    const states: string[] = [];
    transport.onStateChange((state) => states.push(state));
    const disconnections: DeviceBridgeError[] = [];
    transport.onDisconnect((error) => disconnections.push(error));
    await transport.connect();
    const values: number[] = [];
    await transport.subscribe(HEART_RATE, MEASUREMENT, (view) => values.push(view.getUint8(1)));
    const before = device.characteristic(MEASUREMENT);
    device.hang.add('read 2a19');
    const pending = rejection(transport.read(BATTERY, LEVEL));
    device.hang.clear();

    device.dropLink();
    expect((await pending).code).toBe('disconnected');
    expect(disconnections.map((e) => e.message)).toEqual(['Polar H10 1234 disconnected']);
    expect(before.listenerCount).toBe(0);
    expect(transport.connected).toBe(false);
    device.log.length = 0;

    await vi.advanceTimersByTimeAsync(999);
    expect(device.log).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(device.log).toEqual(['connect', 'service 180d', 'characteristic 2a37', 'listen 2a37', 'start 2a37']);
    expect(transport.connected).toBe(true);
    expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);

    const after = device.characteristic(MEASUREMENT);
    expect(after).not.toBe(before);
    after.notify([0x00, 0x50]);
    expect(values).toEqual([0x50]);
  });

  it('when reconnection attempts fail, then it waits longer each time and reports the device lost after the last', async () => {
    const device = strap();
    const transport = new WebBluetoothTransport(device, { reconnect: noJitter });
    await transport.connect();
    device.log.length = 0;
    device.failOnce.set('connect', new FakeDomError('NetworkError', 'Connection failed for unknown reason.'));
    device.dropLink();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(device.log.filter((line) => line === 'connect')).toHaveLength(1);
    device.hang.add('connect');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(device.log.filter((line) => line === 'connect')).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(15_000 + 4_000 + 15_000);
    expect(device.log.filter((line) => line === 'connect')).toHaveLength(3);
    expect(transport.state).toBe('lost');
  });

  it('when the caller disconnects, then no reconnection follows and the disconnect listeners hear it once', async () => {
    const device = strap();
    const transport = new WebBluetoothTransport(device, { reconnect: noJitter });
    const heard = vi.fn();
    transport.onDisconnect(heard);
    await transport.connect();
    await transport.subscribe(HEART_RATE, MEASUREMENT, () => undefined);
    await transport.disconnect();
    device.dropLink();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard.mock.calls[0][0]).toMatchObject({ code: 'disconnected' });
    expect(device.log.filter((line) => line === 'connect')).toHaveLength(1);
    expect(device.disconnectListenerCount).toBe(0);
    expect(transport.state).toBe('closed');
  });

  it('when the caller connects during the back-off, then the reconnection gives way and the subscriptions are restored', async () => {
    const device = strap();
    const transport = new WebBluetoothTransport(device, { reconnect: noJitter });
    await transport.connect();
    const values: number[] = [];
    await transport.subscribe(HEART_RATE, MEASUREMENT, (view) => values.push(view.getUint8(1)));
    device.dropLink();
    expect(transport.state).toBe('reconnecting');
    await transport.connect();
    expect(transport.state).toBe('connected');
    device.characteristic(MEASUREMENT).notify([0x00, 0x42]);
    expect(values).toEqual([0x42]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(device.log.filter((line) => line === 'connect')).toHaveLength(2);
  });

  it('when reconnection is turned off, then a dropped link leaves the device lost', async () => {
    const device = strap();
    const transport = new WebBluetoothTransport(device, { reconnect: false });
    await transport.connect();
    device.dropLink();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(transport.state).toBe('lost');
    expect(device.log.filter((line) => line === 'connect')).toHaveLength(1);
  });

  it('when the device has no GATT server, then connect rejects with "gatt-error"', async () => {
    const transport = new WebBluetoothTransport({
      id: 'x',
      name: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    });
    const error = await rejection(transport.connect());
    expect(error).toMatchObject({ code: 'gatt-error', message: 'The device offers no GATT server' });
  });
});
