/** Stable reasons a characteristic value is refused; callers may switch on them, so never rename one. */
export type MeasurementFormatCode =
  /** Fewer bytes than the mandatory part of the format. */
  | 'too-short'
  /** A flag announces an optional field whose bytes are not there. */
  | 'missing-field'
  /** An IEEE 11073 special value (NaN, NRes, ±INF, reserved) where a number is required. */
  | 'special-value'
  /** A field holds a value outside its defined range (month 13, hour 25 …). */
  | 'out-of-range'
  /** Fields contradict each other or the length (an odd number of bytes for u16 items …). */
  | 'inconsistent';

/** What a {@link MeasurementFormatError} is built from. */
export interface MeasurementFormatProblem {
  code: MeasurementFormatCode;
  /** Human name of the characteristic, e.g. "Blood Pressure Measurement". */
  characteristic: string;
  /** The field at fault, when there is one, e.g. "time stamp". */
  field?: string;
  /** What is wrong, in plain English, without the characteristic name. */
  detail: string;
}

/** The bytes of a characteristic value cannot be turned into a reading: the reading must not be shown or stored. */
export class MeasurementFormatError extends Error {
  override readonly name = 'MeasurementFormatError';
  /** Stable machine-readable reason. */
  readonly code: MeasurementFormatCode;
  /** Human name of the characteristic whose value was refused. */
  readonly characteristic: string;
  /** The field at fault, when there is one. */
  readonly field: string | undefined;

  constructor(problem: MeasurementFormatProblem) {
    super(`${problem.characteristic}: ${problem.detail}`);
    this.code = problem.code;
    this.characteristic = problem.characteristic;
    this.field = problem.field;
  }
}
