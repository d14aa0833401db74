import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { simulatedHeartRateSensor } from '../../simulator/sig-peripherals';
import { SimulatedTransport } from '../../simulator/simulated-transport';
import type { VirtualPeripheral } from '../../simulator/virtual-peripheral';
import { withFakeTime } from '../testing/run-with-fake-time';
import { HeartRateDriver } from './heart-rate-driver';

const MEASUREMENT = '00002a37-0000-1000-8000-00805f9b34fb';

describe('HeartRateDriver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when five readings with contact arrive, then the last one is the reading', async () => {
    const measurement = await withFakeTime(new HeartRateDriver().measure(new SimulatedTransport(simulatedHeartRateSensor())));
    expect(measurement.reading).toMatchObject({ heartRate: 72, sensorContact: 'detected' });
    expect(measurement.notifications).toHaveLength(5);
  });

  it('when the strap loses contact, then the run starts again', async () => {
    const peripheral: VirtualPeripheral = simulatedHeartRateSensor();
    const contact = (bpm: number) => ({
      kind: 'notify' as const,
      characteristic: MEASUREMENT,
      hex: `06${bpm.toString(16)}`,
      delayMs: 1_000,
    });
    const noContact = { kind: 'notify' as const, characteristic: MEASUREMENT, hex: '0400', delayMs: 1_000 };
    peripheral.reactions[0].batches = [[contact(70), noContact, contact(72), contact(73)]];
    const measurement = await withFakeTime(new HeartRateDriver({ readings: 2 }).measure(new SimulatedTransport(peripheral)));
    expect(measurement.reading.heartRate).toBe(73);
  });

  it('when built with a run length below one, then a TypeError says so', () => {
    expect(() => new HeartRateDriver({ readings: 0 })).toThrow(TypeError);
  });
});
