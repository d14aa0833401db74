/**
 * Weight Scale service (0x181D): Weight Measurement (0x2A9D, indicated).
 *
 *   byte 0   1–2     │ then, in this order, only when flagged:
 *   ┌─────┬────────┐ │ ┌────────────┬─────────┬────────┬────────┐
 *   │flags│ weight │ │ │ time stamp │ user id │  BMI   │ height │
 *   └─────┴────────┘ │ └────────────┴─────────┴────────┴────────┘
 *    u8    u16 LE    │   Date Time    u8        u16 LE   u16 LE
 *                    │   bit 1        bit 2     bit 3 (both)
 *
 *   flags: bit 0 units (0 SI, 1 imperial) · bits 4–7 reserved, ignored.
 *
 *              weight        BMI            height
 *   SI         0.005 kg      0.1 kg/m²      0.001 m
 *   imperial   0.01 lb       0.1 kg/m²      0.1 in
 *
 *   `00 B0 36` → 70.00 kg (14 000 × 0.005)
 *
 * Weight 0xFFFF means "measurement unsuccessful" and is refused. The Weight
 * Scale Feature resolution bits say how precise the scale is, not how the
 * value is scaled: the scale above is fixed.
 */
import { MeasurementFormatError } from '../errors';
import { DATE_TIME_LENGTH, dateTimeValue, type DeviceDateTime } from './date-time';
import { FieldCursor, requireMandatory } from './field-reader';

/** Weight Scale service and characteristic UUIDs (full 128-bit, lowercase). */
export const WEIGHT_SCALE_UUIDS = {
  service: '0000181d-0000-1000-8000-00805f9b34fb',
  measurement: '00002a9d-0000-1000-8000-00805f9b34fb',
  feature: '00002a9e-0000-1000-8000-00805f9b34fb',
} as const;

/** Weight unit as a UCUM code. */
export type WeightUnit = 'kg' | '[lb_av]';

/** Height unit as a UCUM code. */
export type HeightUnit = 'm' | '[in_i]';

/** A Weight Measurement (0x2A9D). */
export interface WeightReading {
  weight: number;
  weightUnit: WeightUnit;
  /** The device clock at the measurement; `kind: 'unknown'` when its clock is not set. */
  timestamp?: DeviceDateTime;
  /** Device user index; 255 when the scale does not know who stood on it. */
  userId?: number;
  /** Body mass index in kg/m², always sent together with the height. */
  bmi?: number;
  height?: number;
  heightUnit?: HeightUnit;
}

const MEASUREMENT = 'Weight Measurement';
const MEASUREMENT_UNSUCCESSFUL = 0xffff;

/** Parses a Weight Measurement (0x2A9D) value; throws MeasurementFormatError if it cannot be trusted. */
export function parseWeightMeasurement(view: DataView): WeightReading {
  requireMandatory(view, 3, MEASUREMENT, 'flags and u16 weight');
  const flags = view.getUint8(0);
  const imperial = (flags & 0x01) !== 0;
  const rawWeight = view.getUint16(1, true);
  if (rawWeight === MEASUREMENT_UNSUCCESSFUL) {
    throw new MeasurementFormatError({
      code: 'special-value',
      characteristic: MEASUREMENT,
      field: 'weight',
      detail: 'weight is 0xFFFF, "measurement unsuccessful"',
    });
  }
  // Integer divided by a power of ten: correctly rounded (70, not 70.00000000000001).
  const reading: WeightReading = imperial
    ? { weight: rawWeight / 100, weightUnit: '[lb_av]' }
    : { weight: (rawWeight * 5) / 1000, weightUnit: 'kg' };
  const fields = new FieldCursor(view, 3, MEASUREMENT);
  if (flags & 0x02) reading.timestamp = dateTimeValue(view, fields.take('time stamp', DATE_TIME_LENGTH), 'time stamp', MEASUREMENT);
  if (flags & 0x04) reading.userId = view.getUint8(fields.take('user id', 1));
  if (flags & 0x08) {
    reading.bmi = view.getUint16(fields.take('BMI', 2), true) / 10;
    const rawHeight = view.getUint16(fields.take('height', 2), true);
    reading.height = imperial ? rawHeight / 10 : rawHeight / 1000;
    reading.heightUnit = imperial ? '[in_i]' : 'm';
  }
  return reading;
}
