import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SimulatedTransport } from '../../simulator/simulated-transport';
import { simulatedSp80b } from '../../simulator/vendor-peripherals';
import { rejectionOf, withFakeTime } from '../testing/run-with-fake-time';
import { ContecSp80bDriver } from './contec-sp80b-driver';

describe('ContecSp80bDriver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when the device sends its curve and record in 20-byte pieces, then one SpirometryResult comes back', async () => {
    const measurement = await withFakeTime(new ContecSp80bDriver().measure(new SimulatedTransport(simulatedSp80b())));
    expect(measurement.result).toEqual({
      fvcL: 3.2,
      fev1L: 2.6,
      fev1FvcPercent: 81.3,
      pefLps: 7.2,
      fef25Lps: 6.3,
      fef2575Lps: 3.5,
      fef75Lps: 1.8,
      fef50Lps: 4.1,
      fev05L: 1.6,
      fev3L: 3.05,
      fev6L: 3.18,
    });
    expect(measurement.pefTimeRaw).toBe(12);
    expect(measurement.notifications.every((n) => n.hex.length <= 40)).toBe(true);
  });

  it('when the result contradicts itself, then it is refused', async () => {
    const peripheral = simulatedSp80b({
      result: {
        fvcL: 2.5,
        fev05L: 1.6,
        fev1L: 2.6,
        fev1FvcPercent: 81.3,
        fev3L: 3.05,
        fev6L: 3.18,
        pefLps: 7.2,
        fef25Lps: 6.3,
        fef50Lps: 4.1,
        fef75Lps: 1.8,
        fef2575Lps: 3.5,
        pefTimeRaw: 12,
      },
    });
    const error = await rejectionOf(new ContecSp80bDriver().measure(new SimulatedTransport(peripheral)));
    expect(error).toMatchObject({ name: 'MeasurementFormatError', code: 'inconsistent' });
  });
});
