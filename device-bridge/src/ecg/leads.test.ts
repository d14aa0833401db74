import { describe, expect, it } from 'vitest';
import { MeasurementFormatError } from '../errors';
import {
  deriveLimbLeads,
  EightLeadStripRecorder,
  LEAD_NAMES,
  MDC_LEAD_CODES,
  RECORDED_LEAD_NAMES,
  type EightLeadBlock,
  type EightLeadEcgProtocol,
} from './leads';

/** Runs `act` and returns the MeasurementFormatError it must throw. */
function refusal(act: () => unknown): MeasurementFormatError {
  try {
    act();
  } catch (error) {
    if (error instanceof MeasurementFormatError) return error;
    throw error;
  }
  throw new Error('expected a MeasurementFormatError, but the input was accepted');
}

/** A block in which every recorded lead holds `samples`, lead I and II as given. */
function block(leadI: number[], leadII: number[], others: number[] = leadI.map(() => 0)): EightLeadBlock {
  return { I: leadI, II: leadII, V1: others, V2: others, V3: others, V4: others, V5: others, V6: others };
}

describe('deriveLimbLeads', () => {
  it('when given I and II, then computes III = II − I, aVR = −(I+II)/2, aVL = I − II/2, aVF = II − I/2', () => {
    expect(deriveLimbLeads([100, 0, -50], [300, 100, 50])).toStrictEqual({
      III: [200, 100, 100],
      aVR: [-200, -50, 0],
      aVL: [-50, -50, -75],
      aVF: [250, 100, 75],
    });
  });

  it('when derived, then Einthoven (I + III = II) and Goldberger (aVR + aVL + aVF = 0) hold at every sample', () => {
    const leadI = Int16Array.from([120, -35, 7, 0, 999]);
    const leadII = Int16Array.from([-40, 260, 13, 1, -999]);
    const { III, aVR, aVL, aVF } = deriveLimbLeads(leadI, leadII);
    leadI.forEach((one, i) => {
      expect(one + III[i]).toBe(leadII[i]);
      expect(aVR[i] + aVL[i] + aVF[i]).toBeCloseTo(0, 12);
    });
  });

  it('when I and II differ in length, then refuses them as inconsistent', () => {
    const error = refusal(() => deriveLimbLeads([1, 2, 3], [1, 2]));
    expect(error.code).toBe('inconsistent');
    expect(error.message).toBe('8-lead ECG: lead I has 3 samples, lead II 2');
  });

  it('when the leads are empty, then the derived leads are empty', () => {
    expect(deriveLimbLeads([], [])).toStrictEqual({ III: [], aVR: [], aVL: [], aVF: [] });
  });
});

describe('lead names and codes', () => {
  it('when listed, then the twelve leads are in the standard order and eight of them are recorded', () => {
    expect(LEAD_NAMES).toEqual(['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6']);
    expect(RECORDED_LEAD_NAMES).toEqual(['I', 'II', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6']);
  });

  it('when exporting to FHIR, then I, II and V1–V6 carry MDC codes 131329, 131330 and 131331–131336', () => {
    expect(Object.values(MDC_LEAD_CODES)).toEqual([131329, 131330, 131331, 131332, 131333, 131334, 131335, 131336]);
  });
});

describe('EightLeadStripRecorder', () => {
  // A stand-in for a vendor protocol: two bytes per lead per notification, int8 samples.
  const fakeProtocol: EightLeadEcgProtocol = {
    sampleRateHz: 500,
    unit: 'uV',
    scale: 5,
    encodeStart: () => Uint8Array.of(0x01),
    encodeStop: () => Uint8Array.of(0x02),
    decode(notification) {
      const lead = (index: number) => [notification.getInt8(2 * index), notification.getInt8(2 * index + 1)];
      return [{ I: lead(0), II: lead(1), V1: lead(2), V2: lead(3), V3: lead(4), V4: lead(5), V5: lead(6), V6: lead(7) }];
    },
  };

  it('when blocks from a vendor decoder are appended, then the strip holds the eight leads and the four derived ones', () => {
    const recorder = new EightLeadStripRecorder(fakeProtocol);
    const notification = new DataView(Int8Array.from([10, 20, 30, 40, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]).buffer);
    for (const decoded of fakeProtocol.decode(notification)) recorder.append(decoded);
    recorder.append(block([0], [-10]));
    expect(recorder.sampleCount).toBe(3);
    const strip = recorder.toStrip();
    expect(strip).toMatchObject({ sampleRateHz: 500, unit: 'uV', scale: 5 });
    expect(Object.keys(strip.leads).sort()).toEqual([...LEAD_NAMES].sort());
    expect(strip.leads.I).toEqual([10, 20, 0]);
    expect(strip.leads.V6).toEqual([11, 12, 0]);
    expect(strip.leads.III).toEqual([20, 20, -10]);
    expect(strip.leads.aVR).toEqual([-20, -30, 5]);
  });

  it('when a block has leads of different lengths, then refuses it and keeps nothing of it', () => {
    const recorder = new EightLeadStripRecorder(fakeProtocol);
    recorder.append(block([1, 2], [3, 4]));
    const error = refusal(() => recorder.append({ ...block([5, 6], [7, 8]), V3: [1] }));
    expect(error.field).toBe('V3');
    expect(recorder.sampleCount).toBe(2);
    expect(recorder.toStrip().leads.V1).toEqual([0, 0]);
  });
});
