import { describe, expect, it } from 'vitest';
import { MeasurementFormatError } from '../errors';
import { hex } from '../testing/hex';
import { parseBloodPressureMeasurement, parseIntermediateCuffPressure, UNKNOWN_USER_ID } from './blood-pressure';

/** Runs `parse` and returns the MeasurementFormatError it must throw. */
function refusal(parse: () => unknown): MeasurementFormatError {
  try {
    parse();
  } catch (error) {
    if (error instanceof MeasurementFormatError) return error;
    throw error;
  }
  throw new Error('expected a MeasurementFormatError, but the value was accepted');
}

describe('parseBloodPressureMeasurement', () => {
  it('when given the reference reading with time stamp and pulse, then returns 120/80 mmHg, MAP 93, 2025-06-01 09:30:00, pulse 70', () => {
    const reading = parseBloodPressureMeasurement(hex('06 78 00 50 00 5D 00 E9 07 06 01 09 1E 00 46 00'));
    expect(reading).toStrictEqual({
      systolic: 120,
      diastolic: 80,
      meanArterialPressure: 93,
      unit: 'mm[Hg]',
      timestamp: { kind: 'known', local: '2025-06-01T09:30:00', year: 2025, month: 6, day: 1, hours: 9, minutes: 30, seconds: 0 },
      pulseRate: 70,
    });
  });

  it('when no optional field is flagged, then returns the three pressures only (18.9 / 11 / 15.9 mmHg)', () => {
    expect(parseBloodPressureMeasurement(hex('00 BD F0 0B 00 9F F0'))).toStrictEqual({
      systolic: 18.9,
      diastolic: 11,
      meanArterialPressure: 15.9,
      unit: 'mm[Hg]',
    });
  });

  it('when the unit flag is set, then the unit is kPa', () => {
    const reading = parseBloodPressureMeasurement(hex('01 A0 F0 6B F0 7D F0'));
    expect(reading).toStrictEqual({ systolic: 16, diastolic: 10.7, meanArterialPressure: 12.5, unit: 'kPa' });
  });

  it('when a user id is flagged, then returns it', () => {
    expect(parseBloodPressureMeasurement(hex('08 78 00 50 00 5D 00 03')).userId).toBe(3);
    expect(parseBloodPressureMeasurement(hex('08 78 00 50 00 5D 00 FF')).userId).toBe(UNKNOWN_USER_ID);
  });

  it.each([
    [
      '2D 00',
      { bodyMovement: true, cuffTooLoose: false, irregularPulse: true, pulseRange: 'above', improperPosition: true },
    ],
    [
      '12 00',
      { bodyMovement: false, cuffTooLoose: true, irregularPulse: false, pulseRange: 'below', improperPosition: false },
    ],
    [
      '18 00',
      { bodyMovement: false, cuffTooLoose: false, irregularPulse: false, pulseRange: 'reserved', improperPosition: false },
    ],
    [
      '00 FF',
      { bodyMovement: false, cuffTooLoose: false, irregularPulse: false, pulseRange: 'in-range', improperPosition: false },
    ],
  ])('when measurement status %s is flagged, then decodes its bits', (status, expected) => {
    expect(parseBloodPressureMeasurement(hex(`10 78 00 50 00 5D 00 ${status}`)).status).toEqual(expected);
  });

  it('when every optional field is flagged, then reads them in order', () => {
    const reading = parseBloodPressureMeasurement(hex('1E 78 00 50 00 5D 00 E9 07 06 01 09 1E 00 46 00 02 04 00'));
    expect(reading).toMatchObject({
      timestamp: { kind: 'known', local: '2025-06-01T09:30:00' },
      pulseRate: 70,
      userId: 2,
      status: { irregularPulse: true, pulseRange: 'in-range' },
    });
  });

  it('when the device clock is not set (year 0), then keeps the reading and flags the time stamp as unknown', () => {
    const reading = parseBloodPressureMeasurement(hex('02 78 00 50 00 5D 00 00 00 00 00 00 00 00'));
    expect(reading.systolic).toBe(120);
    expect(reading.timestamp?.kind).toBe('unknown');
  });

  it('when bytes follow the last flagged field, then ignores them', () => {
    expect(parseBloodPressureMeasurement(hex('00 BD F0 0B 00 9F F0 AA BB CC'))).toStrictEqual(
      parseBloodPressureMeasurement(hex('00 BD F0 0B 00 9F F0')),
    );
  });

  it('when reserved flag bits 5–7 are set, then ignores them', () => {
    expect(parseBloodPressureMeasurement(hex('E0 78 00 50 00 5D 00'))).toStrictEqual({
      systolic: 120,
      diastolic: 80,
      meanArterialPressure: 93,
      unit: 'mm[Hg]',
    });
  });

  it('when the view is a window into a larger buffer, then reads relative to the window', () => {
    const bytes = new Uint8Array([0xaa, 0xaa, 0x00, 0x78, 0x00, 0x50, 0x00, 0x5d, 0x00]);
    const reading = parseBloodPressureMeasurement(new DataView(bytes.buffer, 2));
    expect(reading.systolic).toBe(120);
  });

  it.each([['01 02 03 04 05 06'], ['']])('when only "%s" is given (shorter than 7 bytes), then refuses it as too-short', (bytes) => {
    const error = refusal(() => parseBloodPressureMeasurement(hex(bytes)));
    expect(error.code).toBe('too-short');
    expect(error.characteristic).toBe('Blood Pressure Measurement');
  });

  it('when 01 02 03 04 05 06 is given, then the message says how many bytes are missing', () => {
    expect(refusal(() => parseBloodPressureMeasurement(hex('01 02 03 04 05 06'))).message).toBe(
      'Blood Pressure Measurement: only 6 of 7 mandatory bytes present (flags and three SFLOAT pressures)',
    );
  });

  it('when the time stamp is flagged but missing (03 02 03 04 05 06 07), then refuses it as missing-field', () => {
    const error = refusal(() => parseBloodPressureMeasurement(hex('03 02 03 04 05 06 07')));
    expect(error.code).toBe('missing-field');
    expect(error.field).toBe('time stamp');
    expect(error.message).toBe('Blood Pressure Measurement: time stamp flagged but only 7 of 14 bytes present');
  });

  it.each([
    ['pulse rate', '04 78 00 50 00 5D 00 46'],
    ['user id', '0C 78 00 50 00 5D 00 46 00'],
    ['measurement status', '10 78 00 50 00 5D 00 01'],
  ])('when the %s is flagged but its bytes are missing, then refuses it naming that field', (field, bytes) => {
    const error = refusal(() => parseBloodPressureMeasurement(hex(bytes)));
    expect(error.code).toBe('missing-field');
    expect(error.field).toBe(field);
  });

  it.each([
    ['systolic', '00 FF 07 50 00 5D 00'],
    ['diastolic', '00 78 00 00 08 5D 00'],
    ['mean arterial pressure', '00 78 00 50 00 FE 07'],
    ['pulse rate', '04 78 00 50 00 5D 00 02 08'],
  ])('when the %s is a special value, then refuses the whole reading', (field, bytes) => {
    const error = refusal(() => parseBloodPressureMeasurement(hex(bytes)));
    expect(error.code).toBe('special-value');
    expect(error.field).toBe(field);
  });

  it('when the systolic is NaN, then the message names the field and the special value', () => {
    expect(refusal(() => parseBloodPressureMeasurement(hex('00 FF 07 50 00 5D 00'))).message).toBe(
      'Blood Pressure Measurement: systolic is the special value NaN (not a number), not a measurement',
    );
  });

  it('when the time stamp has month 13, then refuses the reading as out-of-range', () => {
    const error = refusal(() => parseBloodPressureMeasurement(hex('02 78 00 50 00 5D 00 E9 07 0D 01 09 1E 00')));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe('time stamp');
  });
});

describe('parseIntermediateCuffPressure', () => {
  it('when diastolic and MAP are NaN as the spec requires, then returns the current cuff pressure', () => {
    expect(parseIntermediateCuffPressure(hex('00 28 00 FF 07 FF 07'))).toStrictEqual({ cuffPressure: 40, unit: 'mm[Hg]' });
  });

  it('when optional fields are flagged, then returns them as for a measurement', () => {
    expect(parseIntermediateCuffPressure(hex('15 8C F0 FF 07 FF 07 48 00 04 00'))).toStrictEqual({
      cuffPressure: 14,
      unit: 'kPa',
      pulseRate: 72,
      status: { bodyMovement: false, cuffTooLoose: false, irregularPulse: true, pulseRange: 'in-range', improperPosition: false },
    });
  });

  it('when the cuff pressure is a special value, then refuses it naming the cuff pressure', () => {
    const error = refusal(() => parseIntermediateCuffPressure(hex('00 FF 07 FF 07 FF 07')));
    expect(error.code).toBe('special-value');
    expect(error.field).toBe('cuff pressure');
    expect(error.characteristic).toBe('Intermediate Cuff Pressure');
  });

  it('when an intermediate value is parsed as a final measurement, then the NaN diastolic is refused', () => {
    expect(refusal(() => parseBloodPressureMeasurement(hex('00 28 00 FF 07 FF 07'))).field).toBe('diastolic');
  });

  it('when too short, then refuses it naming Intermediate Cuff Pressure', () => {
    const error = refusal(() => parseIntermediateCuffPressure(hex('00 28 00')));
    expect(error.code).toBe('too-short');
    expect(error.message).toMatch(/^Intermediate Cuff Pressure: /);
  });
});
