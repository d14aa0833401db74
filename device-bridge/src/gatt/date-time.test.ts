import { describe, expect, it } from 'vitest';
import { MeasurementFormatError } from '../errors';
import { hex } from '../testing/hex';
import { dateTimeValue, decodeDateTime } from './date-time';

describe('decodeDateTime', () => {
  it('when given E9 07 06 01 09 1E 00, then returns the known local time 2025-06-01T09:30:00', () => {
    expect(decodeDateTime(hex('E9 07 06 01 09 1E 00'), 0)).toEqual({
      kind: 'known',
      local: '2025-06-01T09:30:00',
      year: 2025,
      month: 6,
      day: 1,
      hours: 9,
      minutes: 30,
      seconds: 0,
    });
  });

  it.each([
    ['year 0', '00 00 06 01 09 1E 00'],
    ['month 0', 'E9 07 00 01 09 1E 00'],
    ['day 0', 'E9 07 06 00 09 1E 00'],
    ['all zero', '00 00 00 00 00 00 00'],
  ])('when %s, then flags the clock as unknown instead of inventing a date', (_, bytes) => {
    const decoded = decodeDateTime(hex(bytes), 0);
    expect(decoded.kind).toBe('unknown');
    expect(decoded).not.toHaveProperty('local');
  });

  it.each([
    ['month 13', 'E9 07 0D 01 09 1E 00', 'month'],
    ['29 February 2025', 'E9 07 02 1D 09 1E 00', 'day'],
    ['31 April', 'E9 07 04 1F 09 1E 00', 'day'],
    ['hour 24', 'E9 07 06 01 18 1E 00', 'hours'],
    ['minute 60', 'E9 07 06 01 09 3C 00', 'minutes'],
    ['second 60', 'E9 07 06 01 09 1E 3C', 'seconds'],
    ['year 1000', 'E8 03 06 01 09 1E 00', 'year'],
  ])('when %s, then reports the field as invalid', (_, bytes, field) => {
    expect(decodeDateTime(hex(bytes), 0)).toMatchObject({ kind: 'invalid', field });
  });

  it('when 29 February of a leap year, then the date is known', () => {
    expect(decodeDateTime(hex('E8 07 02 1D 00 00 00'), 0)).toMatchObject({ kind: 'known', local: '2024-02-29T00:00:00' });
  });

  it('when the seven bytes lie outside the view, then throws RangeError', () => {
    expect(() => decodeDateTime(hex('E9 07 06 01 09 1E'), 0)).toThrow(RangeError);
  });
});

describe('dateTimeValue', () => {
  it('when the clock is unknown, then returns it flagged rather than throwing', () => {
    expect(dateTimeValue(hex('00 00 00 00 00 00 00'), 0, 'time stamp', 'X').kind).toBe('unknown');
  });

  it('when a field is out of range, then throws out-of-range naming field and value', () => {
    expect(() => dateTimeValue(hex('E9 07 0D 01 09 1E 00'), 0, 'time stamp', 'Blood Pressure Measurement')).toThrow(
      new MeasurementFormatError({
        code: 'out-of-range',
        characteristic: 'Blood Pressure Measurement',
        field: 'time stamp',
        detail: 'time stamp has month 13, outside 1–12 (0 = unknown)',
      }),
    );
  });
});
