import { describe, expect, it } from 'vitest';
import { hex } from '../testing/hex';
import {
  parseIntermediateTemperature,
  parseTemperatureMeasurement,
  parseTemperatureType,
} from './health-thermometer';
import { refusal } from './testing/refusal';

describe('parseTemperatureMeasurement', () => {
  it('when given the reference reading, then returns 37.6 °C on 2012-12-05 11:50:27 taken at the finger', () => {
    expect(parseTemperatureMeasurement(hex('06 B0 0E 00 FE DC 07 0C 05 0B 32 1B 04'))).toStrictEqual({
      temperature: 37.6,
      unit: 'Cel',
      timestamp: { kind: 'known', local: '2012-12-05T11:50:27', year: 2012, month: 12, day: 5, hours: 11, minutes: 50, seconds: 27 },
      temperatureType: 'finger',
    });
  });

  it('when the unit flag is set, then the unit is °F (98.6)', () => {
    expect(parseTemperatureMeasurement(hex('01 DA 03 00 FF'))).toStrictEqual({ temperature: 98.6, unit: '[degF]' });
  });

  it.each([
    [1, 'armpit'],
    [2, 'body'],
    [3, 'ear'],
    [4, 'finger'],
    [5, 'gastrointestinal-tract'],
    [6, 'mouth'],
    [7, 'rectum'],
    [8, 'toe'],
    [9, 'tympanum'],
  ])('when the temperature type is %i, then it is %s', (type, name) => {
    const reading = parseTemperatureMeasurement(hex(`04 6E 01 00 FF 0${type}`));
    expect(reading.temperatureType).toBe(name);
  });

  it('when the device clock is not set, then keeps the reading and flags the time stamp as unknown', () => {
    const reading = parseTemperatureMeasurement(hex('02 6E 01 00 FF 00 00 00 00 00 00 00'));
    expect(reading.temperature).toBe(36.6);
    expect(reading.timestamp?.kind).toBe('unknown');
  });

  it('when reserved flag bits 3–7 are set, then ignores them', () => {
    expect(parseTemperatureMeasurement(hex('F8 6E 01 00 FF'))).toStrictEqual({ temperature: 36.6, unit: 'Cel' });
  });

  it('when bytes follow the last flagged field, then ignores them', () => {
    expect(parseTemperatureMeasurement(hex('00 6E 01 00 FF AA'))).toStrictEqual({ temperature: 36.6, unit: 'Cel' });
  });

  it.each([['00 6E 01 00'], ['']])('when only "%s" is given (shorter than 5 bytes), then refuses it as too-short', (bytes) => {
    const error = refusal(() => parseTemperatureMeasurement(hex(bytes)));
    expect(error.code).toBe('too-short');
    expect(error.characteristic).toBe('Temperature Measurement');
  });

  it.each([
    ['time stamp', '02 6E 01 00 FF DC 07 0C 05 0B 32'],
    ['temperature type', '04 6E 01 00 FF'],
    ['temperature type', '06 6E 01 00 FF DC 07 0C 05 0B 32 1B'],
  ])('when the %s is flagged but its bytes are missing, then refuses it naming that field', (field, bytes) => {
    const error = refusal(() => parseTemperatureMeasurement(hex(bytes)));
    expect(error.code).toBe('missing-field');
    expect(error.field).toBe(field);
  });

  it.each([
    ['NaN', 'FF FF 7F 00'],
    ['NRes', '00 00 80 00'],
    ['+INF', 'FE FF 7F 00'],
    ['−INF', '02 00 80 00'],
    ['reserved', '01 00 80 00'],
  ])('when the temperature is the special value %s, then refuses the reading', (_, float) => {
    const error = refusal(() => parseTemperatureMeasurement(hex(`00 ${float}`)));
    expect(error.code).toBe('special-value');
    expect(error.field).toBe('temperature');
  });

  it('when the temperature is NaN, then the message names the field and the special value', () => {
    expect(refusal(() => parseTemperatureMeasurement(hex('00 FF FF 7F 00'))).message).toBe(
      'Temperature Measurement: temperature is the special value NaN (not a number), not a measurement',
    );
  });

  it.each([['00'], ['0A'], ['FF']])('when the temperature type is the reserved value %s, then refuses it as out-of-range', (type) => {
    const error = refusal(() => parseTemperatureMeasurement(hex(`04 6E 01 00 FF ${type}`)));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe('temperature type');
  });

  it('when the temperature type is 10, then the message lists the defined values', () => {
    expect(refusal(() => parseTemperatureMeasurement(hex('04 6E 01 00 FF 0A'))).message).toBe(
      'Temperature Measurement: temperature type 10 (0x0A) is reserved; defined values are 1, 2, 3, 4, 5, 6, 7, 8, 9',
    );
  });

  it('when the time stamp has month 13, then refuses the reading as out-of-range', () => {
    const error = refusal(() => parseTemperatureMeasurement(hex('02 6E 01 00 FF DC 07 0D 05 0B 32 1B')));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe('time stamp');
  });
});

describe('parseIntermediateTemperature', () => {
  it('when given a value, then decodes it like a measurement', () => {
    expect(parseIntermediateTemperature(hex('00 6E 01 00 FF'))).toStrictEqual({ temperature: 36.6, unit: 'Cel' });
  });

  it('when the temperature is a special value, then refuses it naming Intermediate Temperature', () => {
    const error = refusal(() => parseIntermediateTemperature(hex('00 FF FF 7F 00')));
    expect(error.code).toBe('special-value');
    expect(error.message).toMatch(/^Intermediate Temperature: /);
  });
});

describe('parseTemperatureType', () => {
  it('when given 02, then returns body', () => {
    expect(parseTemperatureType(hex('02'))).toBe('body');
  });

  it.each([['00'], ['0A']])('when given the reserved value %s, then refuses it as out-of-range', (bytes) => {
    const error = refusal(() => parseTemperatureType(hex(bytes)));
    expect(error.code).toBe('out-of-range');
    expect(error.characteristic).toBe('Temperature Type');
  });

  it('when empty, then refuses it as too-short', () => {
    expect(refusal(() => parseTemperatureType(hex(''))).code).toBe('too-short');
  });
});
