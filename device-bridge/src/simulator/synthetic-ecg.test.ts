import { describe, expect, it } from 'vitest';
import { estimateHeartRate } from '../ecg/heart-rate';
import { syntheticEcgLeads } from './synthetic-ecg';

describe('syntheticEcgLeads', () => {
  it.each([
    [72, 130],
    [72, 250],
    [110, 125],
    [48, 500],
  ])('when made at %s bpm and %s Hz, then the package own R-peak detector finds that rate in lead II', (bpm, rate) => {
    const leads = syntheticEcgLeads({ heartRateBpm: bpm, sampleRateHz: rate, durationS: 20 });
    expect(leads.II).toHaveLength(20 * rate);
    expect(estimateHeartRate(leads.II, rate).bpm).toBeGreaterThan(bpm * 0.97);
    expect(estimateHeartRate(leads.II, rate).bpm).toBeLessThan(bpm * 1.03);
  });

  it('when looking at V1 and V4, then V1 is mostly negative (deep S) and V4 has the tallest R', () => {
    const leads = syntheticEcgLeads({ heartRateBpm: 60, sampleRateHz: 250, durationS: 5 });
    expect(Math.min(...leads.V1)).toBeLessThan(-0.8);
    expect(Math.max(...leads.V4)).toBeGreaterThan(Math.max(...leads.I));
  });

  it('when made twice with the same seed, then the samples are the same', () => {
    const a = syntheticEcgLeads({ heartRateBpm: 72, sampleRateHz: 125, durationS: 2, seed: 7 });
    const b = syntheticEcgLeads({ heartRateBpm: 72, sampleRateHz: 125, durationS: 2, seed: 7 });
    expect(b.V6).toEqual(a.V6);
  });

  it('when the rate is not positive, then a TypeError names it', () => {
    expect(() => syntheticEcgLeads({ heartRateBpm: 0, sampleRateHz: 250, durationS: 1 })).toThrow(/heartRateBpm/);
  });
});
