import { describe, expect, it } from 'vitest';
import { hex } from '../testing/hex';
import { parseGlucoseMeasurement } from './glucose-measurement';
import { refusal } from './testing/refusal';

const BASE = 'E9 07 06 01 09 1E 00'; // 2025-06-01 09:30:00
const BASE_TIME = { kind: 'known', local: '2025-06-01T09:30:00', year: 2025, month: 6, day: 1, hours: 9, minutes: 30, seconds: 0 };

const NO_SENSOR_STATUS = {
  batteryLow: false,
  sensorMalfunction: false,
  sampleSizeInsufficient: false,
  stripInsertionError: false,
  stripTypeIncorrect: false,
  resultTooHigh: false,
  resultTooLow: false,
  temperatureTooHigh: false,
  temperatureTooLow: false,
  stripPulledTooSoon: false,
  generalDeviceFault: false,
  timeFault: false,
};

describe('parseGlucoseMeasurement', () => {
  it('when given a full record, then returns #42, 95 mg/dL capillary whole blood from a finger at base time − 10 min', () => {
    expect(parseGlucoseMeasurement(hex(`0B 2A 00 ${BASE} F6 FF 5F B0 11 00 00`))).toStrictEqual({
      sequenceNumber: 42,
      baseTime: BASE_TIME,
      timeOffset: -10,
      time: { kind: 'known', local: '2025-06-01T09:20:00', year: 2025, month: 6, day: 1, hours: 9, minutes: 20, seconds: 0 },
      concentration: { value: 95, unit: 'mg/dL', sampleType: 'capillary-whole-blood', sampleLocation: 'finger' },
      sensorStatus: NO_SENSOR_STATUS,
      contextFollows: false,
    });
  });

  it('when only the mandatory fields are sent, then the time is the base time and nothing else is set', () => {
    expect(parseGlucoseMeasurement(hex(`00 01 00 ${BASE}`))).toStrictEqual({
      sequenceNumber: 1,
      baseTime: BASE_TIME,
      time: BASE_TIME,
      contextFollows: false,
    });
  });

  it('when the unit flag (bit 2) is set, then the concentration is mol/L, returned in mmol/L (5.3)', () => {
    expect(parseGlucoseMeasurement(hex(`06 2B 00 ${BASE} 35 C0 11`)).concentration).toStrictEqual({
      value: 5.3,
      unit: 'mmol/L',
      sampleType: 'capillary-whole-blood',
      sampleLocation: 'finger',
    });
  });

  it('when the unit flag is clear, then the same bytes are kg/L (95 mg/dL), not mol/L', () => {
    expect(parseGlucoseMeasurement(hex(`02 2B 00 ${BASE} 5F B0 11`)).concentration?.value).toBe(95);
    expect(parseGlucoseMeasurement(hex(`06 2B 00 ${BASE} 5F B0 11`)).concentration?.value).toBe(0.95);
  });

  it('when the concentration has a finer exponent (1234 × 10⁻⁶ kg/L), then returns exactly 123.4 mg/dL', () => {
    expect(parseGlucoseMeasurement(hex(`02 2B 00 ${BASE} D2 A4 11`)).concentration?.value).toBe(123.4);
  });

  it.each([
    ['2025-01-01 00:05 − 10 min', 'E9 07 01 01 00 05 00', 'F6 FF', '2024-12-31T23:55:00'],
    ['2024-02-28 23:30 + 60 min', 'E8 07 02 1C 17 1E 00', '3C 00', '2024-02-29T00:30:00'],
    ['2025-06-01 09:30 + 0 min', BASE, '00 00', '2025-06-01T09:30:00'],
  ])('when the base time is %s, then the time is %s', (_, base, offset, local) => {
    expect(parseGlucoseMeasurement(hex(`01 07 00 ${base} ${offset}`)).time).toMatchObject({ kind: 'known', local });
  });

  it('when the base time is unknown (clock not set), then the time stays unknown whatever the offset', () => {
    const reading = parseGlucoseMeasurement(hex('01 07 00 00 00 00 00 00 00 00 F6 FF'));
    expect(reading.timeOffset).toBe(-10);
    expect(reading.time.kind).toBe('unknown');
  });

  it.each([
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
  ])('when the sample type nibble is %i, then the type is %s', (type, name) => {
    const typeLocation = (0x10 | type).toString(16);
    expect(parseGlucoseMeasurement(hex(`02 01 00 ${BASE} 5F B0 ${typeLocation}`)).concentration?.sampleType).toBe(name);
  });

  it.each([
    [1, 'finger'],
    [2, 'alternate-site'],
    [3, 'earlobe'],
    [4, 'control-solution'],
    [15, 'not-available'],
  ])('when the sample location nibble is %i, then the location is %s', (location, name) => {
    const typeLocation = ((location << 4) | 1).toString(16);
    expect(parseGlucoseMeasurement(hex(`02 01 00 ${BASE} 5F B0 ${typeLocation}`)).concentration?.sampleLocation).toBe(name);
  });

  it('when only a sensor status is sent (no result), then returns it without a concentration', () => {
    const reading = parseGlucoseMeasurement(hex(`08 01 00 ${BASE} 21 00`));
    expect(reading.concentration).toBeUndefined();
    expect(reading.sensorStatus).toStrictEqual({ ...NO_SENSOR_STATUS, batteryLow: true, resultTooHigh: true });
  });

  it.each([
    ['FF 0F', Object.fromEntries(Object.keys(NO_SENSOR_STATUS).map((name) => [name, true]))],
    ['00 F0', NO_SENSOR_STATUS],
    ['C2 08', { ...NO_SENSOR_STATUS, sensorMalfunction: true, resultTooLow: true, temperatureTooHigh: true, timeFault: true }],
    ['1C 07', {
      ...NO_SENSOR_STATUS,
      sampleSizeInsufficient: true,
      stripInsertionError: true,
      stripTypeIncorrect: true,
      temperatureTooLow: true,
      stripPulledTooSoon: true,
      generalDeviceFault: true,
    }],
  ])('when the sensor status is %s, then decodes its bits (12–15 reserved, ignored)', (bits, expected) => {
    expect(parseGlucoseMeasurement(hex(`08 01 00 ${BASE} ${bits}`)).sensorStatus).toStrictEqual(expected);
  });

  it('when bit 4 is set, then says a context follows', () => {
    expect(parseGlucoseMeasurement(hex(`10 01 00 ${BASE}`)).contextFollows).toBe(true);
  });

  it('when reserved flag bits 5–7 are set, then ignores them', () => {
    expect(parseGlucoseMeasurement(hex(`E0 01 00 ${BASE}`))).toStrictEqual(parseGlucoseMeasurement(hex(`00 01 00 ${BASE}`)));
  });

  it.each([['00 01 00 E9 07 06 01 09 1E'], ['']])('when only "%s" is given (shorter than 10 bytes), then refuses it as too-short', (bytes) => {
    const error = refusal(() => parseGlucoseMeasurement(hex(bytes)));
    expect(error.code).toBe('too-short');
    expect(error.characteristic).toBe('Glucose Measurement');
  });

  it('when 9 bytes are given, then the message says what the 10 mandatory bytes are', () => {
    expect(refusal(() => parseGlucoseMeasurement(hex('00 01 00 E9 07 06 01 09 1E'))).message).toBe(
      'Glucose Measurement: only 9 of 10 mandatory bytes present (flags, u16 sequence number and Date Time base time)',
    );
  });

  it.each([
    ['time offset', `01 01 00 ${BASE} F6`],
    ['glucose concentration', `02 01 00 ${BASE} 5F B0`],
    ['glucose concentration', `03 01 00 ${BASE} F6 FF 5F B0`],
    ['sensor status annunciation', `08 01 00 ${BASE} 21`],
    ['sensor status annunciation', `0A 01 00 ${BASE} 5F B0 11 21`],
  ])('when the %s is flagged but its bytes are missing, then refuses it naming that field', (field, bytes) => {
    const error = refusal(() => parseGlucoseMeasurement(hex(bytes)));
    expect(error.code).toBe('missing-field');
    expect(error.field).toBe(field);
  });

  it.each([['FF 07'], ['00 08'], ['FE 07'], ['02 08'], ['01 08']])(
    'when the concentration is the special value %s, then refuses the reading',
    (sfloat) => {
      const error = refusal(() => parseGlucoseMeasurement(hex(`02 01 00 ${BASE} ${sfloat} 11`)));
      expect(error.code).toBe('special-value');
      expect(error.field).toBe('glucose concentration');
    },
  );

  it('when the concentration is negative, then refuses it as out-of-range', () => {
    const error = refusal(() => parseGlucoseMeasurement(hex(`02 01 00 ${BASE} FB BF 11`)));
    expect(error.code).toBe('out-of-range');
    expect(error.message).toBe('Glucose Measurement: glucose concentration -5 is negative');
  });

  it.each([
    ['sample type', '10'],
    ['sample type', '1B'],
    ['sample type', '1F'],
    ['sample location', '01'],
    ['sample location', '51'],
    ['sample location', 'E1'],
  ])('when the %s nibble of %s is reserved, then refuses it as out-of-range', (field, typeLocation) => {
    const error = refusal(() => parseGlucoseMeasurement(hex(`02 01 00 ${BASE} 5F B0 ${typeLocation}`)));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe(field);
  });

  it('when the base time has month 13, then refuses the reading as out-of-range', () => {
    const error = refusal(() => parseGlucoseMeasurement(hex('00 01 00 E9 07 0D 01 09 1E 00')));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe('base time');
  });
});
