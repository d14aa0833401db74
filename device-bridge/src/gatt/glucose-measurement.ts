/**
 * Glucose service (0x1808, bonding required): Glucose Measurement (0x2A18, notified).
 *
 *   byte 0   1–2        3–9        │ then, in this order, only when flagged:
 *   ┌─────┬──────────┬───────────┐ │ ┌─────────────┬───────────────┬─────────────┬───────────────┐
 *   │flags│ sequence │ base time │ │ │ time offset │ concentration │ type/sample │ sensor status │
 *   │     │  number  │           │ │ │             │               │  location   │ annunciation  │
 *   └─────┴──────────┴───────────┘ │ └─────────────┴───────────────┴─────────────┴───────────────┘
 *    u8    u16 LE     Date Time    │   s16 LE, min   SFLOAT          u8            u16 LE
 *                                  │   bit 0         bit 1 (both)                  bit 3
 *
 *   flags: bit 2 concentration unit (0 kg/L, 1 mol/L; not the other way round) ·
 *          bit 4 a Glucose Measurement Context with the same sequence number follows ·
 *          bits 5–7 reserved, ignored.
 *
 *   type (low nibble): 1 capillary whole blood · 2 capillary plasma · 3 venous
 *     whole blood · 4 venous plasma · 5 arterial whole blood · 6 arterial plasma ·
 *     7 undetermined whole blood · 8 undetermined plasma · 9 interstitial fluid ·
 *     10 control solution; 0 and 11–15 reserved.
 *   sample location (high nibble): 1 finger · 2 alternate site test · 3 earlobe ·
 *     4 control solution · 15 not available; 0 and 5–14 reserved.
 *
 *   sensor status annunciation (u16): 0 device battery low · 1 sensor malfunction ·
 *     2 sample size insufficient · 3 strip insertion error · 4 strip type incorrect ·
 *     5 result higher than the device can process · 6 result lower than the device
 *     can process · 7 sensor temperature too high · 8 sensor temperature too low ·
 *     9 strip pulled too soon · 10 general device fault · 11 time fault (time may be
 *     inaccurate) · 12–15 reserved.
 *
 *   `0B 2A 00 E9 07 06 01 09 1E 00 F6 FF 5F B0 11 00 00`
 *     → #42, 95 mg/dL capillary whole blood from a finger, at 2025-06-01 09:20:00
 *       (base time 09:30:00, offset −10 min), no sensor problem
 *
 * Concentrations are returned in the units clinicians read: kg/L × 10⁵ = mg/dL,
 * mol/L × 10³ = mmol/L, shifting the SFLOAT's decimal exponent so no binary
 * rounding creeps in.
 */
import { DATE_TIME_LENGTH, dateTimeValue, type DeviceDateTime } from './date-time';
import { decodeBits, enumValue, FieldCursor, requireMandatory, requireNotNegative, sfloatShifted } from './field-reader';

/** Glucose service and characteristic UUIDs (full 128-bit, lowercase). */
export const GLUCOSE_UUIDS = {
  service: '00001808-0000-1000-8000-00805f9b34fb',
  measurement: '00002a18-0000-1000-8000-00805f9b34fb',
  measurementContext: '00002a34-0000-1000-8000-00805f9b34fb',
  feature: '00002a51-0000-1000-8000-00805f9b34fb',
  recordAccessControlPoint: '00002a52-0000-1000-8000-00805f9b34fb',
} as const;

/** Glucose concentration unit as a UCUM code. */
export type GlucoseUnit = 'mg/dL' | 'mmol/L';

/** The fluid the glucose was measured in. */
export type GlucoseSampleType =
  | 'capillary-whole-blood'
  | 'capillary-plasma'
  | 'venous-whole-blood'
  | 'venous-plasma'
  | 'arterial-whole-blood'
  | 'arterial-plasma'
  | 'undetermined-whole-blood'
  | 'undetermined-plasma'
  | 'interstitial-fluid'
  | 'control-solution';

/** Where the sample was taken. */
export type GlucoseSampleLocation = 'finger' | 'alternate-site' | 'earlobe' | 'control-solution' | 'not-available';

/** Problems the meter reports about the measurement (sensor status annunciation); bits 12–15 are reserved. */
export interface GlucoseSensorStatus {
  batteryLow: boolean;
  sensorMalfunction: boolean;
  sampleSizeInsufficient: boolean;
  stripInsertionError: boolean;
  stripTypeIncorrect: boolean;
  /** The result is above what the meter can measure. */
  resultTooHigh: boolean;
  /** The result is below what the meter can measure. */
  resultTooLow: boolean;
  temperatureTooHigh: boolean;
  temperatureTooLow: boolean;
  stripPulledTooSoon: boolean;
  generalDeviceFault: boolean;
  /** The meter's time may be wrong. */
  timeFault: boolean;
}

const SENSOR_STATUS_BITS: Readonly<Record<keyof GlucoseSensorStatus, number>> = {
  batteryLow: 0,
  sensorMalfunction: 1,
  sampleSizeInsufficient: 2,
  stripInsertionError: 3,
  stripTypeIncorrect: 4,
  resultTooHigh: 5,
  resultTooLow: 6,
  temperatureTooHigh: 7,
  temperatureTooLow: 8,
  stripPulledTooSoon: 9,
  generalDeviceFault: 10,
  timeFault: 11,
};

/** A glucose concentration, in the clinical unit matching the unit the meter sent. */
export interface GlucoseConcentration {
  value: number;
  unit: GlucoseUnit;
  sampleType: GlucoseSampleType;
  sampleLocation: GlucoseSampleLocation;
}

/** A Glucose Measurement (0x2A18). */
export interface GlucoseReading {
  /** The meter's record number: pairs a measurement with its context, and de-duplicates. */
  sequenceNumber: number;
  /** The meter clock when the record was made. */
  baseTime: DeviceDateTime;
  /** Minutes the user-facing time differs from the base time, when sent. */
  timeOffset?: number;
  /** The time to show: base time plus offset (or the base time when its clock is unknown). */
  time: DeviceDateTime;
  /** Absent when the meter recorded no result (e.g. a strip error): look at `sensorStatus`. */
  concentration?: GlucoseConcentration;
  sensorStatus?: GlucoseSensorStatus;
  /** A Glucose Measurement Context with the same sequence number follows. */
  contextFollows: boolean;
}

const MEASUREMENT = 'Glucose Measurement';
const MANDATORY_LENGTH = 3 + DATE_TIME_LENGTH;

const SAMPLE_TYPES: ReadonlyMap<number, GlucoseSampleType> = new Map([
  [1, 'capillary-whole-blood'],
  [2, 'capillary-plasma'],
  [3, 'venous-whole-blood'],
  [4, 'venous-plasma'],
  [5, 'arterial-whole-blood'],
  [6, 'arterial-plasma'],
  [7, 'undetermined-whole-blood'],
  [8, 'undetermined-plasma'],
  [9, 'interstitial-fluid'],
  [10, 'control-solution'],
]);

const SAMPLE_LOCATIONS: ReadonlyMap<number, GlucoseSampleLocation> = new Map([
  [1, 'finger'],
  [2, 'alternate-site'],
  [3, 'earlobe'],
  [4, 'control-solution'],
  [15, 'not-available'],
]);

/** Parses a Glucose Measurement (0x2A18) value; throws MeasurementFormatError if it cannot be trusted. */
export function parseGlucoseMeasurement(view: DataView): GlucoseReading {
  requireMandatory(view, MANDATORY_LENGTH, MEASUREMENT, 'flags, u16 sequence number and Date Time base time');
  const flags = view.getUint8(0);
  const baseTime = dateTimeValue(view, 3, 'base time', MEASUREMENT);
  const fields = new FieldCursor(view, MANDATORY_LENGTH, MEASUREMENT);
  const timeOffset = flags & 0x01 ? view.getInt16(fields.take('time offset', 2), true) : undefined;
  const reading: GlucoseReading = {
    sequenceNumber: view.getUint16(1, true),
    baseTime,
    ...(timeOffset === undefined ? {} : { timeOffset }),
    time: timeOffset === undefined ? baseTime : addMinutes(baseTime, timeOffset),
    contextFollows: (flags & 0x10) !== 0,
  };
  if (flags & 0x02) reading.concentration = readConcentration(view, fields.take('glucose concentration', 3), flags & 0x04 ? 'mmol/L' : 'mg/dL');
  if (flags & 0x08) {
    reading.sensorStatus = decodeBits(view.getUint16(fields.take('sensor status annunciation', 2), true), SENSOR_STATUS_BITS);
  }
  return reading;
}

function readConcentration(view: DataView, offset: number, unit: GlucoseUnit): GlucoseConcentration {
  const value = sfloatShifted(view, offset, unit === 'mg/dL' ? 5 : 3, 'glucose concentration', MEASUREMENT);
  const typeLocation = view.getUint8(offset + 2);
  return {
    value: requireNotNegative(value, 'glucose concentration', MEASUREMENT),
    unit,
    sampleType: enumValue(SAMPLE_TYPES, typeLocation & 0x0f, 'sample type', MEASUREMENT),
    sampleLocation: enumValue(SAMPLE_LOCATIONS, typeLocation >> 4, 'sample location', MEASUREMENT),
  };
}

/** The wall-clock time `minutes` after `time`; an unknown clock stays unknown. */
function addMinutes(time: DeviceDateTime, minutes: number): DeviceDateTime {
  if (time.kind === 'unknown') return time;
  // Date.UTC is used only as a calendar: the device time has no zone, and UTC has no DST gaps.
  const shifted = new Date(Date.UTC(time.year, time.month - 1, time.day, time.hours, time.minutes + minutes, time.seconds));
  const fields = {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hours: shifted.getUTCHours(),
    minutes: shifted.getUTCMinutes(),
    seconds: shifted.getUTCSeconds(),
  };
  const two = (n: number): string => String(n).padStart(2, '0');
  const local = `${String(fields.year).padStart(4, '0')}-${two(fields.month)}-${two(fields.day)}T${two(fields.hours)}:${two(fields.minutes)}:${two(fields.seconds)}`;
  return { kind: 'known', local, ...fields };
}
