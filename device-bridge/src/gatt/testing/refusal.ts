import { MeasurementFormatError } from '../../errors';

/** Test helper: runs `parse` and returns the MeasurementFormatError it must throw. */
export function refusal(parse: () => unknown): MeasurementFormatError {
  try {
    parse();
  } catch (error) {
    if (error instanceof MeasurementFormatError) return error;
    throw error;
  }
  throw new Error('expected a MeasurementFormatError, but the value was accepted');
}
