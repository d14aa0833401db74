import { localDate, VITALS, type VitalKind } from '@prossima/domain';
import { formatShortDate, formatTime } from '../../core/i18n/format';
import type { Language } from '../../core/i18n/language';
import type { ReadingKind, VitalReading } from './vital-readings';

const LOCALES: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };

/**
 * A value of `kind` as people read it: the kind's decimals, a decimal comma in
 * Italian ("36,8") and a point in English ("36.8"), no thousands separator.
 */
export function formatVital(kind: VitalKind, value: number, lang: Language): string {
  const decimals = VITALS[kind].decimals;
  return new Intl.NumberFormat(LOCALES[lang], {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: false,
  }).format(value);
}

/** The unit symbol after a number: "36,8 °C", but "16/min" and "5/10" (a "per" reads better joined). */
function withSymbol(number: string, symbol: string): string {
  return symbol.startsWith('/') ? `${number}${symbol}` : `${number} ${symbol}`;
}

/** A value with its unit symbol: "36,8 °C", "96 %", "5/10". */
export function formatVitalWithUnit(kind: VitalKind, value: number, lang: Language): string {
  return withSymbol(formatVital(kind, value, lang), VITALS[kind].symbol);
}

/** Systolic over diastolic with the unit: "140/85 mmHg". */
export function formatBloodPressure(systolic: number, diastolic: number, lang: Language): string {
  return `${formatVital('systolic', systolic, lang)}/${formatVital('diastolic', diastolic, lang)} ${VITALS.systolic.symbol}`;
}

/** The expected range of `kind` with its unit ("35,5–37,5 °C"), or `null` when the kind has none. */
export function formatExpectedRange(kind: VitalKind, lang: Language): string | null {
  const expected = VITALS[kind].expected;
  if (!expected) return null;
  return withSymbol(`${formatVital(kind, expected.min, lang)}–${formatVital(kind, expected.max, lang)}`, VITALS[kind].symbol);
}

/** An instant as local date and time: "22/11/2025 10:30" (in `timeZone`, the device's by default). */
export function formatInstant(instant: string, lang: Language, timeZone?: string): string {
  const at = new Date(instant);
  const day = localDate(at, timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  return `${formatShortDate(day, lang)} ${formatTime(at, lang, timeZone)}`;
}

/** A reading as one text: "140/85 mmHg" for blood pressure, "36,8 °C" for a single value. */
export function formatReading(reading: Pick<VitalReading, 'kind' | 'values'>, lang: Language): string {
  const value = (kind: VitalKind) => reading.values.find((v) => v.kind === kind)?.value;
  if (reading.kind === 'blood-pressure') return formatBloodPressure(value('systolic') ?? NaN, value('diastolic') ?? NaN, lang);
  return formatVitalWithUnit(reading.kind, value(reading.kind) ?? NaN, lang);
}

/** The name of a reading's kind: the domain's label, or `bloodPressureLabel` (translated by the caller) for a panel. */
export function readingLabel(kind: ReadingKind, lang: Language, bloodPressureLabel: string): string {
  return kind === 'blood-pressure' ? bloodPressureLabel : VITALS[kind].label[lang];
}
