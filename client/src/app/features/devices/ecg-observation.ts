/**
 * The ECG strip inside its observation: `waveform` holds each stored lead as
 * base64 of its int16 little-endian samples (device-bridge's
 * `encodeEcgStrip`), with the rate, unit and scale to read them back.
 *
 * Only the leads the device measured are stored: III, aVR, aVL and aVF of an
 * 8-lead recorder are computed from I and II (Einthoven, Goldberger) and are
 * computed again when shown, which saves a third of the size. A lead is taken
 * as derived only when it equals the computed one, so a recorder that really
 * measures III keeps it.
 *
 * Size: an observation may weigh 1 MB on the server. A minute of 8 leads at
 * 500 Hz is about 640 kB of waveform; the device's raw bytes are as large
 * again. The raw bytes are kept when the document stays within the limit
 * (and within the schema's 2000 notifications); otherwise they are left out
 * (the waveform is those same bytes, decoded) and the caller says so. A strip
 * too large even without them is refused.
 */
import { decodeEcgStrip, deriveLimbLeads, encodeEcgStrip, LEAD_NAMES, MeasurementFormatError, type EcgStrip, type LeadName, type LeadSamples } from '@prossima/device-bridge';
import type { ObservationDoc } from '@prossima/domain';

/** Largest observation the server takes (sync-server MAX_OBSERVATION_BYTES), less room for `_rev` and metadata. */
export const OBSERVATION_BYTE_BUDGET = 1024 * 1024 - 4096;
/** Most notifications `raw` may hold (observation schema). */
const MAX_RAW_ITEMS = 2000;
/** Longest base64 text of one lead (observation schema). */
const MAX_LEAD_CHARS = 400_000;
const DERIVED: readonly LeadName[] = ['III', 'aVR', 'aVL', 'aVF'];

/** The stored waveform of an observation. */
export type Waveform = NonNullable<ObservationDoc['waveform']>;

/** The ECG observation, or why it cannot be stored. */
export type EcgFields =
  | { ok: true; doc: ObservationDoc; rawDropped: boolean }
  | { ok: false; problem: { it: string; en: string } };

/** Bytes of a document as JSON (UTF-8), as the server measures it. */
export function documentBytes(doc: unknown): number {
  return new TextEncoder().encode(JSON.stringify(doc)).length;
}

/** The leads to store: every lead but those that are exactly the limb leads computed from I and II. */
export function storedLeads(strip: EcgStrip): Partial<Record<LeadName, LeadSamples>> {
  const { I: one, II: two } = strip.leads;
  if (one === undefined || two === undefined || one.length !== two.length) return { ...strip.leads };
  const computed = deriveLimbLeads(one, two);
  const kept: Partial<Record<LeadName, LeadSamples>> = {};
  for (const name of LEAD_NAMES) {
    const samples = strip.leads[name];
    if (samples === undefined) continue;
    const derived = (DERIVED as readonly string[]).includes(name) ? computed[name as keyof typeof computed] : undefined;
    // Within one count: the recorder rounds the halved sums, the computation does not.
    const isDerived = derived !== undefined && derived.length === samples.length && derived.every((v, i) => Math.abs(v - samples[i]) <= 1);
    if (!isDerived) kept[name] = samples;
  }
  return kept;
}

/** The strip as the observation stores it; throws MeasurementFormatError when a sample does not fit 16 bits. */
export function waveformOf(strip: EcgStrip): Waveform {
  const encoded = encodeEcgStrip({ ...strip, leads: storedLeads(strip) });
  return {
    sampleRateHz: encoded.sampleRateHz,
    unit: encoded.unit,
    scale: encoded.scale,
    leads: LEAD_NAMES.flatMap((lead) => {
      const data = encoded.leads[lead];
      return data === undefined ? [] : [{ lead, data }];
    }),
  };
}

/** Reads a stored waveform back as a strip, the computed limb leads added when I and II are there. */
export function stripOf(waveform: Waveform): EcgStrip {
  const first = waveform.leads[0]?.data ?? '';
  const padding = first.endsWith('==') ? 2 : first.endsWith('=') ? 1 : 0;
  const strip = decodeEcgStrip({
    format: 'int16le-base64',
    sampleRateHz: waveform.sampleRateHz,
    unit: waveform.unit,
    scale: waveform.scale,
    // Every lead has as many samples: two bytes each, three bytes per four base64 characters.
    sampleCount: ((first.length / 4) * 3 - padding) / 2,
    leads: Object.fromEntries(waveform.leads.map((l) => [l.lead, l.data])) as Partial<Record<LeadName, string>>,
  });
  const { I: one, II: two } = strip.leads;
  if (one !== undefined && two !== undefined && DERIVED.every((name) => strip.leads[name] === undefined)) {
    Object.assign(strip.leads, deriveLimbLeads(one, two));
  }
  return strip;
}

/** `doc` (the ECG heart-rate observation, with its raw bytes) with the strip added, kept within the size limits. */
export function ecgObservationFields(doc: ObservationDoc, strip: EcgStrip): EcgFields {
  let waveform: Waveform;
  try {
    waveform = waveformOf(strip);
  } catch (error) {
    if (!(error instanceof MeasurementFormatError)) throw error;
    return {
      ok: false,
      problem: {
        it: 'Il tracciato ECG contiene valori fuori scala: nessun dato salvato. Controlla gli elettrodi e registra di nuovo.',
        en: 'The ECG strip holds off-scale values: nothing was saved. Check the electrodes and record again.',
      },
    };
  }
  const tooLong = {
    ok: false as const,
    problem: {
      it: 'Il tracciato ECG è troppo lungo per essere salvato come una sola misura: registra un tracciato più breve.',
      en: 'The ECG strip is too long to be saved as one reading: record a shorter strip.',
    },
  };
  if (waveform.leads.some((l) => l.data.length > MAX_LEAD_CHARS)) return tooLong;
  const withRaw: ObservationDoc = { ...doc, waveform };
  if ((withRaw.raw?.length ?? 0) <= MAX_RAW_ITEMS && documentBytes(withRaw) <= OBSERVATION_BYTE_BUDGET) {
    return { ok: true, doc: withRaw, rawDropped: false };
  }
  const { raw: _dropped, ...withoutRaw } = withRaw;
  if (documentBytes(withoutRaw) > OBSERVATION_BYTE_BUDGET) return tooLong;
  return { ok: true, doc: withoutRaw, rawDropped: true };
}
