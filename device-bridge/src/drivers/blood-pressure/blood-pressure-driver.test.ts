import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { simulatedBloodPressureMonitor } from '../../simulator/sig-peripherals';
import { SimulatedTransport } from '../../simulator/simulated-transport';
import type { MeasurementProgress } from '../driver';
import { rejectionOf, withFakeTime } from '../testing/run-with-fake-time';
import { BloodPressureDriver } from './blood-pressure-driver';

describe('BloodPressureDriver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when the monitor inflates and indicates its result, then the reading comes back with the cuff pressures as progress and the raw bytes of every value', async () => {
    const transport = new SimulatedTransport(simulatedBloodPressureMonitor());
    const progress: MeasurementProgress[] = [];
    const measurement = await withFakeTime(
      new BloodPressureDriver().measure(transport, { onProgress: (p) => progress.push(p), now: () => new Date('2025-06-01T07:31:00Z') }),
    );
    expect(measurement).toMatchObject({
      family: 'blood-pressure',
      driver: 'sig-blood-pressure',
      receivedAt: '2025-06-01T07:31:00.000Z',
      deviceTime: '2025-06-01T09:30:00',
      reading: { systolic: 128, diastolic: 82, meanArterialPressure: 97, pulseRate: 72, unit: 'mm[Hg]' },
    });
    const pressures = progress.flatMap((p) => (p.kind === 'cuff-pressure' ? [p.pressure] : []));
    expect(Math.max(...pressures)).toBe(152);
    expect(measurement.notifications.at(-1)).toEqual({
      characteristic: '00002a35-0000-1000-8000-00805f9b34fb',
      hex: '16800052006100e907060109' + '1e00' + '48000000',
    });
    expect(measurement.notifications.filter((n) => n.characteristic.startsWith('00002a36'))).toHaveLength(pressures.length);
  });

  it('when the caller aborts while the cuff inflates, then it rejects with "aborted" and stops listening', async () => {
    const transport = new SimulatedTransport(simulatedBloodPressureMonitor(), { timeScale: 1 });
    const controller = new AbortController();
    const measuring = new BloodPressureDriver().measure(transport, { signal: controller.signal });
    measuring.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(2_000);
    controller.abort();
    const error = await rejectionOf(measuring);
    expect(error).toMatchObject({ code: 'aborted', message: 'The blood pressure measurement was cancelled' });
  });

  it('when the monitor sends nothing, then the wait ends after the given timeout', async () => {
    const transport = new SimulatedTransport(simulatedBloodPressureMonitor({ fault: 'timeout' }));
    const error = await rejectionOf(new BloodPressureDriver().measure(transport, { timeoutMs: 30_000 }));
    expect(error).toMatchObject({ code: 'timeout', message: 'The blood pressure monitor sent no reading within 30 s' });
  });
});
