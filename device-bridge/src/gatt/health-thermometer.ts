/**
 * Health Thermometer service (0x1809): Temperature Measurement (0x2A1C,
 * indicated) and Intermediate Temperature (0x2A1E, notified while measuring)
 * share one layout:
 *
 *   byte 0   1–4          │ then, in this order, only when flagged:
 *   ┌─────┬─────────────┐ │ ┌────────────┬──────────────────┐
 *   │flags│ temperature │ │ │ time stamp │ temperature type │
 *   └─────┴─────────────┘ │ └────────────┴──────────────────┘
 *    u8    FLOAT          │   Date Time    u8
 *                         │   bit 1        bit 2
 *
 *   flags: bit 0 unit (0 °C, 1 °F) · bits 3–7 reserved, ignored.
 *   temperature type (also the Temperature Type characteristic 0x2A1D):
 *     1 armpit · 2 body (general) · 3 ear (usually earlobe) · 4 finger ·
 *     5 gastro-intestinal tract · 6 mouth · 7 rectum · 8 toe · 9 tympanum (ear drum);
 *     0 and 10–255 reserved.
 *
 *   `06 B0 0E 00 FE DC 07 0C 05 0B 32 1B 04` → 37.60 °C, 2012-12-05 11:50:27, finger
 */
import { DATE_TIME_LENGTH, dateTimeValue, type DeviceDateTime } from './date-time';
import { enumValue, FieldCursor, requireMandatory } from './field-reader';
import { floatValue } from './ieee11073';

/** Health Thermometer service and characteristic UUIDs (full 128-bit, lowercase). */
export const HEALTH_THERMOMETER_UUIDS = {
  service: '00001809-0000-1000-8000-00805f9b34fb',
  measurement: '00002a1c-0000-1000-8000-00805f9b34fb',
  temperatureType: '00002a1d-0000-1000-8000-00805f9b34fb',
  intermediateTemperature: '00002a1e-0000-1000-8000-00805f9b34fb',
  measurementInterval: '00002a21-0000-1000-8000-00805f9b34fb',
} as const;

/** Temperature unit as a UCUM code. */
export type TemperatureUnit = 'Cel' | '[degF]';

/** Where on the body the temperature was taken. */
export type TemperatureType =
  | 'armpit'
  | 'body'
  | 'ear'
  | 'finger'
  | 'gastrointestinal-tract'
  | 'mouth'
  | 'rectum'
  | 'toe'
  | 'tympanum';

/** A Temperature Measurement (0x2A1C) or Intermediate Temperature (0x2A1E). */
export interface TemperatureReading {
  temperature: number;
  unit: TemperatureUnit;
  /** The device clock at the measurement; `kind: 'unknown'` when its clock is not set. */
  timestamp?: DeviceDateTime;
  /** Absent when not sent: the device may publish it once in the Temperature Type characteristic instead. */
  temperatureType?: TemperatureType;
}

const MEASUREMENT = 'Temperature Measurement';
const INTERMEDIATE = 'Intermediate Temperature';
const TYPE_CHARACTERISTIC = 'Temperature Type';

const TEMPERATURE_TYPES: ReadonlyMap<number, TemperatureType> = new Map([
  [1, 'armpit'],
  [2, 'body'],
  [3, 'ear'],
  [4, 'finger'],
  [5, 'gastrointestinal-tract'],
  [6, 'mouth'],
  [7, 'rectum'],
  [8, 'toe'],
  [9, 'tympanum'],
]);

/** Parses a Temperature Measurement (0x2A1C) value; throws MeasurementFormatError if it cannot be trusted. */
export function parseTemperatureMeasurement(view: DataView): TemperatureReading {
  return parseTemperature(view, MEASUREMENT);
}

/** Parses an Intermediate Temperature (0x2A1E) value; throws MeasurementFormatError if it cannot be trusted. */
export function parseIntermediateTemperature(view: DataView): TemperatureReading {
  return parseTemperature(view, INTERMEDIATE);
}

/** Parses the Temperature Type characteristic (0x2A1D); a reserved value throws MeasurementFormatError('out-of-range'). */
export function parseTemperatureType(view: DataView): TemperatureType {
  requireMandatory(view, 1, TYPE_CHARACTERISTIC, 'temperature type');
  return enumValue(TEMPERATURE_TYPES, view.getUint8(0), 'temperature type', TYPE_CHARACTERISTIC);
}

function parseTemperature(view: DataView, characteristic: string): TemperatureReading {
  requireMandatory(view, 5, characteristic, 'flags and FLOAT temperature');
  const flags = view.getUint8(0);
  const reading: TemperatureReading = {
    temperature: floatValue(view, 1, 'temperature', characteristic),
    unit: flags & 0x01 ? '[degF]' : 'Cel',
  };
  const fields = new FieldCursor(view, 5, characteristic);
  if (flags & 0x02) {
    reading.timestamp = dateTimeValue(view, fields.take('time stamp', DATE_TIME_LENGTH), 'time stamp', characteristic);
  }
  if (flags & 0x04) {
    const raw = view.getUint8(fields.take('temperature type', 1));
    reading.temperatureType = enumValue(TEMPERATURE_TYPES, raw, 'temperature type', characteristic);
  }
  return reading;
}
