import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { simulatedPolarH10 } from '../../simulator/ecg-peripherals';
import { SimulatedTransport } from '../../simulator/simulated-transport';
import type { PeripheralFault } from '../../simulator/virtual-peripheral';
import { encodePmdResponse } from '../../simulator/vendor-encoders';
import { bytesToHex } from '../../transport/hex';
import type { MeasurementProgress } from '../driver';
import { rejectionOf, withFakeTime } from '../testing/run-with-fake-time';
import { PolarH10EcgDriver } from './polar-h10-driver';

const START = '02000001820001010e00';
const STOP = '0300';

function strap(fault?: PeripheralFault): SimulatedTransport {
  return new SimulatedTransport(simulatedPolarH10({ fault }));
}

describe('PolarH10EcgDriver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when recording 30 s, then the strip holds 3900 µV samples at 130 Hz, the heart rate is estimated and stop is sent', async () => {
    const transport = strap();
    const progress: MeasurementProgress[] = [];
    const measurement = await withFakeTime(new PolarH10EcgDriver().measure(transport, { onProgress: (p) => progress.push(p) }));
    expect(measurement).toMatchObject({ family: 'ecg', model: 'polar-h10', durationS: 30, deviceTime: '2025-06-01T09:30:00.000Z' });
    expect(measurement.strip).toMatchObject({ sampleRateHz: 130, unit: 'uV', scale: 1 });
    expect(measurement.strip.leads.I).toHaveLength(3900);
    expect(measurement.heartRate.bpm).toBeCloseTo(72, -0.5);
    expect(transport.writes.map((w) => w.hex)).toEqual([START, STOP]);
    const last = progress.filter((p) => p.kind === 'ecg-recording').at(-1);
    expect(last).toMatchObject({ recordedS: 30, durationS: 30 });
  });

  it('when a shorter strip is asked for, then it has exactly that many samples', async () => {
    const measurement = await withFakeTime(new PolarH10EcgDriver().measure(strap(), { durationS: 10 }));
    expect(measurement.strip.leads.I).toHaveLength(1300);
  });

  it.each([
    ['a frame is malformed', 'bad-bytes' as const, 'MeasurementFormatError'],
    ['the strap never answers the start request', 'timeout' as const, 'DeviceBridgeError'],
  ])('when %s, then the recording fails and stop is still sent', async (_, fault, name) => {
    const transport = strap(fault);
    const error = await rejectionOf(new PolarH10EcgDriver().measure(transport));
    expect(error.name).toBe(name);
    expect(transport.writes.map((w) => w.hex)).toEqual([START, STOP]);
  });

  it('when the caller aborts mid-recording, then it rejects with "aborted" and stop is still sent', async () => {
    const transport = new SimulatedTransport(simulatedPolarH10(), { timeScale: 1 });
    const controller = new AbortController();
    const recording = new PolarH10EcgDriver().measure(transport, { signal: controller.signal });
    recording.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(5_000);
    controller.abort();
    expect(await rejectionOf(recording)).toMatchObject({ code: 'aborted' });
    expect(transport.writes.map((w) => w.hex)).toEqual([START, STOP]);
  });

  it('when the strap refuses to start, then the recording is incomplete and stop is still sent', async () => {
    const peripheral = simulatedPolarH10();
    const controlPoint = peripheral.services[0].characteristics[0].uuid;
    // Status 0C: invalid state.
    peripheral.reactions[0].batches = [
      [{ kind: 'notify', characteristic: controlPoint, hex: bytesToHex(encodePmdResponse(0x02, 0x0c)), delayMs: 10 }],
    ];
    const transport = new SimulatedTransport(peripheral);
    const error = await rejectionOf(new PolarH10EcgDriver().measure(transport));
    expect(error).toMatchObject({ code: 'measurement-incomplete' });
    expect(error.message).toContain('invalid-state');
    expect(transport.writes.map((w) => w.hex)).toEqual([START, STOP]);
  });

  it('when the link drops mid-recording, then it rejects with "disconnected" and returns no partial strip', async () => {
    const transport = strap('disconnect-mid-measurement');
    const error = await rejectionOf(new PolarH10EcgDriver().measure(transport));
    expect(error).toMatchObject({ code: 'disconnected' });
    // The stop could not reach a strap that is gone; only the start was written.
    expect(transport.writes.map((w) => w.hex)).toEqual([START]);
  });

  it('when the duration is not a sensible number of seconds, then a TypeError is thrown', async () => {
    await expect(new PolarH10EcgDriver().measure(strap(), { durationS: 0 })).rejects.toThrow(TypeError);
  });
});
