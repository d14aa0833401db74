/** The local calendar date `YYYY-MM-DD` of `instant` in the given IANA time zone (default Europe/Rome). */
export function localDate(instant: Date, timeZone = 'Europe/Rome'): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
