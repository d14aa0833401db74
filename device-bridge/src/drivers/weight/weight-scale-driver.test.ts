import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { simulatedScale } from '../../simulator/sig-peripherals';
import { SimulatedTransport } from '../../simulator/simulated-transport';
import { MeasurementFormatError } from '../../errors';
import { rejectionOf, withFakeTime } from '../testing/run-with-fake-time';
import { WeightScaleDriver } from './weight-scale-driver';

describe('WeightScaleDriver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when the scale indicates a stable weight, then weight, BMI and height come back', async () => {
    const measurement = await withFakeTime(
      new WeightScaleDriver().measure(new SimulatedTransport(simulatedScale({ kg: 80, heightM: 1.8 }))),
    );
    expect(measurement.reading).toMatchObject({ weight: 80, weightUnit: 'kg', bmi: 24.7, height: 1.8, heightUnit: 'm' });
    expect(measurement.deviceTime).toBe('2025-06-01T09:30:00');
  });

  it('when the measurement is cut short, then it is refused with a MeasurementFormatError naming the field', async () => {
    const error = await rejectionOf(new WeightScaleDriver().measure(new SimulatedTransport(simulatedScale({ fault: 'bad-bytes' }))));
    expect(error).toBeInstanceOf(MeasurementFormatError);
    expect(error).toMatchObject({ code: 'missing-field', field: 'height' });
  });
});
