/**
 * A synthetic 8-lead ECG for the simulator, deterministic for a seed. Each
 * beat is a sum of Gaussian waves (P, Q, R, S, T) with amplitudes per lead
 * that give each lead its textbook shape (V1 mostly negative, R growing from
 * V1 to V4); P and T move with √RR as the QT interval shortens with rate.
 * Small beat-to-beat variability, noise and baseline wander are added.
 */
import type { RecordedLeadName } from '../ecg/leads';

/** How the ECG is made. */
export interface SyntheticEcgOptions {
  heartRateBpm: number;
  sampleRateHz: number;
  durationS: number;
  /** Seed of the pseudo-random variability and noise (default 1). */
  seed?: number;
}

/** Samples of the eight recorded leads, mV. */
export type SyntheticEcgLeads = Record<RecordedLeadName, Float64Array>;

// Offset from R (s, × √RR for P and T) and width (σ, s) of each wave.
const WAVES = [
  { offset: -0.2, width: 0.025, scalesWithRr: true },
  { offset: -0.03, width: 0.008, scalesWithRr: false },
  { offset: 0, width: 0.01, scalesWithRr: false },
  { offset: 0.03, width: 0.01, scalesWithRr: false },
  { offset: 0.3, width: 0.05, scalesWithRr: true },
] as const;

// Amplitudes (mV) of P, Q, R, S, T in each lead.
const AMPLITUDES: Readonly<Record<RecordedLeadName, readonly number[]>> = {
  I: [0.1, -0.05, 0.8, -0.1, 0.25],
  II: [0.15, -0.1, 1.2, -0.25, 0.35],
  V1: [0.08, 0, 0.3, -1.0, 0.1],
  V2: [0.08, 0, 0.6, -1.2, 0.4],
  V3: [0.08, -0.05, 0.9, -0.8, 0.45],
  V4: [0.1, -0.08, 1.4, -0.5, 0.4],
  V5: [0.1, -0.1, 1.3, -0.3, 0.35],
  V6: [0.1, -0.1, 1.0, -0.2, 0.3],
};

const LEADS = Object.keys(AMPLITUDES) as RecordedLeadName[];

/** Generates the eight leads; throws TypeError for a rate, sample rate or duration that is not positive. */
export function syntheticEcgLeads(options: SyntheticEcgOptions): SyntheticEcgLeads {
  const { heartRateBpm, sampleRateHz, durationS } = options;
  for (const [name, value] of Object.entries({ heartRateBpm, sampleRateHz, durationS })) {
    if (!(Number.isFinite(value) && value > 0)) throw new TypeError(`syntheticEcgLeads(): ${name} must be positive, got ${value}`);
  }
  const random = mulberry32(options.seed ?? 1);
  const count = Math.round(durationS * sampleRateHz);
  const leads = Object.fromEntries(LEADS.map((lead) => [lead, new Float64Array(count)])) as SyntheticEcgLeads;
  const meanRr = 60 / heartRateBpm;
  const reach = Math.ceil(0.6 * sampleRateHz);
  for (let peak = 0.35; peak < durationS + 0.5;) {
    const rr = meanRr * (1 + 0.02 * (2 * random() - 1));
    const stretch = Math.sqrt(rr);
    const centre = Math.round(peak * sampleRateHz);
    for (let i = Math.max(0, centre - reach); i < Math.min(count, centre + reach); i++) {
      const t = i / sampleRateHz - peak;
      WAVES.forEach((wave, w) => {
        const shape = Math.exp(-((t - wave.offset * (wave.scalesWithRr ? stretch : 1)) ** 2) / (2 * wave.width ** 2));
        for (const lead of LEADS) leads[lead][i] += AMPLITUDES[lead][w] * shape;
      });
    }
    peak += rr;
  }
  for (let i = 0; i < count; i++) {
    const wander = 0.05 * Math.sin((2 * Math.PI * 0.3 * i) / sampleRateHz);
    for (const lead of LEADS) leads[lead][i] += wander + 0.01 * (2 * random() - 1);
  }
  return leads;
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
