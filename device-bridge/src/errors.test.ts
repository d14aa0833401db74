import { describe, expect, it } from 'vitest';
import { MeasurementFormatError } from './errors';

describe('MeasurementFormatError', () => {
  it('when built from a problem, then carries its code, characteristic and field and prefixes the message', () => {
    const error = new MeasurementFormatError({
      code: 'missing-field',
      characteristic: 'Blood Pressure Measurement',
      field: 'time stamp',
      detail: 'time stamp flagged but only 7 of 14 bytes present',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('MeasurementFormatError');
    expect(error.code).toBe('missing-field');
    expect(error.characteristic).toBe('Blood Pressure Measurement');
    expect(error.field).toBe('time stamp');
    expect(error.message).toBe('Blood Pressure Measurement: time stamp flagged but only 7 of 14 bytes present');
  });

  it('when no field is at fault, then field is undefined', () => {
    const error = new MeasurementFormatError({ code: 'too-short', characteristic: 'X', detail: 'empty' });
    expect(error.field).toBeUndefined();
  });
});
