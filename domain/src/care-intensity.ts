import { dayNumber } from './dates';
/**
 * Care intensity of home care (Coefficiente di Intensità Assistenziale, CIA)
 * and the levels of DPCM 12/1/2017 art. 22 (ADI) and art. 23 (palliative care).
 *
 *   CIA = days with at least one home visit ÷ days in care (both ends counted)
 *
 * Rounding: the CIA is rounded to two decimals, half up (0.135 → 0.14), and
 * the level is read from the rounded value. The decree writes its bands with
 * two decimals (0.14–0.30, 0.31–0.50), so only the rounded value has no gaps
 * between bands; `adiLevel` and `palliativeLevel` round their input the same
 * way, so passing a raw ratio gives the same answer as passing the CIA.
 */


/** Why a care intensity could not be computed. */
export type CareIntensityProblem = 'invalid-date' | 'end-before-start' | 'invalid-cia';

/** A care intensity asked of impossible input; `code` says which. */
export class CareIntensityError extends RangeError {
  override readonly name = 'CareIntensityError';
  constructor(
    readonly code: CareIntensityProblem,
    message: string,
  ) {
    super(message);
  }
}


function requireDay(date: string, what: string): number {
  const day = typeof date === 'string' ? dayNumber(date) : undefined;
  if (day === undefined) throw new CareIntensityError('invalid-date', `${what} must be a calendar date YYYY-MM-DD, got "${String(date)}"`);
  return day;
}

/** Round a ratio to two decimals, half up, forgiving binary noise (0.145 → 0.15, not 0.14). */
export function roundCia(value: number): number {
  // 0.145 * 100 is 14.499999999999998 in binary: 12 significant digits drop the noise.
  return Math.round(Number((value * 100).toPrecision(12))) / 100;
}

/** The counts behind a CIA. */
export interface CareIntensity {
  /** Distinct days in the period with at least one visit. */
  daysWithVisits: number;
  /** Days from start to end, both included. */
  daysInCare: number;
  /** `daysWithVisits / daysInCare`, rounded to two decimals. */
  cia: number;
}

/**
 * Count the days with visits and the days in care, and the CIA.
 * `visitDates` are the calendar dates (`YYYY-MM-DD`, local: see `localDate()`)
 * of the visits carried out; several on one day count once; visits outside
 * `careStart`…`careEnd` (both inclusive) are ignored. Throws
 * `CareIntensityError` for a date that is not a real calendar date or an end
 * before the start.
 */
export function careIntensity(visitDates: readonly string[], careStart: string, careEnd: string): CareIntensity {
  const start = requireDay(careStart, 'careStart');
  const end = requireDay(careEnd, 'careEnd');
  if (end < start) throw new CareIntensityError('end-before-start', `careEnd ${careEnd} is before careStart ${careStart}`);
  const days = new Set<number>();
  for (const visit of visitDates) {
    const day = requireDay(visit, 'a visit date');
    if (day >= start && day <= end) days.add(day);
  }
  const daysInCare = end - start + 1;
  // Integer half-up rounding: round(100·d/n) = floor((200·d + n) / 2n), exact for any count.
  const cia = Math.floor((200 * days.size + daysInCare) / (2 * daysInCare)) / 100;
  return { daysWithVisits: days.size, daysInCare, cia };
}

/** The CIA of a period of care, rounded to two decimals (see `careIntensity`). */
export function careIntensityIndex(visitDates: readonly string[], careStart: string, careEnd: string): number {
  return careIntensity(visitDates, careStart, careEnd).cia;
}

/** Home-care level by CIA, DPCM 12/1/2017 art. 22. */
export type AdiLevel = 'base' | 'adi-1' | 'adi-2' | 'adi-3';

/** Palliative home-care level by CIA, DPCM 12/1/2017 art. 23. */
export type PalliativeLevel = 'palliative-base' | 'palliative-specialist';

/** Labels of the ADI levels, with their CIA band. */
export const ADI_LEVEL_LABELS: Record<AdiLevel, { it: string; en: string }> = {
  base: { it: 'Cure domiciliari di livello base (CIA < 0,14)', en: 'Basic home care (CIA < 0.14)' },
  'adi-1': { it: 'ADI di I livello (CIA 0,14–0,30)', en: 'Integrated home care, level I (CIA 0.14–0.30)' },
  'adi-2': { it: 'ADI di II livello (CIA 0,31–0,50)', en: 'Integrated home care, level II (CIA 0.31–0.50)' },
  'adi-3': { it: 'ADI di III livello (CIA > 0,50)', en: 'Integrated home care, level III (CIA > 0.50)' },
};

/** Labels of the palliative home-care levels, with their CIA band. */
export const PALLIATIVE_LEVEL_LABELS: Record<PalliativeLevel, { it: string; en: string }> = {
  'palliative-base': { it: 'Cure palliative domiciliari di livello base (CIA ≤ 0,50)', en: 'Basic palliative home care (CIA ≤ 0.50)' },
  'palliative-specialist': {
    it: 'Cure palliative domiciliari di livello specialistico (CIA > 0,50)',
    en: 'Specialist palliative home care (CIA > 0.50)',
  },
};

/** The CIA in hundredths (0…100), after checking it is a ratio. */
function hundredths(cia: number): number {
  if (!Number.isFinite(cia) || cia < 0 || cia > 1) throw new CareIntensityError('invalid-cia', `a CIA is a ratio between 0 and 1, got ${cia}`);
  return Math.round(roundCia(cia) * 100);
}

/**
 * The ADI level of a CIA (rounded to two decimals first): base < 0.14;
 * I 0.14–0.30; II 0.31–0.50; III > 0.50 (i.e. ≥ 0.51 once rounded).
 */
export function adiLevel(cia: number): AdiLevel {
  const h = hundredths(cia);
  if (h < 14) return 'base';
  if (h <= 30) return 'adi-1';
  if (h <= 50) return 'adi-2';
  return 'adi-3';
}

/**
 * The palliative level of a CIA (rounded to two decimals first): base below
 * 0.50, specialist above. The decree leaves exactly 0.50 in neither band; we
 * put it in the base level, reading "> 0.50" strictly as art. 22 does for ADI
 * level III (where 0.50 belongs to level II).
 */
export function palliativeLevel(cia: number): PalliativeLevel {
  return hundredths(cia) > 50 ? 'palliative-specialist' : 'palliative-base';
}
