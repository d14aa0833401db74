import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeviceBridgeError } from '../transport/errors';
import { simulatedBloodPressureMonitor } from './sig-peripherals';
import { SimulatedTransport } from './simulated-transport';

const BP = 0x1810;
const MEASUREMENT = 0x2a35;
const FEATURE = 0x2a49;

describe('SimulatedTransport', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when connected, then it names the device, lists the services and reads static values', async () => {
    const transport = new SimulatedTransport(simulatedBloodPressureMonitor());
    expect(transport.device).toEqual({ id: 'C0:FF:EE:00:00:01', name: 'BP Monitor (simulated)' });
    await transport.connect();
    expect(await transport.services()).toEqual([
      '00001810-0000-1000-8000-00805f9b34fb',
      '0000180a-0000-1000-8000-00805f9b34fb',
      '0000180f-0000-1000-8000-00805f9b34fb',
    ]);
    expect(new Uint8Array((await transport.read(BP, FEATURE)).buffer)).toEqual(Uint8Array.of(0, 0));
    expect(await transport.hasCharacteristic(BP, 0x2a99)).toBe(false);
  });

  it('when a characteristic cannot do what is asked, then it fails with "gatt-error" like the browser would', async () => {
    const transport = new SimulatedTransport(simulatedBloodPressureMonitor());
    await transport.connect();
    await expect(transport.read(BP, MEASUREMENT)).rejects.toMatchObject({
      code: 'gatt-error',
      message: '2A35 on BP Monitor (simulated) does not support read',
    });
    await expect(transport.write(BP, 0x2a99, Uint8Array.of(1))).rejects.toMatchObject({ code: 'gatt-error' });
  });

  it('when subscribed in real time, then the script plays at its own pace', async () => {
    const transport = new SimulatedTransport(simulatedBloodPressureMonitor(), { timeScale: 1 });
    await transport.connect();
    const values: string[] = [];
    await transport.subscribe(BP, 0x2a36, (value) => values.push(String(value.getUint8(1))));
    await transport.subscribe(BP, MEASUREMENT, () => values.push('result'));
    await vi.advanceTimersByTimeAsync(250);
    expect(values).toEqual(['0']);
    await vi.advanceTimersByTimeAsync(250);
    expect(values).toEqual(['0', '10']);
  });

  it('when the device drops the link, then listeners hear it, pending operations reject and it can connect again', async () => {
    const transport = new SimulatedTransport(simulatedBloodPressureMonitor());
    await transport.connect();
    const heard: DeviceBridgeError[] = [];
    transport.onDisconnect((error) => heard.push(error));
    transport.simulateDisconnection();
    expect(heard.map((e) => e.message)).toEqual(['BP Monitor (simulated) disconnected']);
    expect(transport.connected).toBe(false);
    await expect(transport.read(BP, FEATURE)).rejects.toMatchObject({ code: 'disconnected' });
    await transport.connect();
    expect(transport.connected).toBe(true);
  });

  it('when the caller aborts an operation, then it rejects with "aborted"', async () => {
    const transport = new SimulatedTransport(simulatedBloodPressureMonitor());
    await transport.connect();
    await expect(transport.read(BP, FEATURE, { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'aborted' });
  });
});
