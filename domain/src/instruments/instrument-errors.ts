/**
 * The errors of the instruments module, defined once. Each carries a stable
 * `code` the client maps to a translated message; `message` is English and
 * names the problem for logs and developers.
 */

/** Why a set of answers cannot be scored. */
export type InstrumentAnswerErrorCode =
  | 'unknown-instrument'
  | 'unknown-item'
  | 'unknown-option'
  | 'missing-answer'
  /** An answer to an item whose condition does not hold (wheelchair item while the patient walks). */
  | 'not-applicable';

/** Answers that do not fit the instrument; `itemId` names the first offending item. */
export class InstrumentAnswerError extends Error {
  constructor(
    readonly code: InstrumentAnswerErrorCode,
    readonly instrumentId: string,
    message: string,
    readonly itemId?: string,
    /** Every missing item, for `missing-answer`. */
    readonly itemIds: readonly string[] = itemId === undefined ? [] : [itemId],
  ) {
    super(message);
    this.name = 'InstrumentAnswerError';
  }
}

/** Why a convention, band set or comparison cannot be used. */
export type InstrumentConfigErrorCode =
  | 'unknown-convention'
  | 'invalid-bands'
  /** The value falls outside every band of the convention. */
  | 'no-band'
  | 'different-instruments';

/** A convention, band set or comparison that does not fit the instrument. */
export class InstrumentConfigError extends Error {
  constructor(
    readonly code: InstrumentConfigErrorCode,
    readonly instrumentId: string,
    message: string,
  ) {
    super(message);
    this.name = 'InstrumentConfigError';
  }
}

/** Why an SVAMA autonomy profile cannot be derived. */
export type SvamaProfileErrorCode =
  /** No score of an instrument the sub-score is taken from. */
  | 'missing-input'
  /** The source score still has missing items. */
  | 'incomplete-input'
  /** The source score lacks the sub-score or value the configuration names. */
  | 'missing-value'
  /** A sub-score falls outside every class of its axis. */
  | 'no-class'
  /** The profile matrix has no entry for the combination of the three axes. */
  | 'no-profile';

/** The SVAMA derivation met inputs or a configuration it cannot use; `subject` names the sub-score, axis or combination. */
export class SvamaProfileError extends Error {
  constructor(
    readonly code: SvamaProfileErrorCode,
    readonly subject: string,
    message: string,
  ) {
    super(message);
    this.name = 'SvamaProfileError';
  }
}
