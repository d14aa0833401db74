import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LEAD_NAMES } from '../../ecg/leads';
import { createDemoEightLeadDriver } from '../../simulator/demo-eight-lead';
import { simulatedEightLeadEcg } from '../../simulator/ecg-peripherals';
import { SimulatedTransport } from '../../simulator/simulated-transport';
import { rejectionOf, withFakeTime } from '../testing/run-with-fake-time';

describe('EightLeadEcgDriver (with the demo protocol)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when recording 10 s, then all twelve leads come back with the derived ones computed and stop is sent', async () => {
    const transport = new SimulatedTransport(simulatedEightLeadEcg());
    const measurement = await withFakeTime(createDemoEightLeadDriver().measure(transport, { durationS: 10 }));
    expect(Object.keys(measurement.strip.leads).sort()).toEqual([...LEAD_NAMES].sort());
    for (const lead of LEAD_NAMES) expect(measurement.strip.leads[lead]).toHaveLength(2500);
    const { I, II, III } = measurement.strip.leads as Record<string, number[]>;
    expect(III.slice(0, 50)).toEqual(II.slice(0, 50).map((value, i) => value - I[i]));
    expect(measurement.heartRate.bpm).toBeCloseTo(72, -0.5);
    expect(transport.writes.map((w) => w.hex)).toEqual(['01', '02']);
  });

  it('when a block is malformed, then the recording is refused and stop is still sent', async () => {
    const transport = new SimulatedTransport(simulatedEightLeadEcg({ fault: 'bad-bytes' }));
    const error = await rejectionOf(createDemoEightLeadDriver().measure(transport));
    expect(error.name).toBe('MeasurementFormatError');
    expect(transport.writes.map((w) => w.hex)).toEqual(['01', '02']);
  });
});
