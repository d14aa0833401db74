import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { simulatedThermometer } from '../../simulator/sig-peripherals';
import { SimulatedTransport } from '../../simulator/simulated-transport';
import type { VirtualPeripheral } from '../../simulator/virtual-peripheral';
import type { MeasurementProgress } from '../driver';
import { withFakeTime } from '../testing/run-with-fake-time';
import { ThermometerDriver } from './thermometer-driver';

const MEASUREMENT = '00002a1c-0000-1000-8000-00805f9b34fb';

describe('ThermometerDriver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when the thermometer sends intermediate values and then its measurement, then 36.8 °C at the ear comes back', async () => {
    const progress: MeasurementProgress[] = [];
    const measurement = await withFakeTime(
      new ThermometerDriver().measure(new SimulatedTransport(simulatedThermometer()), { onProgress: (p) => progress.push(p) }),
    );
    expect(measurement.reading).toEqual({
      temperature: 36.8,
      unit: 'Cel',
      temperatureType: 'ear',
      timestamp: expect.objectContaining({ kind: 'known', local: '2025-06-01T09:30:00' }),
    });
    expect(progress.filter((p) => p.kind === 'intermediate-temperature')).toHaveLength(4);
  });

  it('when the measurement does not say where it was taken, then the Temperature Type characteristic is read', async () => {
    const peripheral: VirtualPeripheral = simulatedThermometer();
    // flags 00, FLOAT 368 × 10^-1: no time stamp, no type.
    peripheral.reactions[0].batches = [[{ kind: 'notify', characteristic: MEASUREMENT, hex: '00700100ff', delayMs: 10 }]];
    const measurement = await withFakeTime(new ThermometerDriver().measure(new SimulatedTransport(peripheral)));
    expect(measurement.reading).toEqual({ temperature: 36.8, unit: 'Cel', temperatureType: 'ear' });
    expect(measurement.deviceTime).toBeUndefined();
  });
});
