import type { Language } from './language';

const LOCALES: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };

function calendarDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
}

/** A calendar date (`YYYY-MM-DD`) in long form: "sabato 22 novembre 2025". */
export function formatLongDate(date: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(calendarDate(date));
}

/** A calendar date (`YYYY-MM-DD`) in short form: "22/11/2025". */
export function formatShortDate(date: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(calendarDate(date));
}

/** The time of day of an instant, 24-hour "HH:MM", in the device's time zone. */
export function formatTime(instant: string | Date, language: Language, timeZone?: string): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** The calendar date `days` after `date` (both `YYYY-MM-DD`; no time-zone or DST drift). */
export function addDays(date: string, days: number): string {
  const next = calendarDate(date);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** A count with thousands separators, also for four digits: "1.200" (Italian CLDR would write "1200"). */
export function formatCount(value: number, language: Language): string {
  // `useGrouping: 'always'` is ES2023 (every browser the app supports); TypeScript's ES2022 lib types it as a boolean.
  const options = { useGrouping: 'always', maximumFractionDigits: 0 } as unknown as Intl.NumberFormatOptions;
  return new Intl.NumberFormat(LOCALES[language], options).format(value);
}
