import type { InstrumentBand, InstrumentOption, InstrumentText } from './instrument-types';

/** Shorthand for a bilingual text. */
export function text(it: string, en: string): InstrumentText {
  return { it, en };
}

/**
 * Options of an item whose answer is its score: the stored value is the points
 * as a string ("10"), which also accepts documents that stored the number 10.
 */
export function pointOptions(rows: readonly (readonly [points: number, it: string, en: string])[]): InstrumentOption[] {
  return rows.map(([points, it, en]) => ({ value: String(points), points, label: { it, en } }));
}

/** Options with a named value (yes/no, correct/error) and the points each scores. */
export function namedOptions(rows: readonly (readonly [value: string, points: number, it: string, en: string])[]): InstrumentOption[] {
  return rows.map(([value, points, it, en]) => ({ value, points, label: { it, en } }));
}

/** A band, bounds included. */
export function band(min: number, max: number, code: string, it: string, en: string): InstrumentBand {
  return { min, max, code, label: { it, en } };
}
