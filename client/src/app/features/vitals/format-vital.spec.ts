import { formatBloodPressure, formatExpectedRange, formatInstant, formatReading, formatVital, formatVitalWithUnit, readingLabel } from './format-vital';

describe('formatVital', () => {
  it('when the language is Italian, then the decimal separator is a comma', () => {
    expect(formatVital('body-temperature', 36.8, 'it')).toBe('36,8');
  });

  it('when the language is English, then the decimal separator is a point', () => {
    expect(formatVital('body-temperature', 36.8, 'en')).toBe('36.8');
  });

  it("when the value has fewer decimals than the kind keeps, then they are written out", () => {
    expect(formatVital('body-temperature', 37, 'it')).toBe('37,0');
    expect(formatVital('body-weight', 72, 'en')).toBe('72.0');
  });

  it('when the kind is whole-numbered, then no decimals are shown and large values are not grouped', () => {
    expect(formatVital('heart-rate', 72, 'it')).toBe('72');
    expect(formatVital('capillary-glucose', 1000, 'en')).toBe('1000');
  });
});

describe('formatVitalWithUnit', () => {
  it('when a value is shown with its unit, then the symbol follows it (joined for a "per" unit)', () => {
    expect(formatVitalWithUnit('body-temperature', 36.8, 'it')).toBe('36,8 °C');
    expect(formatVitalWithUnit('spo2', 96, 'it')).toBe('96 %');
    expect(formatVitalWithUnit('respiratory-rate', 16, 'it')).toBe('16/min');
    expect(formatVitalWithUnit('pain-nrs', 5, 'en')).toBe('5/10');
  });
});

describe('formatBloodPressure', () => {
  it('when a pair is shown, then it reads systolic over diastolic in mmHg', () => {
    expect(formatBloodPressure(140, 85, 'it')).toBe('140/85 mmHg');
  });
});

describe('formatExpectedRange', () => {
  it('when the kind has an expected range, then it is written with the language separator and unit', () => {
    expect(formatExpectedRange('body-temperature', 'it')).toBe('35,5–37,5 °C');
    expect(formatExpectedRange('body-temperature', 'en')).toBe('35.5–37.5 °C');
    expect(formatExpectedRange('systolic', 'it')).toBe('90–139 mmHg');
  });

  it('when the kind has no expected range, then there is nothing to show', () => {
    expect(formatExpectedRange('fef25', 'it')).toBeNull();
  });
});

describe('formatInstant', () => {
  it('when an instant is shown, then it reads as local date and 24-hour time', () => {
    expect(formatInstant('2025-11-22T09:30:00.000Z', 'it', 'Europe/Rome')).toBe('22/11/2025 10:30');
    expect(formatInstant('2025-11-22T23:30:00.000Z', 'en', 'Europe/Rome')).toBe('23/11/2025 00:30');
  });
});

describe('formatReading', () => {
  it('when the reading is blood pressure, then both values are shown as a pair', () => {
    const values = [
      { kind: 'systolic' as const, value: 152, outOfRange: true },
      { kind: 'diastolic' as const, value: 95, outOfRange: true },
    ];
    expect(formatReading({ kind: 'blood-pressure', values }, 'it')).toBe('152/95 mmHg');
  });

  it('when the reading is a single value, then it is shown with its unit', () => {
    expect(formatReading({ kind: 'body-weight', values: [{ kind: 'body-weight', value: 72.5, outOfRange: false }] }, 'it')).toBe('72,5 kg');
  });
});

describe('readingLabel', () => {
  it('when the kind is a vital, then the domain label in the language names it; a panel takes the given label', () => {
    expect(readingLabel('spo2', 'it', 'Pressione arteriosa')).toBe('Saturazione di ossigeno (SpO₂)');
    expect(readingLabel('heart-rate', 'en', 'Blood pressure')).toBe('Heart rate');
    expect(readingLabel('blood-pressure', 'en', 'Blood pressure')).toBe('Blood pressure');
  });
});
