import { describe, expect, it } from 'vitest';
import { estimateHeartRate } from './heart-rate';
import { syntheticEcg } from './testing/synthetic-ecg';

describe('estimateHeartRate', () => {
  it.each([
    [60, 130],
    [120, 130],
    [60, 125],
    [120, 125],
    [60, 500],
    [120, 500],
  ])('when a noisy synthetic ECG at %i bpm is sampled at %i Hz, then the rate is within ±2 bpm and every beat is found', (bpm, sampleRateHz) => {
    const ecg = syntheticEcg({ heartRateBpm: bpm, sampleRateHz, durationS: 20, seed: bpm + sampleRateHz });
    const estimate = estimateHeartRate(ecg.samplesMv, sampleRateHz);
    expect(estimate.bpm).not.toBeNull();
    expect(Math.abs((estimate.bpm ?? 0) - bpm)).toBeLessThanOrEqual(2);
    // Every R peak not cut by the end of the strip is found, within 30 ms.
    const expected = ecg.rPeakTimesS.filter((time) => time < 20 - 0.1);
    const found = estimate.rPeakIndices.map((index) => index / sampleRateHz);
    expect(found.length).toBeGreaterThanOrEqual(expected.length);
    expect(found.length).toBeLessThanOrEqual(ecg.rPeakTimesS.length);
    expected.forEach((time, i) => expect(Math.abs(found[i] - time)).toBeLessThan(0.03));
  });

  it.each([[60], [120]])('when the lead is inverted and much noisier, then %i bpm is still found within ±2 bpm', (bpm) => {
    const ecg = syntheticEcg({
      heartRateBpm: bpm,
      sampleRateHz: 130,
      durationS: 30,
      polarity: -1,
      noiseMv: 0.1,
      baselineWanderMv: 0.5,
      mainsMv: 0.1,
      variability: 0.08,
      seed: 7,
    });
    expect(Math.abs((estimateHeartRate(ecg.samplesMv, 130).bpm ?? 0) - bpm)).toBeLessThanOrEqual(2);
  });

  it('when the samples are integer µV counts (Polar H10), then the result does not depend on the unit', () => {
    const ecg = syntheticEcg({ heartRateBpm: 75, sampleRateHz: 130, durationS: 15, seed: 3 });
    const counts = Int32Array.from(ecg.samplesMv, (mv) => Math.round(mv * 1000));
    const inMv = estimateHeartRate(ecg.samplesMv, 130);
    expect(estimateHeartRate(counts, 130).rPeakIndices).toEqual(inMv.rPeakIndices);
  });

  it('when the rhythm is steady at 60 bpm, then the RR intervals are about 1000 ms', () => {
    const ecg = syntheticEcg({ heartRateBpm: 60, sampleRateHz: 250, durationS: 10, variability: 0, seed: 4 });
    const { rrIntervalsMs } = estimateHeartRate(ecg.samplesMv, 250);
    expect(rrIntervalsMs.length).toBeGreaterThanOrEqual(8);
    for (const rr of rrIntervalsMs) expect(Math.abs(rr - 1000)).toBeLessThanOrEqual(12);
  });

  it.each([[60], [120]])('when T waves are taller than the R waves at %i bpm, then they are not counted as beats', (bpm) => {
    const ecg = syntheticEcg({ heartRateBpm: bpm, sampleRateHz: 130, durationS: 20, tWaveMv: 1.4, seed: 11 });
    const estimate = estimateHeartRate(ecg.samplesMv, 130);
    expect(Math.abs((estimate.bpm ?? 0) - bpm)).toBeLessThanOrEqual(2);
    expect(estimate.rPeakIndices.length).toBeLessThanOrEqual(ecg.rPeakTimesS.length);
  });

  it('when one beat is much smaller than the others, then the search-back over the long gap still finds it', () => {
    const ecg = syntheticEcg({ heartRateBpm: 70, sampleRateHz: 130, durationS: 20, baselineWanderMv: 0, mainsMv: 0, seed: 5 });
    const small = ecg.rPeakTimesS[8];
    ecg.samplesMv.forEach((value, i) => {
      if (Math.abs(i / 130 - small) < 0.12) ecg.samplesMv[i] = value * 0.4;
    });
    const found = estimateHeartRate(ecg.samplesMv, 130).rPeakIndices.map((index) => index / 130);
    expect(found.some((time) => Math.abs(time - small) < 0.03)).toBe(true);
  });

  it('when the lead is flat, then no beat is found and the rate is null', () => {
    expect(estimateHeartRate(new Float64Array(1300), 130)).toStrictEqual({ bpm: null, rrIntervalsMs: [], rPeakIndices: [] });
  });

  it('when the strip holds a single beat, then that beat is found and the rate is null', () => {
    const ecg = syntheticEcg({ heartRateBpm: 60, sampleRateHz: 130, durationS: 5, seed: 2 });
    const peak = Math.round(ecg.rPeakTimesS[1] * 130);
    const estimate = estimateHeartRate(ecg.samplesMv.subarray(peak - 65, peak + 65), 130);
    expect(estimate.rPeakIndices).toHaveLength(1);
    expect(Math.abs(estimate.rPeakIndices[0] - 65)).toBeLessThanOrEqual(3);
    expect(estimate.bpm).toBeNull();
  });

  it.each([[0], [-130], [Number.NaN]])('when the sample rate is %s, then throws a TypeError', (rate) => {
    expect(() => estimateHeartRate([0, 1, 0], rate)).toThrow(TypeError);
  });

  it('when a sample is not finite, then throws a TypeError naming it', () => {
    expect(() => estimateHeartRate([0, 1, Number.NaN, 0], 130)).toThrow('sample 2 is NaN');
  });
});
