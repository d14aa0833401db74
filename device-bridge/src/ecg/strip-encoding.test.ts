import { describe, expect, it } from 'vitest';
import { MeasurementFormatError } from '../errors';
import type { EcgStrip } from './leads';
import { decodeEcgStrip, encodeEcgStrip, type EncodedEcgStrip } from './strip-encoding';

/** Runs `act` and returns the MeasurementFormatError it must throw. */
function refusal(act: () => unknown): MeasurementFormatError {
  try {
    act();
  } catch (error) {
    if (error instanceof MeasurementFormatError) return error;
    throw error;
  }
  throw new Error('expected a MeasurementFormatError, but the strip was accepted');
}

const STRIP: EcgStrip = { sampleRateHz: 130, unit: 'uV', scale: 1, leads: { I: [10, -10, 0] } };

describe('encodeEcgStrip', () => {
  it('when a lead holds 10, −10, 0, then stores "CgD2/wAA" (int16 little-endian, base64) with its format', () => {
    expect(encodeEcgStrip(STRIP)).toStrictEqual({
      format: 'int16le-base64',
      sampleRateHz: 130,
      unit: 'uV',
      scale: 1,
      sampleCount: 3,
      leads: { I: 'CgD2/wAA' },
    });
  });

  it('when a twelve-lead strip is stored and read back, then every sample, the scale and the unit are kept', () => {
    const leads = Object.fromEntries(
      ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'].map((name, lead) => [
        name,
        Int16Array.from({ length: 500 }, (_, i) => Math.round(3000 * Math.sin((i + lead) / 7))),
      ]),
    );
    const strip: EcgStrip = { sampleRateHz: 500, unit: 'mV', scale: 0.0024672, leads };
    expect(decodeEcgStrip(encodeEcgStrip(strip))).toStrictEqual(strip);
  });

  it('when samples are fractional (derived leads), then they are rounded to the nearest count', () => {
    const decoded = decodeEcgStrip(encodeEcgStrip({ ...STRIP, leads: { aVR: [-0.4, 2.5, -2.6] } }));
    expect(Array.from(decoded.leads.aVR ?? [])).toEqual([0, 3, -3]);
  });

  it('when the extreme int16 values are stored, then they come back unchanged', () => {
    const decoded = decodeEcgStrip(encodeEcgStrip({ ...STRIP, leads: { II: Int16Array.of(-32768, 32767) } }));
    expect(Array.from(decoded.leads.II ?? [])).toEqual([-32768, 32767]);
  });

  it('when a sample does not fit 16 bits, then refuses the strip and says to choose a larger scale', () => {
    const error = refusal(() => encodeEcgStrip({ ...STRIP, leads: { I: [0, 40000] } }));
    expect(error.code).toBe('out-of-range');
    expect(error.message).toBe('ECG strip: sample 1 of lead I is 40000, outside the 16-bit range: choose a larger scale');
  });

  it('when a sample is not a number, then refuses the strip', () => {
    expect(refusal(() => encodeEcgStrip({ ...STRIP, leads: { I: [Number.NaN] } })).code).toBe('out-of-range');
  });

  it('when leads differ in length, then refuses the strip as inconsistent', () => {
    const error = refusal(() => encodeEcgStrip({ ...STRIP, leads: { I: [1, 2], V1: [1] } }));
    expect(error.code).toBe('inconsistent');
    expect(error.field).toBe('V1');
  });

  it('when the strip has no lead, then refuses it as missing-field', () => {
    expect(refusal(() => encodeEcgStrip({ ...STRIP, leads: {} })).code).toBe('missing-field');
  });

  it.each([
    ['sample rate', { sampleRateHz: 0 }],
    ['scale', { scale: -1 }],
    ['unit', { unit: 'V' as never }],
  ])('when the %s is invalid, then refuses the strip naming it', (field, change) => {
    expect(refusal(() => encodeEcgStrip({ ...STRIP, ...change })).field).toBe(field);
  });

  it('when a lead name is not standard, then refuses the strip', () => {
    const error = refusal(() => encodeEcgStrip({ ...STRIP, leads: { I: [1], X: [1] } as never }));
    expect(error.field).toBe('leads');
  });
});

describe('decodeEcgStrip', () => {
  const encoded: EncodedEcgStrip = encodeEcgStrip(STRIP);

  it('when a stored strip is read, then returns Int16Array leads', () => {
    const strip = decodeEcgStrip(encoded);
    expect(strip.leads.I).toBeInstanceOf(Int16Array);
    expect(Array.from(strip.leads.I ?? [])).toEqual([10, -10, 0]);
  });

  it('when a lead is not valid base64, then refuses the stored strip as inconsistent', () => {
    const error = refusal(() => decodeEcgStrip({ ...encoded, leads: { I: 'CgD2/w!A' } }));
    expect(error.code).toBe('inconsistent');
    expect(error.message).toBe('ECG strip: lead I is not valid base64');
  });

  it('when a lead holds fewer bytes than the sample count says, then refuses the stored strip', () => {
    expect(refusal(() => decodeEcgStrip({ ...encoded, sampleCount: 4 })).message).toBe(
      'ECG strip: lead I holds 6 bytes, 8 expected for 4 samples',
    );
  });

  it('when the format is unknown, then refuses the stored strip', () => {
    expect(refusal(() => decodeEcgStrip({ ...encoded, format: 'delta' as never })).field).toBe('format');
  });
});
