/** The calendar date `days` after `date` (both `YYYY-MM-DD`; negative goes back). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `HH:MM` of a number of minutes after midnight. */
export function timeAt(minutesFromMidnight: number): string {
  return `${String(Math.floor(minutesFromMidnight / 60)).padStart(2, '0')}:${String(minutesFromMidnight % 60).padStart(2, '0')}`;
}

/** The instant (ISO, UTC) of `time` (`HH:MM`, UTC) on `date`, plus `minutes`. */
export function instantOn(date: string, time: string, minutes = 0): string {
  return new Date(Date.parse(`${date}T${time}:00.000Z`) + minutes * 60_000).toISOString();
}
