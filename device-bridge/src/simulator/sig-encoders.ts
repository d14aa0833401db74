/**
 * Small encoders for the SIG health characteristics, the mirror of the
 * decoders in gatt/ (each test decodes what these encode). They write only
 * the layouts the simulator sends; each one's flags are given in its comment.
 */
/** IEEE 11073 SFLOAT of `value` at 10^exponent, 2 bytes LE; RangeError when the mantissa does not fit 12 bits. */
export function encodeSfloat(value: number, exponent: number): number[] {
  const mantissa = Math.round(value / 10 ** exponent);
  // ±2046 stays clear of the special values (0x07FE–0x0802 with exponent 0).
  if (Math.abs(mantissa) > 2045 || exponent < -8 || exponent > 7) {
    throw new RangeError(`encodeSfloat(): ${value} does not fit an SFLOAT at exponent ${exponent}`);
  }
  const raw = ((exponent & 0x0f) << 12) | (mantissa & 0x0fff);
  return [raw & 0xff, raw >> 8];
}

/** The SFLOAT NaN (0x07FF), sent for unused fields. */
export const SFLOAT_NAN = [0xff, 0x07] as const;

/** IEEE 11073 FLOAT of `value` at 10^exponent, 4 bytes LE. */
export function encodeFloat(value: number, exponent: number): number[] {
  const mantissa = Math.round(value / 10 ** exponent);
  if (Math.abs(mantissa) > 0x7ffffd || exponent < -128 || exponent > 127) {
    throw new RangeError(`encodeFloat(): ${value} does not fit a FLOAT at exponent ${exponent}`);
  }
  return [mantissa & 0xff, (mantissa >> 8) & 0xff, (mantissa >> 16) & 0xff, exponent & 0xff];
}

/** A Date Time (7 bytes) from a local ISO time "YYYY-MM-DDTHH:MM:SS". */
export function encodeDateTime(local: string): number[] {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(local);
  if (match === null) throw new TypeError(`encodeDateTime(): expected "YYYY-MM-DDTHH:MM:SS", got "${local}"`);
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map(Number);
  return [year & 0xff, year >> 8, month, day, hours, minutes, seconds];
}

/** Blood Pressure Measurement, mmHg, flags 0x16: time stamp, pulse rate, measurement status. */
export function encodeBloodPressureMeasurement(reading: {
  systolic: number;
  diastolic: number;
  meanArterialPressure: number;
  pulseRate: number;
  time: string;
  /** Measurement status bits (default 0: nothing to report). */
  status?: number;
}): Uint8Array {
  const status = reading.status ?? 0;
  return Uint8Array.from([
    0x16,
    ...encodeSfloat(reading.systolic, 0),
    ...encodeSfloat(reading.diastolic, 0),
    ...encodeSfloat(reading.meanArterialPressure, 0),
    ...encodeDateTime(reading.time),
    ...encodeSfloat(reading.pulseRate, 0),
    status & 0xff,
    status >> 8,
  ]);
}

/** Intermediate Cuff Pressure, mmHg, flags 0x00; diastolic and MAP are NaN as the profile says. */
export function encodeIntermediateCuffPressure(pressure: number): Uint8Array {
  return Uint8Array.from([0x00, ...encodeSfloat(pressure, 0), ...SFLOAT_NAN, ...SFLOAT_NAN]);
}

/** Temperature Measurement in °C to 0.1, flags 0x06: time stamp and temperature type (1 armpit … 9 tympanum). */
export function encodeTemperatureMeasurement(reading: { celsius: number; time: string; type: number }): Uint8Array {
  return Uint8Array.from([0x06, ...encodeFloat(reading.celsius, -1), ...encodeDateTime(reading.time), reading.type]);
}

/** Intermediate Temperature in °C to 0.1, flags 0x00. */
export function encodeIntermediateTemperature(celsius: number): Uint8Array {
  return Uint8Array.from([0x00, ...encodeFloat(celsius, -1)]);
}

/** PLX Continuous Measurement, flags 0x04: measurement status (bit 5 ongoing, 6 early estimate …). */
export function encodePlxContinuous(reading: { spo2: number; pulseRate: number; measurementStatus: number }): Uint8Array {
  const status = reading.measurementStatus;
  return Uint8Array.from([0x04, ...encodeSfloat(reading.spo2, 0), ...encodeSfloat(reading.pulseRate, 0), status & 0xff, status >> 8]);
}

/** Heart Rate Measurement, u8 rate, flags 0x16: contact supported and detected, RR-intervals (ms → 1/1024 s). */
export function encodeHeartRateMeasurement(reading: { bpm: number; rrIntervalsMs: readonly number[] }): Uint8Array {
  const rr = reading.rrIntervalsMs.flatMap((ms) => {
    const units = Math.round((ms * 1024) / 1000);
    return [units & 0xff, units >> 8];
  });
  return Uint8Array.from([0x16, reading.bpm, ...rr]);
}

/** Weight Measurement in kg, flags 0x0A: time stamp, BMI and height (m). */
export function encodeWeightMeasurement(reading: { kg: number; heightM: number; time: string }): Uint8Array {
  const weight = Math.round(reading.kg / 0.005);
  const bmi = Math.round((reading.kg / reading.heightM ** 2) * 10);
  const height = Math.round(reading.heightM * 1000);
  return Uint8Array.from([
    0x0a,
    weight & 0xff,
    weight >> 8,
    ...encodeDateTime(reading.time),
    bmi & 0xff,
    bmi >> 8,
    height & 0xff,
    height >> 8,
  ]);
}

/**
 * Glucose Measurement, flags 0x02 (+ 0x10 when a context follows): sequence
 * number, base time, concentration in kg/L (mg/dL × 10⁻⁵: the SFLOAT mantissa
 * is the mg/dL value), capillary whole blood from a finger.
 */
export function encodeGlucoseMeasurement(record: {
  sequenceNumber: number;
  time: string;
  mgdl: number;
  contextFollows: boolean;
}): Uint8Array {
  const flags = 0x02 | (record.contextFollows ? 0x10 : 0);
  const seq = record.sequenceNumber;
  return Uint8Array.from([flags, seq & 0xff, seq >> 8, ...encodeDateTime(record.time), ...encodeSfloat(record.mgdl * 1e-5, -5), 0x11]);
}

/** Glucose Measurement Context, flags 0x02: meal (1 preprandial, 2 postprandial, 3 fasting, 4 casual, 5 bedtime). */
export function encodeGlucoseContext(context: { sequenceNumber: number; meal: number }): Uint8Array {
  const seq = context.sequenceNumber;
  return Uint8Array.from([0x02, seq & 0xff, seq >> 8, context.meal]);
}

/** RACP response code: `06 00 op code` (code 01 success, 06 no records found). */
export function encodeRacpResponseCode(requestOpCode: number, responseCode: number): Uint8Array {
  return Uint8Array.of(0x06, 0x00, requestOpCode, responseCode);
}

/** RACP number of stored records: `05 00 count(u16)`. */
export function encodeRacpRecordCount(count: number): Uint8Array {
  return Uint8Array.of(0x05, 0x00, count & 0xff, count >> 8);
}
