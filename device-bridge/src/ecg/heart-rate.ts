/**
 * Heart rate from one ECG lead: a small Pan–Tompkins-style R-peak detector.
 *
 *   samples → band-pass (minus a 200 ms moving average, then a 25 ms one)
 *           → derivative → squared → 150 ms moving-window integral
 *           → peaks of the integral (none within 100 ms of either end) against
 *             an adaptive threshold, learnt on the first three seconds
 *             (threshold = noise level + ¼ (signal level − noise level),
 *              both levels running averages of the peaks classified so far)
 *           → 200 ms refractory period; a peak within 360 ms of a beat whose
 *             steepest slope is under half that beat's is a T wave; a gap over
 *             1.66 × the mean RR interval is searched again at half the threshold
 *           → each beat placed on the largest deflection of the filtered lead.
 *
 * Every moving average is centred, so the filters add no delay. The rate is
 * taken from the median RR interval, so one missed or extra beat barely moves it.
 * Meant for a strip of a few seconds or more: rhythm analysis is not its job.
 */

/** What {@link estimateHeartRate} found. */
export interface HeartRateEstimate {
  /** Beats per minute from the median RR interval; `null` when fewer than two beats were found. */
  bpm: number | null;
  /** Intervals between consecutive R peaks, ms. */
  rrIntervalsMs: number[];
  /** Sample indices of the R peaks. */
  rPeakIndices: number[];
}

interface Beat {
  /** Index of the peak of the integrated signal. */
  index: number;
  /** Height of that peak. */
  energy: number;
  /** Steepest slope of the filtered lead around it. */
  slope: number;
}

/** Finds the R peaks of one lead (any unit, either polarity) and the heart rate; throws TypeError for a bad rate or non-finite samples. */
export function estimateHeartRate(samples: ArrayLike<number>, sampleRateHz: number): HeartRateEstimate {
  if (!(Number.isFinite(sampleRateHz) && sampleRateHz > 0)) {
    throw new TypeError(`estimateHeartRate(): sample rate must be a positive number, got ${sampleRateHz}`);
  }
  const signal = Float64Array.from(samples);
  const invalid = signal.findIndex((value) => !Number.isFinite(value));
  if (invalid >= 0) throw new TypeError(`estimateHeartRate(): sample ${invalid} is ${signal[invalid]}, not a finite number`);

  const samplesIn = (seconds: number): number => Math.max(1, Math.round(seconds * sampleRateHz));
  const baseline = movingAverage(signal, samplesIn(0.2));
  const filtered = movingAverage(signal.map((value, i) => value - baseline[i]), samplesIn(0.025));
  const slope = new Float64Array(filtered.length);
  for (let i = 1; i < filtered.length - 1; i++) slope[i] = ((filtered[i + 1] - filtered[i - 1]) * sampleRateHz) / 2;
  const energy = movingAverage(slope.map((value) => value * value), samplesIn(0.15));

  const beats = detectBeats(energy, slope, {
    refractory: samplesIn(0.2),
    tWaveWindow: samplesIn(0.36),
    peakNeighbourhood: samplesIn(0.1),
    learning: samplesIn(3),
  });

  // Place each beat on the largest deflection of the filtered lead near the energy peak.
  const reach = samplesIn(0.1);
  const rPeakIndices: number[] = [];
  for (const beat of beats) {
    let best = beat.index;
    for (let i = Math.max(0, beat.index - reach); i <= Math.min(filtered.length - 1, beat.index + reach); i++) {
      if (Math.abs(filtered[i]) > Math.abs(filtered[best])) best = i;
    }
    const previous = rPeakIndices[rPeakIndices.length - 1];
    if (previous === undefined || best - previous >= samplesIn(0.2)) rPeakIndices.push(best);
  }

  const rrIntervalsMs = rPeakIndices.slice(1).map((index, i) => ((index - rPeakIndices[i]) * 1000) / sampleRateHz);
  const bpm = rrIntervalsMs.length === 0 ? null : Math.round((60_000 / median(rrIntervalsMs)) * 10) / 10;
  return { bpm, rrIntervalsMs, rPeakIndices };
}

interface DetectorWindows {
  refractory: number;
  tWaveWindow: number;
  peakNeighbourhood: number;
  learning: number;
}

function detectBeats(energy: Float64Array, slope: Float64Array, windows: DetectorWindows): Beat[] {
  // Near either end the moving averages see half a window: their output there is not to be trusted.
  const margin = windows.peakNeighbourhood;
  const candidates = localMaxima(energy, windows.peakNeighbourhood).filter(
    (index) => index >= margin && index < energy.length - margin,
  );
  if (candidates.length === 0) return [];

  // Learning phase: levels from the first three seconds (Pan–Tompkins use two; three still hold a beat at 30 bpm).
  const learning = energy.subarray(0, Math.min(energy.length, windows.learning));
  let signalLevel = learning.reduce((max, value) => Math.max(max, value), 0) / 3;
  let noiseLevel = learning.reduce((sum, value) => sum + value, 0) / learning.length / 2;
  const threshold = (): number => noiseLevel + 0.25 * (signalLevel - noiseLevel);
  const steepest = (index: number): number => {
    let max = 0;
    for (let i = Math.max(0, index - windows.peakNeighbourhood); i <= Math.min(slope.length - 1, index + windows.peakNeighbourhood); i++) {
      max = Math.max(max, Math.abs(slope[i]));
    }
    return max;
  };

  const beats: Beat[] = [];
  for (const index of candidates) {
    const height = energy[index];
    const last = beats[beats.length - 1];
    if (last !== undefined && index - last.index < windows.refractory) {
      // The same complex seen twice: keep its stronger maximum.
      if (height > last.energy) beats[beats.length - 1] = { index, energy: height, slope: steepest(index) };
      continue;
    }
    if (height <= threshold()) {
      noiseLevel = 0.125 * height + 0.875 * noiseLevel;
      continue;
    }
    const beatSlope = steepest(index);
    if (last !== undefined && index - last.index < windows.tWaveWindow && beatSlope < last.slope / 2) {
      noiseLevel = 0.125 * height + 0.875 * noiseLevel;
      continue;
    }
    const missed = last === undefined ? undefined : searchBack(last.index, index);
    if (missed !== undefined) {
      beats.push(missed);
      signalLevel = 0.25 * missed.energy + 0.75 * signalLevel;
    }
    beats.push({ index, energy: height, slope: beatSlope });
    signalLevel = 0.125 * height + 0.875 * signalLevel;
  }
  return beats;

  // A gap much longer than the recent rhythm probably hides a beat under the threshold: look again at half of it.
  function searchBack(from: number, to: number): Beat | undefined {
    const recent = beats.slice(-9).map((beat) => beat.index);
    if (recent.length < 3) return undefined;
    const meanRr = (recent[recent.length - 1] - recent[0]) / (recent.length - 1);
    if (to - from <= 1.66 * meanRr) return undefined;
    let best: number | undefined;
    for (const index of candidates) {
      if (index <= from + windows.refractory || index >= to - windows.refractory) continue;
      if (energy[index] > threshold() / 2 && (best === undefined || energy[index] > energy[best])) best = index;
    }
    return best === undefined ? undefined : { index: best, energy: energy[best], slope: steepest(best) };
  }
}

// Indices that hold the largest value within ±`neighbourhood` samples (the first one on a plateau).
function localMaxima(values: Float64Array, neighbourhood: number): number[] {
  const maxima: number[] = [];
  for (let i = 1; i < values.length - 1; i++) {
    if (!(values[i] > values[i - 1] && values[i] >= values[i + 1])) continue;
    let isLargest = true;
    for (let j = Math.max(0, i - neighbourhood); j <= Math.min(values.length - 1, i + neighbourhood) && isLargest; j++) {
      if (values[j] > values[i]) isLargest = false;
    }
    if (isLargest) maxima.push(i);
  }
  return maxima;
}

// Centred moving average over `width` samples; near the ends, over the samples there are.
function movingAverage(values: Float64Array, width: number): Float64Array {
  const half = Math.floor(width / 2);
  const prefix = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) prefix[i + 1] = prefix[i] + values[i];
  return values.map((_, i) => {
    const from = Math.max(0, i - half);
    const to = Math.min(values.length, i + half + 1);
    return (prefix[to] - prefix[from]) / (to - from);
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
