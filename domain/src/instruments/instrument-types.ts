/**
 * The shape of an assessment instrument as data: items, the points of each
 * answer, the banding conventions and the name of the aggregation rule.
 * One engine (`scoring.ts`) scores every instrument from its definition.
 */

/** A text in the app's two languages: Italian for the UI, English for documents and logs. */
export interface InstrumentText {
  it: string;
  en: string;
}

/** One answer an item offers. `value` is what is stored; `points` is what it scores. */
export interface InstrumentOption {
  value: string;
  points: number;
  label: InstrumentText;
}

/** An item applies only when another item's answer is one of `anyOf` (for example Barthel-Shah's wheelchair item). */
export interface InstrumentItemCondition {
  itemId: string;
  anyOf: readonly string[];
}

/** One question or observation of an instrument. */
export interface InstrumentItem {
  /** Stable id, stored in `AssessmentDoc.answers[].itemId` (at most 40 characters). */
  id: string;
  label: InstrumentText;
  options: readonly InstrumentOption[];
  /** Whether a final score needs it; `true` unless set to `false`. A conditional item is required only when it applies. */
  required?: boolean;
  condition?: InstrumentItemCondition;
  /** Name of the sub-score the item's points add to (Tinetti balance/gait, Barthel ADL/mobility). */
  subscale?: string;
}

/** A band of a numeric value, bounds included. */
export interface InstrumentBand {
  min: number;
  max: number;
  code: string;
  label: InstrumentText;
}

interface ConventionBase {
  /** Stored with each result as `AssessmentDoc.convention`. */
  id: string;
  label: InstrumentText;
  /** ⚠ The cut-offs were not confirmed from a primary source. */
  unconfirmed?: boolean;
}

/**
 * Bands over a number: the total, or a numeric `extra` value a scoring rule
 * produces (SPMSQ is banded on its education-adjusted error count). An empty
 * `bands` list means the instrument has no published bands: the band is `null`.
 */
export interface RangeConvention extends ConventionBase {
  kind: 'ranges';
  /** `'total'` (the default) or the name of a numeric `extra` value. */
  basis?: string;
  bands: readonly InstrumentBand[];
}

/** The band is a grade a scoring rule computes (Katz A–G), looked up by code in `grades`. */
export interface GradeConvention extends ConventionBase {
  kind: 'grade';
  /** Name of the `extra` value holding the grade code. */
  basis: string;
  grades: readonly { code: string; label: InstrumentText }[];
}

/** One way of turning a score into a band. */
export type InstrumentConvention = RangeConvention | GradeConvention;

/**
 * The named aggregation rules. Everything else is data:
 * - `sum`: total = sum of the points of the applicable answers (Barthel, Tinetti
 *   with sub-scores, GDS-15 with keyed points, Lawton with its form item, MNA-SF
 *   with F2 only when BMI is not available, Barthel-Shah's conditional wheelchair item…);
 * - `spmsq`: total = error count; the band uses the education-adjusted count;
 * - `cirs`: total = sum of the 14 items; severity and comorbidity indices over the 13 somatic items;
 * - `katz`: total = independent functions; the letter grade A–G/Other.
 */
export type ScoringRule = 'sum' | 'spmsq' | 'cirs' | 'katz';

/** Whether a rise in the total is an improvement. */
export type ScoreDirection = 'higher-is-better' | 'higher-is-worse';

/** An assessment instrument, complete enough to render the form and score it. */
export interface InstrumentDefinition {
  /** Stored as `AssessmentDoc.instrumentId` (lower case, digits and dashes). */
  id: string;
  /** Older ids that stored documents may carry (`nrs-pain` for `nrs`). */
  aliases?: readonly string[];
  title: InstrumentText;
  /** Citation of the primary source. */
  reference: string;
  /** True when use in software needs the rights holder's permission: shipped disabled. */
  licensed: boolean;
  /** Who holds the rights and on what terms, when that matters. */
  licence?: string;
  enabledByDefault: boolean;
  direction: ScoreDirection;
  scoring: ScoringRule;
  /** In the order of the published instrument. */
  items: readonly InstrumentItem[];
  conventions: readonly InstrumentConvention[];
  /** Id of the convention used when the caller names none. */
  defaultConvention: string;
  /**
   * An item choosing between forms of different range (Lawton's full 0–8 and
   * men's 0–5 form): results of different forms are not compared.
   */
  formItemId?: string;
}

/** Answers as a form holds them: item id → option value. `null`, `undefined` and `''` mean "not answered". */
export type InstrumentAnswers = Readonly<Record<string, string | number | null | undefined>>;

/** A custom band set a caller brings instead of a named convention. */
export interface CustomBandSet {
  id: string;
  bands: readonly InstrumentBand[];
  /** `'total'` (the default) or the name of a numeric `extra` value. */
  basis?: string;
}

/** How to band a score. */
export interface ScoreInstrumentOptions {
  /** A convention id of the instrument, or a custom band set; the instrument's default otherwise. */
  convention?: string | CustomBandSet;
}

/** A scored instrument. */
export interface InstrumentScore {
  /** The canonical id (an alias is resolved). */
  instrumentId: string;
  total: number;
  /** `null` when the convention has no bands, or (running score) while required items are missing. */
  band: { code: string; label: InstrumentText } | null;
  convention: string;
  /** How many applicable items have an answer. */
  answered: number;
  /** Applicable required items without an answer, in form order. */
  missing: string[];
  /** Sums per `subscale`, when the instrument has any. */
  subscores?: Record<string, number>;
  /** What a named rule adds (Katz grade, CIRS indices, SPMSQ adjusted errors, Lawton form). */
  extra?: Record<string, string | number>;
}

/** The part of a score that comparisons and the SVAMA derivation read; a stored `AssessmentDoc` has the first two. */
export type InstrumentScoreLike = Pick<InstrumentScore, 'instrumentId' | 'total'> &
  Partial<Pick<InstrumentScore, 'subscores' | 'extra' | 'missing'>>;
