import { describe, expect, it } from 'vitest';
import { hex } from '../testing/hex';
import { parseWeightMeasurement } from './weight-scale';
import { refusal } from './testing/refusal';

describe('parseWeightMeasurement', () => {
  it('when given 00 B0 36, then returns 70 kg', () => {
    expect(parseWeightMeasurement(hex('00 B0 36'))).toStrictEqual({ weight: 70, weightUnit: 'kg' });
  });

  it('when every optional field is flagged (SI), then returns time stamp, user, BMI 22.9 and height 1.75 m', () => {
    expect(parseWeightMeasurement(hex('0E B0 36 E9 07 06 01 09 1E 00 01 E5 00 D6 06'))).toStrictEqual({
      weight: 70,
      weightUnit: 'kg',
      timestamp: { kind: 'known', local: '2025-06-01T09:30:00', year: 2025, month: 6, day: 1, hours: 9, minutes: 30, seconds: 0 },
      userId: 1,
      bmi: 22.9,
      height: 1.75,
      heightUnit: 'm',
    });
  });

  it('when the imperial flag is set, then the weight is in 0.01 lb and the height in 0.1 in', () => {
    expect(parseWeightMeasurement(hex('09 48 3C E5 00 B1 02'))).toStrictEqual({
      weight: 154.32,
      weightUnit: '[lb_av]',
      bmi: 22.9,
      height: 68.9,
      heightUnit: '[in_i]',
    });
  });

  it.each([
    ['01 00', 0.005],
    ['B1 36', 70.005],
    ['FE FF', 327.67],
  ])('when the SI weight is %s, then returns exactly %s kg', (weight, kg) => {
    expect(parseWeightMeasurement(hex(`00 ${weight}`)).weight).toBe(kg);
  });

  it('when a user id is flagged, then returns it (255 = unknown user)', () => {
    expect(parseWeightMeasurement(hex('04 B0 36 FF')).userId).toBe(255);
  });

  it('when reserved flag bits 4–7 are set, then ignores them', () => {
    expect(parseWeightMeasurement(hex('F0 B0 36'))).toStrictEqual({ weight: 70, weightUnit: 'kg' });
  });

  it.each([['00 B0'], ['']])('when only "%s" is given (shorter than 3 bytes), then refuses it as too-short', (bytes) => {
    const error = refusal(() => parseWeightMeasurement(hex(bytes)));
    expect(error.code).toBe('too-short');
    expect(error.characteristic).toBe('Weight Measurement');
  });

  it.each([['00 FF FF'], ['01 FF FF'], ['02 FF FF E9 07 06 01 09 1E 00']])(
    'when the weight is 0xFFFF (%s), then refuses it as "measurement unsuccessful"',
    (bytes) => {
      const error = refusal(() => parseWeightMeasurement(hex(bytes)));
      expect(error.code).toBe('special-value');
      expect(error.field).toBe('weight');
      expect(error.message).toBe('Weight Measurement: weight is 0xFFFF, "measurement unsuccessful"');
    },
  );

  it.each([
    ['time stamp', '02 B0 36 E9 07'],
    ['user id', '04 B0 36'],
    ['BMI', '08 B0 36 E5'],
    ['height', '08 B0 36 E5 00 D6'],
    ['height', '0E B0 36 E9 07 06 01 09 1E 00 01 E5 00'],
  ])('when the %s is flagged but its bytes are missing, then refuses it naming that field', (field, bytes) => {
    const error = refusal(() => parseWeightMeasurement(hex(bytes)));
    expect(error.code).toBe('missing-field');
    expect(error.field).toBe(field);
  });

  it('when the time stamp has day 31 in April, then refuses the reading as out-of-range', () => {
    const error = refusal(() => parseWeightMeasurement(hex('02 B0 36 E9 07 04 1F 09 1E 00')));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe('time stamp');
  });
});
