import {
  answersToList,
  enabledInstruments,
  instrumentById,
  type AssessmentDoc,
  type InstrumentDefinition,
  type InstrumentItem,
  type InstrumentScore,
  type InstrumentScoreLike,
} from '@prossima/domain';

/**
 * Pure helpers of the assessment form: which instruments are offered, which
 * items apply, the answers a draft may bring back, and the `AssessmentDoc` a
 * score becomes. No Angular here, so each rule has its own small spec.
 */

/** A form's answers: item id → chosen option value. */
export type FormAnswers = Readonly<Record<string, string>>;

/**
 * The instruments a nurse may fill on this device: those enabled by default
 * plus the licensed ones an administrator enabled. The one place that decides
 * it, so an admin setting can feed `adminEnabledIds` later (none for now).
 */
export function offeredInstruments(adminEnabledIds: readonly string[] = []): InstrumentDefinition[] {
  return enabledInstruments(adminEnabledIds);
}

/** The offered instrument with this id (or alias); `undefined` when unknown or licensed and not enabled. */
export function offeredInstrument(id: string, adminEnabledIds: readonly string[] = []): InstrumentDefinition | undefined {
  const definition = instrumentById(id);
  return definition && offeredInstruments(adminEnabledIds).includes(definition) ? definition : undefined;
}

/** Whether `item` applies with these answers (an item without a condition always does). */
export function itemApplies(item: InstrumentItem, answers: FormAnswers): boolean {
  if (!item.condition) return true;
  const answer = answers[item.condition.itemId];
  return answer !== undefined && item.condition.anyOf.includes(answer);
}

/** The items the form shows, in the order of the published instrument. */
export function applicableItems(definition: InstrumentDefinition, answers: FormAnswers): InstrumentItem[] {
  return definition.items.filter((item) => itemApplies(item, answers));
}

/** Whether a final score needs an answer to `item` (it must also apply). */
export function isRequired(item: InstrumentItem): boolean {
  return item.required !== false;
}

/**
 * The answers the engine can read: only known items and option values (a
 * draft written by an older version may hold others), without answers to
 * items that no longer apply — the engine refuses those when saving, and a
 * hidden answer must not come back by surprise.
 */
export function cleanAnswers(definition: InstrumentDefinition, answers: Readonly<Record<string, unknown>>): Record<string, string> {
  const known: Record<string, string> = {};
  for (const item of definition.items) {
    const raw = answers[item.id];
    if (raw === null || raw === undefined || raw === '') continue;
    const value = String(raw);
    if (item.options.some((o) => o.value === value)) known[item.id] = value;
  }
  // A condition may hang on an item that is itself conditional: drop until nothing changes.
  let changed = true;
  while (changed) {
    changed = false;
    for (const item of definition.items) {
      if (known[item.id] !== undefined && !itemApplies(item, known)) {
        delete known[item.id];
        changed = true;
      }
    }
  }
  return known;
}

/**
 * A new assessment id, `asm-<patientId>-<time><random>`, lower case and within
 * the id pattern (`^[a-z0-9][a-z0-9._:-]{0,99}$`); a long patient id is cut.
 */
export function newAssessmentId(patientId: string, now: Date, random: string): string {
  const suffix = `${now.getTime().toString(36)}${random.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 30);
  const head = `asm-${patientId.toLowerCase().replace(/[^a-z0-9._:-]/g, '')}`.slice(0, 100 - suffix.length - 1);
  return `${head}-${suffix}`;
}

/** Prefix of the `details` keys holding sub-scores (`subscore:mobility`); other keys are the engine's `extra` names. */
export const SUBSCORE_KEY_PREFIX = 'subscore:';

/** Sub-scores and rule values of a score as `AssessmentDoc.details` (at most 20, as the schema allows). */
export function scoreDetails(score: InstrumentScore): { key: string; value: string | number }[] {
  const details = [
    ...Object.entries(score.subscores ?? {}).map(([name, value]) => ({ key: `${SUBSCORE_KEY_PREFIX}${name}`, value })),
    ...Object.entries(score.extra ?? {}).map(([key, value]) => ({ key, value })),
  ];
  return details.slice(0, 20);
}

/** A stored assessment read back as the engine's score shape (for comparisons and the SVAMA derivation). */
export function scoreOfRecord(doc: Pick<AssessmentDoc, 'instrumentId' | 'total' | 'details'>): InstrumentScoreLike {
  const subscores: Record<string, number> = {};
  const extra: Record<string, string | number> = {};
  for (const { key, value } of doc.details ?? []) {
    if (key.startsWith(SUBSCORE_KEY_PREFIX) && typeof value === 'number') subscores[key.slice(SUBSCORE_KEY_PREFIX.length)] = value;
    else extra[key] = value;
  }
  return {
    instrumentId: doc.instrumentId,
    total: doc.total,
    ...(Object.keys(subscores).length > 0 ? { subscores } : {}),
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  };
}

/** What the saved assessment is made of. */
export interface AssessmentFacts {
  id: string;
  patient: { id: string; districtId: string };
  definition: InstrumentDefinition;
  answers: FormAnswers;
  /** The final score of `answers` (`scoreInstrument`). */
  score: InstrumentScore;
  userId: string;
  now: Date;
  visitId?: string | null;
}

/** The append-only `AssessmentDoc` of a final score. */
export function buildAssessment(facts: AssessmentFacts): AssessmentDoc {
  const at = facts.now.toISOString();
  const details = scoreDetails(facts.score);
  return {
    id: facts.id,
    districtId: facts.patient.districtId,
    patientId: facts.patient.id,
    ...(facts.visitId ? { visitId: facts.visitId } : {}),
    instrumentId: facts.score.instrumentId,
    answers: answersToList(facts.definition, facts.answers),
    total: facts.score.total,
    band: facts.score.band?.code ?? '',
    convention: facts.score.convention,
    ...(details.length > 0 ? { details } : {}),
    takenAt: at,
    updatedAt: at,
    updatedBy: facts.userId,
  };
}
