import type { CollectionName } from './collections';
import { validateTaskOutcome } from './careplan-due';
import { dayNumber } from './dates';
import { InstrumentAnswerError, InstrumentConfigError } from './instruments/instrument-errors';
import { answersFromList, scoreInstrument } from './instruments/scoring';
import type { AssessmentDoc } from './schemas/assessment';
import type { CareplanDoc, InterventionFrequency } from './schemas/careplan';
import type { ObservationDoc } from './schemas/observation';
import type { VisitDoc } from './schemas/visit';
import { isSiadNeedCode } from './siad-needs';
import { BLOOD_PRESSURE_PANEL_LOINC, checkBloodPressure, checkVital, vitalByLoinc } from './vitals';

/**
 * The rules a document must keep beyond its JSON Schema: what one field says
 * about another, and the clinical facts a schema cannot state (a score that
 * matches its answers, a vital sign that can exist). The server refuses a
 * document that breaks one (with this sentence as the reason), and the forms
 * run the same function before saving, so both sides say the same thing.
 *
 * Each function receives a document that already passed its schema and
 * returns `null`, or one sentence naming the field and the rule.
 */
export type DocumentRule = (doc: Record<string, unknown>) => string | null;

/** Frequency fields each kind needs, and the ones it must not carry. */
const FREQUENCY_FIELDS: Record<InterventionFrequency['kind'], string | null> = {
  daily: null,
  weekly: 'timesPerWeek',
  'every-n-days': 'everyDays',
  weekdays: 'weekdays',
};

/** A careplan (PAI): coded needs, consistent frequencies and dates, a reason when closed. */
export function careplanProblem(doc: CareplanDoc): string | null {
  for (const need of doc.needs) {
    if (!isSiadNeedCode(need.code)) return `need "${need.code}" is not a code of the national SIAD need list`;
  }
  const goalIds = new Set<string>();
  for (const goal of doc.goals) {
    if (goalIds.has(goal.id)) return `goal id "${goal.id}" is used twice`;
    goalIds.add(goal.id);
  }
  const interventionIds = new Set<string>();
  for (const intervention of doc.interventions) {
    const where = `intervention "${intervention.id}"`;
    if (interventionIds.has(intervention.id)) return `${where} is listed twice`;
    interventionIds.add(intervention.id);
    const frequency = intervention.frequency as InterventionFrequency & Record<string, unknown>;
    const needed = FREQUENCY_FIELDS[frequency.kind];
    for (const field of ['timesPerWeek', 'everyDays', 'weekdays']) {
      if (field === needed && frequency[field] === undefined) return `${where}: a "${frequency.kind}" frequency needs "${field}"`;
      if (field !== needed && frequency[field] !== undefined) return `${where}: a "${frequency.kind}" frequency has no "${field}"`;
    }
    if (dayNumber(intervention.startDate) === undefined) return `${where}: startDate is not a calendar date`;
    if (intervention.endDate !== undefined) {
      const end = dayNumber(intervention.endDate);
      if (end === undefined) return `${where}: endDate is not a calendar date`;
      if (end < dayNumber(intervention.startDate)!) return `${where}: endDate is before startDate`;
    }
  }
  if (dayNumber(doc.reviewDate) === undefined) return 'reviewDate is not a calendar date';
  if (doc.status === 'closed' && !doc.closureReason?.trim()) return 'a closed plan needs its closureReason';
  if (doc.status === 'active' && doc.interventions.length === 0) return 'an active plan needs at least one intervention';
  return null;
}

/** A visit: a reason when missed, times in order, each task result complete. */
export function visitProblem(doc: VisitDoc): string | null {
  if (doc.status === 'missed' && !doc.missedReason?.trim()) return 'a missed visit needs its missedReason';
  if (doc.startedAt && doc.endedAt && doc.endedAt < doc.startedAt) return 'endedAt is before startedAt';
  const seen = new Set<string>();
  for (const result of doc.taskResults ?? []) {
    if (seen.has(result.interventionId)) return `taskResults: intervention "${result.interventionId}" has two results`;
    seen.add(result.interventionId);
    const [problem] = validateTaskOutcome(result);
    if (problem) return `taskResults "${result.interventionId}": ${problem.message.en}`;
  }
  return null;
}

/** An assessment: a known instrument, every answer valid, and the score the answers give. */
export function assessmentProblem(doc: AssessmentDoc): string | null {
  let score;
  try {
    score = scoreInstrument(doc.instrumentId, answersFromList(doc.answers), { convention: doc.convention });
  } catch (error) {
    if (error instanceof InstrumentAnswerError || error instanceof InstrumentConfigError) return error.message;
    throw error;
  }
  if (score.total !== doc.total) return `total ${doc.total} does not match the answers (they score ${score.total})`;
  const band = score.band?.code ?? '';
  if (band !== doc.band) return `band "${doc.band}" does not match the answers (they give "${band}")`;
  return null;
}

/** An observation of a known vital sign: its unit, and a value that can exist. */
export function observationProblem(doc: ObservationDoc): string | null {
  if (doc.code === BLOOD_PRESSURE_PANEL_LOINC) {
    const systolic = doc.components?.find((c) => c.code === '8480-6');
    const diastolic = doc.components?.find((c) => c.code === '8462-4');
    if (!systolic || !diastolic) return 'a blood pressure panel needs systolic (8480-6) and diastolic (8462-4) components';
    const check = checkBloodPressure(systolic.value, diastolic.value);
    return check.ok ? null : check.problem.message.en;
  }
  const vital = vitalByLoinc(doc.code);
  if (!vital) return null;
  if (doc.value === undefined) return `observation ${doc.code} (${vital.label.en}) needs a value`;
  if (doc.unit !== vital.unit) return `observation ${doc.code} (${vital.label.en}) must be in "${vital.unit}", not "${doc.unit ?? ''}"`;
  const check = checkVital(vital.kind, doc.value);
  return check.ok ? null : check.problem.message.en;
}

/** The rule of each collection that has one. */
export const DOCUMENT_RULES: Partial<Record<CollectionName, DocumentRule>> = {
  careplans: (doc) => careplanProblem(doc as unknown as CareplanDoc),
  visits: (doc) => visitProblem(doc as unknown as VisitDoc),
  assessments: (doc) => assessmentProblem(doc as unknown as AssessmentDoc),
  observations: (doc) => observationProblem(doc as unknown as ObservationDoc),
};

/** `null`, or the sentence saying which rule of its collection `doc` breaks. Deleted documents keep no rule. */
export function documentRuleProblem(collection: CollectionName, doc: Record<string, unknown>): string | null {
  if (doc['_deleted'] === true) return null;
  return DOCUMENT_RULES[collection]?.(doc) ?? null;
}
