/**
 * Current Time service (0x1805): Current Time (0x2A2B, read, notify, and
 * write where the device allows setting its clock), 10 bytes:
 *
 *   byte   0–6         7             8             9
 *        ┌───────────┬─────────────┬─────────────┬───────────────┐
 *        │ Date Time │ day of week │ fractions256│ adjust reason │
 *        └───────────┴─────────────┴─────────────┴───────────────┘
 *                      u8            u8            u8
 *
 *   day of week: 0 unknown · 1 Monday … 7 Sunday; 8–255 reserved.
 *   fractions256: 1/256 s after the second (0 when the device does not count them).
 *   adjust reason: bit 0 manual update · 1 external reference update ·
 *                  2 time zone change · 3 DST change · 4–7 reserved, ignored.
 *
 *   `E9 07 06 01 09 1E 00 07 80 01` → 2025-06-01 09:30:00.5, Sunday, set by hand
 *
 * The weekday is reported as sent, not checked against the date.
 */
import { DATE_TIME_LENGTH, dateTimeValue, decodeDateTime, type DateTimeFields, type DeviceDateTime } from './date-time';
import { decodeBits, enumValue, requireMandatory } from './field-reader';

/** Current Time service and characteristic UUIDs (full 128-bit, lowercase). */
export const CURRENT_TIME_UUIDS = {
  service: '00001805-0000-1000-8000-00805f9b34fb',
  currentTime: '00002a2b-0000-1000-8000-00805f9b34fb',
  localTimeInformation: '00002a0f-0000-1000-8000-00805f9b34fb',
} as const;

/** Day of the week as the device states it. */
export type DayOfWeek = 'unknown' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/** Why the device clock last changed; bits 4–7 are reserved. */
export interface AdjustReason {
  manualUpdate: boolean;
  externalReferenceUpdate: boolean;
  timeZoneChange: boolean;
  daylightSavingChange: boolean;
}

const ADJUST_REASON_BITS: Readonly<Record<keyof AdjustReason, number>> = {
  manualUpdate: 0,
  externalReferenceUpdate: 1,
  timeZoneChange: 2,
  daylightSavingChange: 3,
};

/** A Current Time (0x2A2B) value. */
export interface CurrentTime {
  /** The device wall clock; `kind: 'unknown'` when it is not set. */
  time: DeviceDateTime;
  dayOfWeek: DayOfWeek;
  /** 1/256 s after `time`, 0–255. */
  fractions256: number;
  adjustReason: AdjustReason;
}

/** What {@link encodeCurrentTime} writes: the device's local wall clock. */
export interface CurrentTimeFields extends DateTimeFields {
  dayOfWeek: DayOfWeek;
  /** 1/256 s, 0–255; 0 when not counted. */
  fractions256?: number;
  adjustReason?: Partial<AdjustReason>;
}

const CHARACTERISTIC = 'Current Time';
const LENGTH = DATE_TIME_LENGTH + 3;
const DAYS: readonly DayOfWeek[] = ['unknown', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const DAY_NUMBERS: ReadonlyMap<number, DayOfWeek> = new Map(DAYS.map((day, i) => [i, day]));

/** Parses Current Time (0x2A2B); throws MeasurementFormatError if it cannot be trusted. */
export function parseCurrentTime(view: DataView): CurrentTime {
  requireMandatory(view, LENGTH, CHARACTERISTIC, 'Date Time, day of week, fractions256 and adjust reason');
  return {
    time: dateTimeValue(view, 0, 'date time', CHARACTERISTIC),
    dayOfWeek: enumValue(DAY_NUMBERS, view.getUint8(7), 'day of week', CHARACTERISTIC),
    fractions256: view.getUint8(8),
    adjustReason: decodeBits(view.getUint8(9), ADJUST_REASON_BITS),
  };
}

/** The 10 bytes that set the device clock to `time`; throws RangeError for a field outside its range. */
export function encodeCurrentTime(time: CurrentTimeFields): Uint8Array {
  const bytes = new Uint8Array(LENGTH);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, checked('year', time.year, 0xffff), true);
  view.setUint8(2, checked('month', time.month, 0xff));
  view.setUint8(3, checked('day', time.day, 0xff));
  view.setUint8(4, checked('hours', time.hours, 0xff));
  view.setUint8(5, checked('minutes', time.minutes, 0xff));
  view.setUint8(6, checked('seconds', time.seconds, 0xff));
  // The decoder knows the calendar (31 April, 29 February): let it judge what was written.
  const written = decodeDateTime(view, 0);
  if (written.kind === 'invalid') {
    throw new RangeError(`encodeCurrentTime(): ${written.field} ${written[written.field]} is not a valid Date Time field`);
  }
  const day = DAYS.indexOf(time.dayOfWeek);
  if (day === -1) throw new RangeError(`encodeCurrentTime(): unknown day of week "${String(time.dayOfWeek)}"`);
  view.setUint8(7, day);
  view.setUint8(8, checked('fractions256', time.fractions256 ?? 0, 0xff));
  let reason = 0;
  for (const name of Object.keys(ADJUST_REASON_BITS) as (keyof AdjustReason)[]) {
    if (time.adjustReason?.[name]) reason |= 1 << ADJUST_REASON_BITS[name];
  }
  view.setUint8(9, reason);
  return bytes;
}

function checked(field: string, value: number, max: number): number {
  if (Number.isInteger(value) && value >= 0 && value <= max) return value;
  throw new RangeError(`encodeCurrentTime(): ${field} must be an integer 0–${max}, got ${value}`);
}
