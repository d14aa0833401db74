/**
 * An ECG strip laid out like ECG paper: 25 mm per second, 10 mm per mV,
 * 1 mm minor and 5 mm major grid squares, rows of 10 seconds.
 *
 *   single lead   the whole strip, one row per 10 s (a 30 s strip: 3 rows)
 *   several leads one row per lead, the same 10 s stretch of each
 *                 (`segment` 0 = 0–10 s, 1 = 10–20 s …)
 *
 * `ecgLayout` is pure (tested); `drawEcgOnCanvas` paints a layout on a 2D
 * context. Drawn at 4 px per mm, then scaled by CSS to the width available:
 * the grid keeps its proportions, not its true size on screen.
 */
import { LEAD_NAMES, type EcgStrip, type LeadName } from '@prossima/device-bridge';

/** Paper speed, mm/s. */
export const MM_PER_S = 25;
/** Gain, mm/mV. */
export const MM_PER_MV = 10;
/** Seconds per row. */
export const ROW_S = 10;
/** Height of a row, mm (±1.5 mV around the baseline). */
export const ROW_MM = 30;
/** Width of the lead name column, mm. */
export const LABEL_MM = 12;
/** Canvas pixels per mm. */
export const PX_PER_MM = 4;

/** One row of the layout. */
export interface EcgRow {
  lead: LeadName;
  /** Start and end of the row, s from the beginning of the strip. */
  fromS: number;
  toS: number;
  /** Samples of the row, mV. */
  millivolts: number[];
}

/** What to draw. */
export interface EcgLayout {
  sampleRateHz: number;
  rows: EcgRow[];
  /** Size of the paper, mm (label column included). */
  widthMm: number;
  heightMm: number;
}

/** The leads present in the strip, in standard order. */
export function leadsOf(strip: EcgStrip): LeadName[] {
  return LEAD_NAMES.filter((name) => strip.leads[name] !== undefined);
}

/** Duration of the strip, s. */
export function stripDurationS(strip: EcgStrip): number {
  const first = leadsOf(strip)[0];
  return first === undefined ? 0 : (strip.leads[first]?.length ?? 0) / strip.sampleRateHz;
}

/** How many 10-second stretches the strip holds. */
export function segmentCount(strip: EcgStrip): number {
  return Math.max(1, Math.ceil(stripDurationS(strip) / ROW_S - 1e-9));
}

function millivolts(strip: EcgStrip, lead: LeadName, fromS: number, toS: number): number[] {
  const samples = strip.leads[lead] ?? [];
  const from = Math.round(fromS * strip.sampleRateHz);
  const to = Math.min(samples.length, Math.round(toS * strip.sampleRateHz));
  const toMv = strip.unit === 'uV' ? strip.scale / 1000 : strip.scale;
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(samples[i] * toMv);
  return out;
}

/** The rows to draw: a single lead over its whole length, several leads over one 10 s `segment`. */
export function ecgLayout(strip: EcgStrip, segment = 0): EcgLayout {
  const leads = leadsOf(strip);
  const duration = stripDurationS(strip);
  const rows: EcgRow[] = [];
  if (leads.length === 1) {
    for (let fromS = 0; fromS < duration - 1e-9; fromS += ROW_S) {
      const toS = Math.min(duration, fromS + ROW_S);
      rows.push({ lead: leads[0], fromS, toS, millivolts: millivolts(strip, leads[0], fromS, toS) });
    }
  } else {
    const fromS = Math.min(Math.max(0, segment), segmentCount(strip) - 1) * ROW_S;
    const toS = Math.min(duration, fromS + ROW_S);
    for (const lead of leads) rows.push({ lead, fromS, toS, millivolts: millivolts(strip, lead, fromS, toS) });
  }
  return { sampleRateHz: strip.sampleRateHz, rows, widthMm: LABEL_MM + ROW_S * MM_PER_S, heightMm: Math.max(1, rows.length) * ROW_MM };
}

/** The part of CanvasRenderingContext2D used (so a spec can record the calls). */
export type EcgContext = Pick<
  CanvasRenderingContext2D,
  'fillStyle' | 'strokeStyle' | 'lineWidth' | 'font' | 'textBaseline' | 'fillRect' | 'beginPath' | 'moveTo' | 'lineTo' | 'stroke' | 'fillText'
>;

/** Paints `layout` on a context sized `widthMm × heightMm × PX_PER_MM` pixels. */
export function drawEcg(context: EcgContext, layout: EcgLayout): void {
  const px = PX_PER_MM;
  const width = layout.widthMm * px;
  const height = layout.heightMm * px;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  // The grid: 1 mm minor lines, every fifth one darker (the 5 mm squares).
  for (const major of [false, true]) {
    context.beginPath();
    context.strokeStyle = major ? '#e58f9c' : '#f7d4d9';
    context.lineWidth = major ? 1 : 0.5;
    for (let mm = 0; mm <= layout.widthMm - LABEL_MM; mm++) {
      if ((mm % 5 === 0) !== major) continue;
      context.moveTo((LABEL_MM + mm) * px, 0);
      context.lineTo((LABEL_MM + mm) * px, height);
    }
    for (let mm = 0; mm <= layout.heightMm; mm++) {
      if ((mm % 5 === 0) !== major) continue;
      context.moveTo(LABEL_MM * px, mm * px);
      context.lineTo(width, mm * px);
    }
    context.stroke();
  }
  context.fillStyle = '#17324d';
  context.font = `${4 * px}px sans-serif`;
  context.textBaseline = 'middle';
  layout.rows.forEach((row, index) => {
    const baseline = (index + 0.5) * ROW_MM * px;
    context.fillText(row.lead, px, baseline);
    context.beginPath();
    context.strokeStyle = '#000000';
    context.lineWidth = 1.5;
    row.millivolts.forEach((mv, i) => {
      const x = (LABEL_MM + (i / layout.sampleRateHz) * MM_PER_S) * px;
      const y = baseline - Math.max(-ROW_MM / 2, Math.min(ROW_MM / 2, mv * MM_PER_MV)) * px;
      if (i === 0) context.moveTo(x, y);
      else context.lineTo(x, y);
    });
    context.stroke();
  });
}
