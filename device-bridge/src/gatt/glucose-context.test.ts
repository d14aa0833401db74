import { describe, expect, it } from 'vitest';
import { hex } from '../testing/hex';
import { EXERCISE_DURATION_OVERRUN, parseGlucoseMeasurementContext } from './glucose-context';
import { refusal } from './testing/refusal';

describe('parseGlucoseMeasurementContext', () => {
  it('when every field but the extended flags is sent, then decodes them all', () => {
    expect(parseGlucoseMeasurementContext(hex('5F 2A 00 01 32 D0 01 51 10 0E 32 02 05 A0 38 F0'))).toStrictEqual({
      sequenceNumber: 42,
      carbohydrate: { meal: 'breakfast', grams: 50 },
      meal: 'preprandial',
      tester: 'self',
      health: 'no-issues',
      exercise: { durationSeconds: 3600, intensityPercent: 50 },
      medication: { medication: 'short-acting-insulin', amount: 5, unit: 'mg' },
      hba1c: 5.6,
    });
  });

  it('when no field is flagged, then returns the sequence number only', () => {
    expect(parseGlucoseMeasurementContext(hex('00 2A 00'))).toStrictEqual({ sequenceNumber: 42 });
  });

  it('when extended flags are present, then skips that byte and reads the fields after it', () => {
    expect(parseGlucoseMeasurementContext(hex('81 2A 00 FF 07 32 D0'))).toStrictEqual({
      sequenceNumber: 42,
      carbohydrate: { meal: 'brunch', grams: 50 },
    });
  });

  it('when the medication unit flag (bit 5) is set, then the amount is in litres, returned in mL', () => {
    expect(parseGlucoseMeasurementContext(hex('30 2A 00 04 0A D0')).medication).toStrictEqual({
      medication: 'long-acting-insulin',
      amount: 10,
      unit: 'mL',
    });
  });

  it.each([
    [1, 'rapid-acting-insulin'],
    [3, 'intermediate-acting-insulin'],
    [5, 'pre-mixed-insulin'],
  ])('when the medication id is %i, then the medication is %s', (id, name) => {
    expect(parseGlucoseMeasurementContext(hex(`10 2A 00 0${id} 05 A0`)).medication?.medication).toBe(name);
  });

  it.each([
    [2, 'lunch'],
    [3, 'dinner'],
    [4, 'snack'],
    [5, 'drink'],
    [6, 'supper'],
  ])('when the carbohydrate id is %i, then the meal is %s', (id, name) => {
    expect(parseGlucoseMeasurementContext(hex(`01 2A 00 0${id} 32 D0`)).carbohydrate?.meal).toBe(name);
  });

  it.each([
    [2, 'postprandial'],
    [3, 'fasting'],
    [4, 'casual'],
    [5, 'bedtime'],
  ])('when the meal is %i, then it is %s', (meal, name) => {
    expect(parseGlucoseMeasurementContext(hex(`02 2A 00 0${meal}`)).meal).toBe(name);
  });

  it.each([
    ['12', 'health-care-professional', 'minor-issues'],
    ['23', 'lab-test', 'major-issues'],
    ['31', 'self', 'during-menses'],
    ['41', 'self', 'under-stress'],
    ['FF', 'not-available', 'not-available'],
  ])('when tester-health is %s, then the tester is %s and the health %s', (byte, tester, health) => {
    expect(parseGlucoseMeasurementContext(hex(`04 2A 00 ${byte}`))).toMatchObject({ tester, health });
  });

  it('when the exercise lasted too long to count, then returns EXERCISE_DURATION_OVERRUN', () => {
    expect(parseGlucoseMeasurementContext(hex('08 2A 00 FF FF 64')).exercise).toStrictEqual({
      durationSeconds: EXERCISE_DURATION_OVERRUN,
      intensityPercent: 100,
    });
  });

  it('when too short, then refuses it as too-short', () => {
    const error = refusal(() => parseGlucoseMeasurementContext(hex('00 2A')));
    expect(error.code).toBe('too-short');
    expect(error.message).toBe('Glucose Measurement Context: only 2 of 3 mandatory bytes present (flags and u16 sequence number)');
  });

  it.each([
    ['extended flags', '80 2A 00'],
    ['carbohydrate', '01 2A 00 01 32'],
    ['meal', '02 2A 00'],
    ['tester-health', '04 2A 00'],
    ['exercise', '08 2A 00 10 0E'],
    ['medication', '10 2A 00 02 05'],
    ['HbA1c', '40 2A 00 38'],
    ['HbA1c', '5F 2A 00 01 32 D0 01 51 10 0E 32 02 05 A0'],
  ])('when the %s is flagged but its bytes are missing, then refuses it naming that field', (field, bytes) => {
    const error = refusal(() => parseGlucoseMeasurementContext(hex(bytes)));
    expect(error.code).toBe('missing-field');
    expect(error.field).toBe(field);
  });

  it.each([
    ['carbohydrate id', '01 2A 00 00 32 D0'],
    ['carbohydrate id', '01 2A 00 08 32 D0'],
    ['meal', '02 2A 00 00'],
    ['meal', '02 2A 00 06'],
    ['tester', '04 2A 00 50'],
    ['tester', '04 2A 00 54'],
    ['health', '04 2A 00 01'],
    ['health', '04 2A 00 61'],
    ['medication id', '10 2A 00 00 05 A0'],
    ['medication id', '10 2A 00 06 05 A0'],
    ['exercise intensity', '08 2A 00 10 0E 65'],
    ['HbA1c', '40 2A 00 65 00'],
    ['carbohydrate', '01 2A 00 01 FF 0F'],
    ['medication', '10 2A 00 02 FB AF'],
  ])('when the %s is reserved or impossible (%s), then refuses it as out-of-range', (field, bytes) => {
    const error = refusal(() => parseGlucoseMeasurementContext(hex(bytes)));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe(field);
  });

  it.each([
    ['carbohydrate', '01 2A 00 01 FF 07'],
    ['medication', '10 2A 00 02 00 08'],
    ['HbA1c', '40 2A 00 FE 07'],
  ])('when the %s is a special value, then refuses the context', (field, bytes) => {
    const error = refusal(() => parseGlucoseMeasurementContext(hex(bytes)));
    expect(error.code).toBe('special-value');
    expect(error.field).toBe(field);
  });
});
