/**
 * Blood Pressure service (0x1810): Blood Pressure Measurement (0x2A35, indicated)
 * and Intermediate Cuff Pressure (0x2A36, notified during inflation) share one layout:
 *
 *   byte 0   1–2       3–4        5–6   │ then, in this order, only when flagged:
 *   ┌─────┬─────────┬──────────┬──────┐ │ ┌────────────┬────────┬────────┬──────────┐
 *   │flags│systolic │diastolic │ MAP  │ │ │ time stamp │ pulse  │user id │  status  │
 *   └─────┴─────────┴──────────┴──────┘ │ └────────────┴────────┴────────┴──────────┘
 *    u8    SFLOAT    SFLOAT     SFLOAT  │   Date Time    SFLOAT   u8       u16 LE
 *                                       │   7 bytes      bit 2    bit 3    bit 4
 *                                       │   bit 1
 *   flags: bit 0 unit (0 mmHg, 1 kPa); bits 5–7 reserved, ignored.
 *
 *   status (u16): bit 0 body movement · 1 cuff too loose · 2 irregular pulse ·
 *                 3–4 pulse rate range (00 in range, 01 above, 10 below, 11 reserved) ·
 *                 5 improper measurement position; higher bits reserved.
 *
 * In Intermediate Cuff Pressure the systolic field carries the current cuff
 * pressure and diastolic and MAP are unused (the device sends NaN there).
 *
 *   `06 78 00 50 00 5D 00 E9 07 06 01 09 1E 00 46 00`
 *     → 120/80 mmHg, MAP 93, 2025-06-01 09:30:00, pulse 70
 *
 * Bytes after the last flagged field are ignored, so later revisions of the
 * format that append fields still parse.
 */
import { MeasurementFormatError } from '../errors';
import { DATE_TIME_LENGTH, dateTimeValue, type DeviceDateTime } from './date-time';
import { decodeSfloat, requireValue, sfloatValue, type Ieee11073Number } from './ieee11073';

/** 16-bit UUIDs of the Blood Pressure service and its characteristics. */
export const BLOOD_PRESSURE_UUIDS = {
  service: 0x1810,
  measurement: 0x2a35,
  intermediateCuffPressure: 0x2a36,
  feature: 0x2a49,
} as const;

/** User ID the device sends when it does not know who was measured. */
export const UNKNOWN_USER_ID = 0xff;

/** Pressure unit as a UCUM code. */
export type PressureUnit = 'mm[Hg]' | 'kPa';

/** Where the device puts the pulse rate relative to its own limits. */
export type PulseRange = 'in-range' | 'above' | 'below' | 'reserved';

/** Problems the device reports about how the measurement was taken. */
export interface BloodPressureStatus {
  bodyMovement: boolean;
  cuffTooLoose: boolean;
  irregularPulse: boolean;
  pulseRange: PulseRange;
  improperPosition: boolean;
}

/** Fields both characteristics may carry besides the pressures. */
export interface CuffOptionalFields {
  /** The device clock at the measurement; `kind: 'unknown'` when its clock is not set. */
  timestamp?: DeviceDateTime;
  /** Pulse rate in beats per minute. */
  pulseRate?: number;
  /** Device user index; {@link UNKNOWN_USER_ID} when the device does not know. */
  userId?: number;
  status?: BloodPressureStatus;
}

/** A completed blood pressure measurement (0x2A35). */
export interface BloodPressureReading extends CuffOptionalFields {
  systolic: number;
  diastolic: number;
  meanArterialPressure: number;
  unit: PressureUnit;
}

/** The cuff pressure while a measurement is in progress (0x2A36). */
export interface CuffPressureReading extends CuffOptionalFields {
  cuffPressure: number;
  unit: PressureUnit;
}

const MEASUREMENT = 'Blood Pressure Measurement';
const INTERMEDIATE = 'Intermediate Cuff Pressure';
const MANDATORY_LENGTH = 7;
const PULSE_RANGES: readonly PulseRange[] = ['in-range', 'above', 'below', 'reserved'];

/** Parses a Blood Pressure Measurement (0x2A35) value; throws MeasurementFormatError if it cannot be trusted. */
export function parseBloodPressureMeasurement(view: DataView): BloodPressureReading {
  const frame = readFrame(view, MEASUREMENT);
  return {
    systolic: requireValue(frame.systolic, 'systolic', MEASUREMENT),
    diastolic: requireValue(frame.diastolic, 'diastolic', MEASUREMENT),
    meanArterialPressure: requireValue(frame.map, 'mean arterial pressure', MEASUREMENT),
    unit: frame.unit,
    ...frame.optional,
  };
}

/** Parses an Intermediate Cuff Pressure (0x2A36) value; throws MeasurementFormatError if it cannot be trusted. */
export function parseIntermediateCuffPressure(view: DataView): CuffPressureReading {
  const frame = readFrame(view, INTERMEDIATE);
  return {
    cuffPressure: requireValue(frame.systolic, 'cuff pressure', INTERMEDIATE),
    unit: frame.unit,
    ...frame.optional,
  };
}

interface Frame {
  unit: PressureUnit;
  systolic: Ieee11073Number;
  diastolic: Ieee11073Number;
  map: Ieee11073Number;
  optional: CuffOptionalFields;
}

function readFrame(view: DataView, characteristic: string): Frame {
  if (view.byteLength < MANDATORY_LENGTH) {
    throw new MeasurementFormatError({
      code: 'too-short',
      characteristic,
      detail: `only ${view.byteLength} of ${MANDATORY_LENGTH} mandatory bytes present (flags and three SFLOAT pressures)`,
    });
  }
  const flags = view.getUint8(0);
  let offset = MANDATORY_LENGTH;
  // Hands out the offset of the next flagged field, after checking its bytes are there.
  const take = (field: string, length: number): number => {
    const end = offset + length;
    if (view.byteLength < end) {
      throw new MeasurementFormatError({
        code: 'missing-field',
        characteristic,
        field,
        detail: `${field} flagged but only ${view.byteLength} of ${end} bytes present`,
      });
    }
    const at = offset;
    offset = end;
    return at;
  };

  const optional: CuffOptionalFields = {};
  if (flags & 0x02) optional.timestamp = dateTimeValue(view, take('time stamp', DATE_TIME_LENGTH), 'time stamp', characteristic);
  if (flags & 0x04) optional.pulseRate = sfloatValue(view, take('pulse rate', 2), 'pulse rate', characteristic);
  if (flags & 0x08) optional.userId = view.getUint8(take('user id', 1));
  if (flags & 0x10) optional.status = decodeStatus(view.getUint16(take('measurement status', 2), true));

  return {
    unit: flags & 0x01 ? 'kPa' : 'mm[Hg]',
    systolic: decodeSfloat(view, 1),
    diastolic: decodeSfloat(view, 3),
    map: decodeSfloat(view, 5),
    optional,
  };
}

function decodeStatus(bits: number): BloodPressureStatus {
  return {
    bodyMovement: (bits & 0x01) !== 0,
    cuffTooLoose: (bits & 0x02) !== 0,
    irregularPulse: (bits & 0x04) !== 0,
    pulseRange: PULSE_RANGES[(bits >> 3) & 0x03],
    improperPosition: (bits & 0x20) !== 0,
  };
}
