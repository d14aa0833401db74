import { addDays, formatLongDate, formatShortDate, formatTime } from './format';

describe('date formatting', () => {
  it('when showing a date in Italian long form, then weekday, day, month and year are spelled out', () => {
    expect(formatLongDate('2025-11-22', 'it')).toBe('sabato 22 novembre 2025');
  });

  it('when showing a date in English long form, then it is English', () => {
    // ICU versions differ on the comma after the weekday.
    expect(formatLongDate('2025-11-22', 'en')).toMatch(/^Saturday,? 22 November 2025$/);
  });

  it('when showing a short Italian date, then it is dd/mm/yyyy', () => {
    expect(formatShortDate('1940-01-05', 'it')).toBe('05/01/1940');
  });

  it('when showing a time, then it is 24-hour HH:MM', () => {
    expect(formatTime('2025-11-22T17:05:00.000Z', 'it', 'Europe/Rome')).toBe('18:05');
  });

  it('when adding a day across the DST change or a month end, then the calendar date is right', () => {
    expect(addDays('2025-10-25', 1)).toBe('2025-10-26');
    expect(addDays('2025-10-26', 1)).toBe('2025-10-27');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });
});
