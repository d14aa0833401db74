/**
 * Compact storage form of an {@link EcgStrip}: each lead as base64 of its int16
 * little-endian samples, with the scale, unit and sample rate needed to read
 * them back. Ten seconds of twelve leads at 500 Hz take about 160 kB of text.
 *
 *   { format: 'int16le-base64', sampleRateHz: 130, unit: 'uV', scale: 1,
 *     sampleCount: 3, leads: { I: 'CgD2/wAA' } }      ← samples 10, −10, 0
 *
 * Samples are counts of `scale` (physical value = sample × scale, in `unit`):
 * fractional counts (derived leads halve sums) are rounded to the nearest count.
 */
import { MeasurementFormatError } from '../errors';
import { base64ToBytes, bytesToBase64 } from './base64';
import { LEAD_NAMES, type EcgStrip, type EcgUnit, type LeadName } from './leads';

/** The storage form of an ECG strip. */
export interface EncodedEcgStrip {
  format: 'int16le-base64';
  sampleRateHz: number;
  unit: EcgUnit;
  scale: number;
  /** Samples per lead (every lead has the same number). */
  sampleCount: number;
  leads: Partial<Record<LeadName, string>>;
}

const STRIP = 'ECG strip';
const UNITS: readonly EcgUnit[] = ['uV', 'mV'];

/** Encodes a strip for storage; throws MeasurementFormatError when leads differ in length or a sample does not fit 16 bits. */
export function encodeEcgStrip(strip: EcgStrip): EncodedEcgStrip {
  requireFormat(strip.sampleRateHz, strip.unit, strip.scale);
  const entries = leadEntries(strip.leads);
  const sampleCount = entries[0][1].length;
  const leads: Partial<Record<LeadName, string>> = {};
  for (const [name, samples] of entries) {
    if (samples.length !== sampleCount) {
      throw new MeasurementFormatError({
        code: 'inconsistent',
        characteristic: STRIP,
        field: name,
        detail: `lead ${name} has ${samples.length} samples, lead ${entries[0][0]} ${sampleCount}`,
      });
    }
    const view = new DataView(new ArrayBuffer(2 * samples.length));
    for (let i = 0; i < samples.length; i++) {
      const count = Math.round(samples[i]);
      if (!Number.isFinite(count) || count < -0x8000 || count > 0x7fff) {
        throw new MeasurementFormatError({
          code: 'out-of-range',
          characteristic: STRIP,
          field: name,
          detail: `sample ${i} of lead ${name} is ${samples[i]}, outside the 16-bit range: choose a larger scale`,
        });
      }
      view.setInt16(2 * i, count, true);
    }
    leads[name] = bytesToBase64(new Uint8Array(view.buffer));
  }
  return { format: 'int16le-base64', sampleRateHz: strip.sampleRateHz, unit: strip.unit, scale: strip.scale, sampleCount, leads };
}

/** Reads a stored strip back, samples as Int16Array; throws MeasurementFormatError when the stored form is damaged. */
export function decodeEcgStrip(encoded: EncodedEcgStrip): EcgStrip {
  if (encoded.format !== 'int16le-base64') {
    throw new MeasurementFormatError({
      code: 'out-of-range',
      characteristic: STRIP,
      field: 'format',
      detail: `format "${String(encoded.format)}" is not int16le-base64`,
    });
  }
  requireFormat(encoded.sampleRateHz, encoded.unit, encoded.scale);
  const leads: Partial<Record<LeadName, Int16Array>> = {};
  for (const [name, text] of leadEntries(encoded.leads)) {
    const bytes = base64ToBytes(text);
    if (bytes === undefined || bytes.length !== 2 * encoded.sampleCount) {
      throw new MeasurementFormatError({
        code: 'inconsistent',
        characteristic: STRIP,
        field: name,
        detail:
          bytes === undefined
            ? `lead ${name} is not valid base64`
            : `lead ${name} holds ${bytes.length} bytes, ${2 * encoded.sampleCount} expected for ${encoded.sampleCount} samples`,
      });
    }
    const view = new DataView(bytes.buffer);
    const samples = new Int16Array(encoded.sampleCount);
    for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(2 * i, true);
    leads[name] = samples;
  }
  return { sampleRateHz: encoded.sampleRateHz, unit: encoded.unit, scale: encoded.scale, leads };
}

function requireFormat(sampleRateHz: number, unit: EcgUnit, scale: number): void {
  const refuse = (field: string, detail: string): never => {
    throw new MeasurementFormatError({ code: 'out-of-range', characteristic: STRIP, field, detail });
  };
  if (!(Number.isFinite(sampleRateHz) && sampleRateHz > 0)) refuse('sample rate', `sample rate ${sampleRateHz} Hz is not a positive number`);
  if (!UNITS.includes(unit)) refuse('unit', `unit "${String(unit)}" is not uV or mV`);
  if (!(Number.isFinite(scale) && scale > 0)) refuse('scale', `scale ${scale} is not a positive number`);
}

// The strip's leads in standard order; refuses unknown names and an empty strip.
function leadEntries<T extends { length: number }>(leads: Partial<Record<LeadName, T>>): [LeadName, T][] {
  const unknown = Object.keys(leads).find((name) => !(LEAD_NAMES as readonly string[]).includes(name));
  if (unknown !== undefined) {
    throw new MeasurementFormatError({ code: 'out-of-range', characteristic: STRIP, field: 'leads', detail: `"${unknown}" is not a lead name` });
  }
  const entries = LEAD_NAMES.flatMap((name): [LeadName, T][] => {
    const samples = leads[name];
    return samples === undefined ? [] : [[name, samples]];
  });
  if (entries.length === 0) {
    throw new MeasurementFormatError({ code: 'missing-field', characteristic: STRIP, field: 'leads', detail: 'the strip has no lead' });
  }
  return entries;
}
