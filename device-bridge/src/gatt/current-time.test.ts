import { describe, expect, it } from 'vitest';
import { hex } from '../testing/hex';
import { encodeCurrentTime, parseCurrentTime, type CurrentTimeFields } from './current-time';
import { refusal } from './testing/refusal';

const NO_ADJUSTMENT = { manualUpdate: false, externalReferenceUpdate: false, timeZoneChange: false, daylightSavingChange: false };
const SUNDAY_MORNING: CurrentTimeFields = { year: 2025, month: 6, day: 1, hours: 9, minutes: 30, seconds: 0, dayOfWeek: 'sunday' };

describe('parseCurrentTime', () => {
  it('when given E9 07 06 01 09 1E 00 07 80 01, then returns 2025-06-01 09:30:00 and 128/256 s, Sunday, set by hand', () => {
    expect(parseCurrentTime(hex('E9 07 06 01 09 1E 00 07 80 01'))).toStrictEqual({
      time: { kind: 'known', local: '2025-06-01T09:30:00', year: 2025, month: 6, day: 1, hours: 9, minutes: 30, seconds: 0 },
      dayOfWeek: 'sunday',
      fractions256: 128,
      adjustReason: { ...NO_ADJUSTMENT, manualUpdate: true },
    });
  });

  it('when the clock and the weekday are unknown, then says so', () => {
    expect(parseCurrentTime(hex('00 00 00 00 00 00 00 00 00 00'))).toMatchObject({ time: { kind: 'unknown' }, dayOfWeek: 'unknown' });
  });

  it.each([
    [1, 'monday'],
    [2, 'tuesday'],
    [3, 'wednesday'],
    [4, 'thursday'],
    [5, 'friday'],
    [6, 'saturday'],
  ])('when the day of week is %i, then it is %s', (day, name) => {
    expect(parseCurrentTime(hex(`E9 07 06 01 09 1E 00 0${day} 00 00`)).dayOfWeek).toBe(name);
  });

  it.each([
    ['0F', { manualUpdate: true, externalReferenceUpdate: true, timeZoneChange: true, daylightSavingChange: true }],
    ['0A', { ...NO_ADJUSTMENT, externalReferenceUpdate: true, daylightSavingChange: true }],
    ['F0', NO_ADJUSTMENT],
  ])('when the adjust reason is %s, then decodes its bits (4–7 reserved, ignored)', (bits, expected) => {
    expect(parseCurrentTime(hex(`E9 07 06 01 09 1E 00 07 00 ${bits}`)).adjustReason).toStrictEqual(expected);
  });

  it('when shorter than 10 bytes, then refuses it as too-short', () => {
    const error = refusal(() => parseCurrentTime(hex('E9 07 06 01 09 1E 00 07 80')));
    expect(error.code).toBe('too-short');
    expect(error.message).toBe(
      'Current Time: only 9 of 10 mandatory bytes present (Date Time, day of week, fractions256 and adjust reason)',
    );
  });

  it.each([['08'], ['FF']])('when the day of week is the reserved value %s, then refuses it as out-of-range', (day) => {
    const error = refusal(() => parseCurrentTime(hex(`E9 07 06 01 09 1E 00 ${day} 00 00`)));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe('day of week');
  });

  it('when the date has month 13, then refuses it as out-of-range', () => {
    const error = refusal(() => parseCurrentTime(hex('E9 07 0D 01 09 1E 00 07 00 00')));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe('date time');
  });
});

describe('encodeCurrentTime', () => {
  it('when given a local time, then writes the 10 bytes the reference example reads back', () => {
    const bytes = encodeCurrentTime({ ...SUNDAY_MORNING, fractions256: 128, adjustReason: { manualUpdate: true } });
    expect([...bytes]).toStrictEqual([0xe9, 0x07, 0x06, 0x01, 0x09, 0x1e, 0x00, 0x07, 0x80, 0x01]);
  });

  it('when fractions and adjust reason are left out, then writes 0 for both', () => {
    expect([...encodeCurrentTime(SUNDAY_MORNING)].slice(8)).toStrictEqual([0, 0]);
  });

  it('when encoded and parsed back, then the fields survive', () => {
    const adjustReason = { manualUpdate: false, externalReferenceUpdate: true, timeZoneChange: true, daylightSavingChange: false };
    const time = { year: 2024, month: 2, day: 29, hours: 23, minutes: 59, seconds: 59, dayOfWeek: 'thursday' as const };
    const parsed = parseCurrentTime(new DataView(encodeCurrentTime({ ...time, fractions256: 255, adjustReason }).buffer));
    expect(parsed).toMatchObject({ time: { kind: 'known', local: '2024-02-29T23:59:59' }, dayOfWeek: 'thursday', fractions256: 255, adjustReason });
  });

  it.each<[string, Partial<CurrentTimeFields>]>([
    ['month 13', { month: 13 }],
    ['31 April', { month: 4, day: 31 }],
    ['hour 24', { hours: 24 }],
    ['year 1000', { year: 1000 }],
    ['a fractional second', { seconds: 1.5 }],
    ['a negative minute', { minutes: -1 }],
    ['month 256 (would wrap to 0)', { month: 256 }],
    ['fractions256 256', { fractions256: 256 }],
    ['an unknown weekday', { dayOfWeek: 'funday' as CurrentTimeFields['dayOfWeek'] }],
  ])('when given %s, then throws a RangeError', (_, change) => {
    expect(() => encodeCurrentTime({ ...SUNDAY_MORNING, ...change })).toThrow(RangeError);
  });
});
