import { KATZ_HIERARCHY } from './katz-adl';
import type { InstrumentDefinition, InstrumentOption, ScoringRule } from './instrument-types';

/**
 * The named aggregation rules. In every rule the total is the sum of the points
 * of the applicable answers (SPMSQ errors score 1, Katz independence scores 1);
 * a rule adds the values the instrument reports beside the total. Rules run only
 * on a complete set of answers.
 */

/** What a rule sees: the definition, the chosen option of each applicable answered item, and the total. */
export interface RuleInput {
  definition: InstrumentDefinition;
  chosen: ReadonlyMap<string, InstrumentOption>;
  total: number;
}

type Rule = (input: RuleInput) => Record<string, string | number> | undefined;

/**
 * Pfeiffer's education adjustment, applied to the error count before banding:
 * one more error allowed with elementary schooling or less, one fewer beyond
 * high school.
 */
const SPMSQ_EDUCATION_ADJUSTMENT: Readonly<Record<string, number>> = {
  'elementary-or-less': -1,
  'high-school': 0,
  'beyond-high-school': 1,
};

const spmsq: Rule = ({ definition, chosen, total }) => {
  const education = chosen.get('education')?.value ?? 'high-school';
  const questions = definition.items.filter((item) => item.id !== 'education').length;
  const adjusted = Math.min(questions, Math.max(0, total + (SPMSQ_EDUCATION_ADJUSTMENT[education] ?? 0)));
  return { errors: total, education, adjustedErrors: adjusted };
};

/** CIRS indices over the 13 somatic categories (the psychiatric one is left out). */
const cirs: Rule = ({ definition, chosen }) => {
  const somatic = definition.items.filter((item) => item.subscale === 'somatic').map((item) => chosen.get(item.id)?.points ?? 0);
  const sum = somatic.reduce((a, b) => a + b, 0);
  return {
    severityIndex: Math.round((sum / somatic.length) * 100) / 100,
    comorbidityIndex: somatic.filter((points) => points >= 3).length,
  };
};

/**
 * Katz letter grade: A none dependent, B one, G all six; C–F are bathing,
 * then + dressing, + toileting, + transferring, each plus exactly one other
 * function; any other pattern of two or more dependencies is "Other".
 */
const katz: Rule = ({ definition, chosen, total }) => {
  const dependent = new Set(definition.items.filter((item) => chosen.get(item.id)?.points === 0).map((item) => item.id));
  const count = dependent.size;
  let grade: string;
  if (count === 0) grade = 'A';
  else if (count === 1) grade = 'B';
  else if (count === definition.items.length) grade = 'G';
  else {
    // With n dependencies, grade C–F needs the first n − 1 functions of the hierarchy among them.
    const leading = KATZ_HIERARCHY.slice(0, count - 1);
    const fits = count - 1 <= KATZ_HIERARCHY.length && leading.every((id) => dependent.has(id));
    grade = fits ? 'CDEF'[count - 2] : 'Other';
  }
  return { grade, functionsLost: definition.items.length - total };
};

/** The rules by name; `sum` adds nothing beside the total. */
export const SCORING_RULES: Readonly<Record<ScoringRule, Rule>> = {
  sum: () => undefined,
  spmsq,
  cirs,
  katz,
};
