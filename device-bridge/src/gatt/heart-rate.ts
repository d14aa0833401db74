/**
 * Heart Rate service (0x180D): Heart Rate Measurement (0x2A37, notified).
 *
 *   byte 0   1 (or 1–2)   │ then, only when flagged:
 *   ┌─────┬────────────┐  │ ┌──────────────────┬──────────────────────────────┐
 *   │flags│ heart rate │  │ │ energy expended  │ RR-intervals, to the end     │
 *   └─────┴────────────┘  │ └──────────────────┴──────────────────────────────┘
 *    u8    u8 or u16 LE   │   u16 LE, kJ        u16 LE each, 1/1024 s
 *          (bit 0)        │   bit 3             bit 4
 *
 *   flags: bit 0 heart rate is u16 (else u8) · bits 1–2 sensor contact
 *          (0x or 01: not supported, 10: supported but no contact, 11: contact) ·
 *          bit 3 energy expended present · bit 4 RR-intervals present ·
 *          bits 5–7 reserved, ignored.
 *
 *   `00 55`             → 85 bpm
 *   `1E 55 32 00 21 00` → 85 bpm, skin contact, 50 kJ, one RR-interval of 33/1024 s
 *
 * RR-intervals fill the rest of the value, so with bit 4 set there must be at
 * least one and the remaining length must be even.
 */
import { MeasurementFormatError } from '../errors';
import { FieldCursor, requireMandatory } from './field-reader';

/** Heart Rate service and characteristic UUIDs (full 128-bit, lowercase). */
export const HEART_RATE_UUIDS = {
  service: '0000180d-0000-1000-8000-00805f9b34fb',
  measurement: '00002a37-0000-1000-8000-00805f9b34fb',
  bodySensorLocation: '00002a38-0000-1000-8000-00805f9b34fb',
  controlPoint: '00002a39-0000-1000-8000-00805f9b34fb',
} as const;

/** Energy expended the sensor keeps sending once its counter is full: the client should reset it via the control point. */
export const ENERGY_EXPENDED_SATURATED = 0xffff;

/** Whether the sensor touches the skin, when it can tell. */
export type SensorContact = 'not-supported' | 'not-detected' | 'detected';

/** A Heart Rate Measurement (0x2A37). */
export interface HeartRateReading {
  /** Beats per minute. */
  heartRate: number;
  sensorContact: SensorContact;
  /** Cumulative energy in kJ since the last reset; {@link ENERGY_EXPENDED_SATURATED} once full. */
  energyExpended?: number;
  /** RR-intervals in milliseconds, oldest first (exact: 1/1024 s is a binary fraction). */
  rrIntervals?: number[];
}

const MEASUREMENT = 'Heart Rate Measurement';
const RR_LENGTH = 2;

/** Parses a Heart Rate Measurement (0x2A37) value; throws MeasurementFormatError if it cannot be trusted. */
export function parseHeartRateMeasurement(view: DataView): HeartRateReading {
  requireMandatory(view, 1, MEASUREMENT, 'flags');
  const flags = view.getUint8(0);
  const wide = (flags & 0x01) !== 0;
  requireMandatory(view, wide ? 3 : 2, MEASUREMENT, `flags and ${wide ? 'u16' : 'u8'} heart rate`);
  const reading: HeartRateReading = {
    heartRate: wide ? view.getUint16(1, true) : view.getUint8(1),
    sensorContact: decodeContact(flags),
  };
  const fields = new FieldCursor(view, wide ? 3 : 2, MEASUREMENT);
  if (flags & 0x08) reading.energyExpended = view.getUint16(fields.take('energy expended', 2), true);
  if (flags & 0x10) reading.rrIntervals = readRrIntervals(view, fields);
  return reading;
}

function decodeContact(flags: number): SensorContact {
  if ((flags & 0x04) === 0) return 'not-supported';
  return flags & 0x02 ? 'detected' : 'not-detected';
}

function readRrIntervals(view: DataView, fields: FieldCursor): number[] {
  if (fields.remaining % RR_LENGTH !== 0) {
    throw new MeasurementFormatError({
      code: 'inconsistent',
      characteristic: MEASUREMENT,
      field: 'RR-interval',
      detail: `RR-intervals take 2 bytes each but ${fields.remaining} bytes remain`,
    });
  }
  const intervals: number[] = [fields.take('RR-interval', RR_LENGTH)];
  while (fields.remaining > 0) intervals.push(fields.take('RR-interval', RR_LENGTH));
  // 1/1024 s → ms: dividing by a power of two is exact.
  return intervals.map((at) => (view.getUint16(at, true) * 1000) / 1024);
}
