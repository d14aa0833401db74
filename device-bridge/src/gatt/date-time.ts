/**
 * Bluetooth Date Time (org.bluetooth.characteristic.date_time, 0x2A08), 7 bytes:
 *
 *   byte   0–1    2      3    4     5       6
 *        ┌──────┬──────┬────┬─────┬───────┬───────┐
 *        │ year │month │day │hour │minute │second │
 *        └──────┴──────┴────┴─────┴───────┴───────┘
 *          u16 LE  u8    u8   u8    u8      u8
 *
 *   year 1582–9999 (0 = unknown), month 1–12 (0 = unknown), day 1–31 (0 = unknown),
 *   hours 0–23, minutes 0–59, seconds 0–59.
 *
 *   `E9 07 06 01 09 1E 00` → 2025-06-01 09:30:00
 *
 * The value is the device's own wall clock: it carries no time zone, and a
 * device whose clock was never set often sends year 0 or month 0. Neither is
 * turned into a `Date` here; the caller, who knows the zone and the host
 * clock, decides.
 */
import { MeasurementFormatError } from '../errors';

/** Length in bytes of a Date Time field. */
export const DATE_TIME_LENGTH = 7;

/** The six fields of a Date Time, as sent. */
export interface DateTimeFields {
  year: number;
  month: number;
  day: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** A device time stamp: either a complete local date-time or a clock the device says is unknown (not set). */
export type DeviceDateTime =
  | (DateTimeFields & {
      kind: 'known';
      /** ISO 8601 local date-time without offset, e.g. "2025-06-01T09:30:00". */
      local: string;
    })
  | (DateTimeFields & { kind: 'unknown' });

/** What {@link decodeDateTime} finds: a device time stamp, or fields outside their ranges. */
export type DateTimeDecoding =
  | DeviceDateTime
  | (DateTimeFields & {
      kind: 'invalid';
      /** The first field outside its range. */
      field: keyof DateTimeFields;
    });

/** Decodes the Date Time at `offset`; throws RangeError if the seven bytes are not inside `view`. */
export function decodeDateTime(view: DataView, offset: number): DateTimeDecoding {
  const fields: DateTimeFields = {
    year: view.getUint16(offset, true),
    month: view.getUint8(offset + 2),
    day: view.getUint8(offset + 3),
    hours: view.getUint8(offset + 4),
    minutes: view.getUint8(offset + 5),
    seconds: view.getUint8(offset + 6),
  };
  const invalid = firstInvalidField(fields);
  if (invalid !== undefined) return { kind: 'invalid', field: invalid, ...fields };
  if (fields.year === 0 || fields.month === 0 || fields.day === 0) return { kind: 'unknown', ...fields };
  return { kind: 'known', local: toLocalIso(fields), ...fields };
}

/** The Date Time at `offset`; fields out of range throw MeasurementFormatError('out-of-range') naming `field`. */
export function dateTimeValue(view: DataView, offset: number, field: string, characteristic: string): DeviceDateTime {
  const decoded = decodeDateTime(view, offset);
  if (decoded.kind !== 'invalid') return decoded;
  throw new MeasurementFormatError({
    code: 'out-of-range',
    characteristic,
    field,
    detail: `${field} has ${decoded.field} ${decoded[decoded.field]}, outside ${RANGES[decoded.field]}`,
  });
}

const RANGES: Readonly<Record<keyof DateTimeFields, string>> = {
  year: '1582–9999 (0 = unknown)',
  month: '1–12 (0 = unknown)',
  day: '1–31 and the length of the month (0 = unknown)',
  hours: '0–23',
  minutes: '0–59',
  seconds: '0–59',
};

function firstInvalidField(f: DateTimeFields): keyof DateTimeFields | undefined {
  if (f.year !== 0 && (f.year < 1582 || f.year > 9999)) return 'year';
  if (f.month > 12) return 'month';
  if (f.day > daysInMonth(f.year, f.month)) return 'day';
  if (f.hours > 23) return 'hours';
  if (f.minutes > 59) return 'minutes';
  if (f.seconds > 59) return 'seconds';
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 0) return 31;
  if (month === 2) {
    // With the year unknown, 29 February may be a real date.
    const leap = year === 0 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function toLocalIso(f: DateTimeFields): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${String(f.year).padStart(4, '0')}-${two(f.month)}-${two(f.day)}T${two(f.hours)}:${two(f.minutes)}:${two(f.seconds)}`;
}
