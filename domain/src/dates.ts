/** The local calendar date `YYYY-MM-DD` of `instant` in the given IANA time zone (default Europe/Rome). */
export function localDate(instant: Date, timeZone = 'Europe/Rome'): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

const MS_PER_DAY = 86_400_000;
const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 of a calendar date `YYYY-MM-DD`, or `undefined` when
 * the string is not a real date (2026-02-30 is refused, not rolled over).
 * Whole UTC days: calendar arithmetic on them knows no DST.
 */
export function dayNumber(date: string): number | undefined {
  const match = DATE_SHAPE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return ms / MS_PER_DAY;
}

/** The calendar date `YYYY-MM-DD` of a {@link dayNumber}. */
export function dateOfDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
