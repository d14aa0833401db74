/**
 * Test helper: a synthetic single-lead ECG in millivolts, deterministic for a
 * given seed. Each beat is a sum of Gaussian waves (P, Q, R, S, T) placed
 * around its R peak, with the P and T offsets scaled by √RR as the QT interval
 * shortens with rate; beat-to-beat variability, white noise, baseline wander
 * and mains hum are added on top. Not exported from the package.
 */

/** How the synthetic ECG is made. */
export interface SyntheticEcgOptions {
  heartRateBpm: number;
  sampleRateHz: number;
  durationS: number;
  /** Standard deviation of white noise, mV (default 0.03). */
  noiseMv?: number;
  /** Amplitude of a 0.3 Hz baseline wander, mV (default 0.2). */
  baselineWanderMv?: number;
  /** Amplitude of 50 Hz mains hum, mV (default 0.03). */
  mainsMv?: number;
  /** Largest relative change of each RR interval (default 0.03, i.e. ±3 %). */
  variability?: number;
  /** Amplitude of the T wave, mV (default 0.35; 1 or more draws tall, peaked T waves). */
  tWaveMv?: number;
  /** R amplitude sign: −1 draws an inverted lead. */
  polarity?: 1 | -1;
  seed?: number;
}

/** A synthetic ECG and the times of the R peaks it contains. */
export interface SyntheticEcg {
  samplesMv: Float64Array;
  rPeakTimesS: number[];
}

// amplitude mV, offset from R in s (×√RR for P and T), width (σ) in s
const WAVES = [
  { amplitude: 0.12, offset: -0.2, width: 0.025, scalesWithRr: true },
  { amplitude: -0.12, offset: -0.03, width: 0.008, scalesWithRr: false },
  { amplitude: 1.1, offset: 0, width: 0.01, scalesWithRr: false },
  { amplitude: -0.3, offset: 0.03, width: 0.01, scalesWithRr: false },
  { amplitude: 0.35, offset: 0.3, width: 0.05, scalesWithRr: true },
] as const;

/** Generates the ECG described by `options`. */
export function syntheticEcg(options: SyntheticEcgOptions): SyntheticEcg {
  const { heartRateBpm, sampleRateHz, durationS } = options;
  const random = mulberry32(options.seed ?? 1);
  const variability = options.variability ?? 0.03;
  const meanRr = 60 / heartRateBpm;

  const rPeakTimesS: number[] = [];
  const rrOfBeat: number[] = [];
  for (let t = 0.3 + random() * meanRr; t < durationS; ) {
    const rr = meanRr * (1 + variability * (2 * random() - 1));
    rPeakTimesS.push(t);
    rrOfBeat.push(rr);
    t += rr;
  }

  const count = Math.round(durationS * sampleRateHz);
  const samplesMv = new Float64Array(count);
  const noise = options.noiseMv ?? 0.03;
  const wander = options.baselineWanderMv ?? 0.2;
  const mains = options.mainsMv ?? 0.03;
  const polarity = options.polarity ?? 1;
  const tWave = options.tWaveMv;
  const waves = WAVES.map((wave, i) => (i === WAVES.length - 1 && tWave !== undefined ? { ...wave, amplitude: tWave } : wave));
  for (let i = 0; i < count; i++) {
    const t = i / sampleRateHz;
    let value = 0;
    rPeakTimesS.forEach((peak, beat) => {
      if (Math.abs(t - peak) > 1) return;
      const stretch = Math.sqrt(rrOfBeat[beat]);
      for (const wave of waves) {
        const centre = peak + wave.offset * (wave.scalesWithRr ? stretch : 1);
        value += wave.amplitude * Math.exp(-((t - centre) ** 2) / (2 * wave.width ** 2));
      }
    });
    value *= polarity;
    value += wander * Math.sin(2 * Math.PI * 0.3 * t) + mains * Math.sin(2 * Math.PI * 50 * t);
    value += noise * gaussian(random);
    samplesMv[i] = value;
  }
  return { samplesMv, rPeakTimesS };
}

// Small seeded PRNG (mulberry32): uniform in [0, 1).
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Standard normal deviate (Box–Muller).
function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
