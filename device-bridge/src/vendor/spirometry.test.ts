import { describe, expect, it } from 'vitest';
import { MeasurementFormatError } from '../errors';
import { validateSpirometryResult, type SpirometryResult } from './spirometry';

/** Runs `validate` and returns the MeasurementFormatError it must throw. */
function refusal(validate: () => unknown): MeasurementFormatError {
  try {
    validate();
  } catch (error) {
    if (error instanceof MeasurementFormatError) return error;
    throw error;
  }
  throw new Error('expected a MeasurementFormatError, but the result was accepted');
}

const RESULT: SpirometryResult = {
  fvcL: 4.5,
  fev1L: 3.6,
  fev1FvcPercent: 80,
  pefLps: 8.5,
  fef25Lps: 7.2,
  fef2575Lps: 4.1,
  fef75Lps: 2.1,
};

describe('validateSpirometryResult', () => {
  it('when every value is plausible and consistent, then returns the result unchanged', () => {
    const full: SpirometryResult = {
      ...RESULT,
      fef50Lps: 4.8,
      fev05L: 2.1,
      fev3L: 4.3,
      fev6L: 4.48,
      measuredAt: '2025-06-01T09:30:00+02:00',
      bronchodilator: 'pre',
      flowVolume: [
        { volumeL: 0, flowLps: 0 },
        { volumeL: 0.5, flowLps: 8.5 },
        { volumeL: 4.5, flowLps: 0 },
      ],
    };
    expect(validateSpirometryResult(full)).toBe(full);
  });

  it('when FEV1/FVC is off by rounding only (80.9 % for 80.0 %), then accepts it', () => {
    expect(validateSpirometryResult({ ...RESULT, fev1FvcPercent: 80.9 })).toBeDefined();
  });

  it('when FEV1/FVC is off by 2 points, then refuses it as inconsistent', () => {
    const error = refusal(() => validateSpirometryResult({ ...RESULT, fev1FvcPercent: 82 }));
    expect(error.code).toBe('inconsistent');
    expect(error.message).toBe('Spirometry result: FEV1/FVC is 82 %, but FEV1 3.6 L / FVC 4.5 L is 80.0 %');
  });

  it.each([
    ['FEV6 above FVC', { fev6L: 4.6 }, 'FVC'],
    ['FEV0.5 above FEV1', { fev05L: 3.7 }, 'FEV1'],
    ['FEV3 above FEV6', { fev3L: 4.45, fev6L: 4.4 }, 'FEV6'],
  ])('when %s, then refuses it as inconsistent', (_, change, field) => {
    const error = refusal(() => validateSpirometryResult({ ...RESULT, ...change }));
    expect(error.code).toBe('inconsistent');
    expect(error.field).toBe(field);
  });

  it.each([
    ['FVC', { fvcL: 0 }],
    ['FVC', { fvcL: 10.5 }],
    ['FEV1', { fev1L: Number.NaN }],
    ['FEV1/FVC', { fev1FvcPercent: 101 }],
    ['PEF', { pefLps: -1 }],
    ['FEF75', { fef75Lps: 21 }],
    ['FEF50', { fef50Lps: -0.1 }],
    ['flow-volume point 1 flow', { flowVolume: [{ volumeL: 0, flowLps: 0 }, { volumeL: 1, flowLps: 30 }] }],
  ])('when %s is out of range, then refuses it naming the field', (field, change) => {
    const error = refusal(() => validateSpirometryResult({ ...RESULT, ...change }));
    expect(error.code).toBe('out-of-range');
    expect(error.field).toBe(field);
  });

  it('when FEF75 is exactly 0 (severe obstruction, rounded), then accepts it', () => {
    expect(validateSpirometryResult({ ...RESULT, fef75Lps: 0 }).fef75Lps).toBe(0);
  });
});
