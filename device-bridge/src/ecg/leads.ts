/**
 * ECG leads and strips, independent of any device.
 *
 * The kit's 8-lead ECG records I, II and V1–V6; the other four limb leads are
 * computed from I and II (Einthoven and Goldberger):
 *
 *   III = II − I          aVR = −(I + II) / 2
 *   aVL = I − II / 2      aVF = II − I / 2
 *
 * No public protocol exists for an 8- or 12-lead device: {@link EightLeadEcgProtocol}
 * is the contract a vendor adapter fulfils once the vendor's protocol is known,
 * and {@link EightLeadStripRecorder} turns what it decodes into a 12-lead strip.
 */
import { MeasurementFormatError } from '../errors';

/** The twelve standard leads, in the conventional order. */
export const LEAD_NAMES = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'] as const;

/** A standard lead. */
export type LeadName = (typeof LEAD_NAMES)[number];

/** The eight leads an 8-lead recorder measures; the rest are derived. */
export const RECORDED_LEAD_NAMES = ['I', 'II', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'] as const;

/** A lead an 8-lead recorder measures. */
export type RecordedLeadName = (typeof RECORDED_LEAD_NAMES)[number];

/** The four limb leads computed from I and II. */
export type DerivedLeadName = 'III' | 'aVR' | 'aVL' | 'aVF';

/** MDC codes (IEEE 11073-10101) of the recorded leads, for FHIR `valueSampledData` components. */
export const MDC_LEAD_CODES: Readonly<Record<RecordedLeadName, number>> = {
  I: 131329,
  II: 131330,
  V1: 131331,
  V2: 131332,
  V3: 131333,
  V4: 131334,
  V5: 131335,
  V6: 131336,
};

/** Unit of the physical value of a sample (UCUM). */
export type EcgUnit = 'uV' | 'mV';

/** The samples of one lead, in counts of the strip's `scale`. */
export type LeadSamples = Int16Array | number[];

/**
 * A stretch of ECG: physical value = sample × `scale`, in `unit`.
 * Leads are optional because single-lead devices (Polar H10, Wellue ER1) fill only one.
 */
export interface EcgStrip {
  sampleRateHz: number;
  unit: EcgUnit;
  /** Value of one count in `unit` (1 for µV samples, ≈ 0.0024672 for the ER1's mV counts). */
  scale: number;
  leads: Partial<Record<LeadName, LeadSamples>>;
}

/** The four derived limb leads, in the units of the inputs. */
export type DerivedLimbLeads = Record<DerivedLeadName, number[]>;

const EIGHT_LEAD = '8-lead ECG';

/** Computes III, aVR, aVL and aVF from I and II; throws MeasurementFormatError when their lengths differ. */
export function deriveLimbLeads(leadI: ArrayLike<number>, leadII: ArrayLike<number>): DerivedLimbLeads {
  if (leadI.length !== leadII.length) {
    throw new MeasurementFormatError({
      code: 'inconsistent',
      characteristic: EIGHT_LEAD,
      field: 'II',
      detail: `lead I has ${leadI.length} samples, lead II ${leadII.length}`,
    });
  }
  const derived: DerivedLimbLeads = { III: [], aVR: [], aVL: [], aVF: [] };
  for (let i = 0; i < leadI.length; i++) {
    const one = leadI[i];
    const two = leadII[i];
    derived.III.push(two - one);
    // `+ 0` turns the −0 of −(x − x) / 2 into 0.
    derived.aVR.push(-(one + two) / 2 + 0);
    derived.aVL.push(one - two / 2);
    derived.aVF.push(two - one / 2);
  }
  return derived;
}

/** Simultaneous samples of the eight recorded leads, as a vendor decoder hands them over. */
export type EightLeadBlock = Record<RecordedLeadName, ArrayLike<number>>;

/** The contract of a vendor's 8-lead protocol adapter (bytes in, blocks out; no Bluetooth inside). */
export interface EightLeadEcgProtocol {
  readonly sampleRateHz: number;
  readonly unit: EcgUnit;
  /** Value of one sample count in `unit`. */
  readonly scale: number;
  /** Command that starts streaming. */
  encodeStart(): Uint8Array;
  /** Command that stops streaming; always sent when the recording ends. */
  encodeStop(): Uint8Array;
  /** Decodes one notification into zero or more blocks; throws MeasurementFormatError when it cannot be trusted. */
  decode(notification: DataView): EightLeadBlock[];
}

/** Collects 8-lead blocks and hands out a 12-lead strip with the derived limb leads. */
export class EightLeadStripRecorder {
  private readonly recorded = Object.fromEntries(RECORDED_LEAD_NAMES.map((name) => [name, [] as number[]])) as Record<
    RecordedLeadName,
    number[]
  >;

  constructor(private readonly format: Pick<EightLeadEcgProtocol, 'sampleRateHz' | 'unit' | 'scale'>) {}

  /** Samples per lead collected so far. */
  get sampleCount(): number {
    return this.recorded.I.length;
  }

  /** Adds one block; throws MeasurementFormatError, adding nothing, when its leads differ in length. */
  append(block: EightLeadBlock): void {
    const length = block.I.length;
    for (const name of RECORDED_LEAD_NAMES) {
      if (block[name].length !== length) {
        throw new MeasurementFormatError({
          code: 'inconsistent',
          characteristic: EIGHT_LEAD,
          field: name,
          detail: `lead ${name} has ${block[name].length} samples in this block, lead I ${length}`,
        });
      }
    }
    for (const name of RECORDED_LEAD_NAMES) {
      const samples = this.recorded[name];
      for (let i = 0; i < length; i++) samples.push(block[name][i]);
    }
  }

  /** The strip so far: the eight recorded leads and the four derived ones. */
  toStrip(): EcgStrip {
    const leads: Partial<Record<LeadName, LeadSamples>> = {};
    for (const name of RECORDED_LEAD_NAMES) leads[name] = [...this.recorded[name]];
    Object.assign(leads, deriveLimbLeads(this.recorded.I, this.recorded.II));
    return { sampleRateHz: this.format.sampleRateHz, unit: this.format.unit, scale: this.format.scale, leads };
  }
}
