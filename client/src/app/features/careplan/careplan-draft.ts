import {
  type CareplanDoc,
  type CareplanIntervention,
  type CareplanTargetLevel,
  type InterventionFrequency,
  siadNeedByCode,
} from '@prossima/domain';
import { ISO_WEEKDAYS } from './careplan-labels';

/**
 * The PAI editor's values as plain data (what the form holds), and the
 * conversions to and from a `CareplanDoc`. Empty strings and `null` stand for
 * "not filled in"; they become missing fields in the document.
 */

/** One goal row of the editor. */
export interface GoalDraft {
  id: string;
  text: string;
  targetDate: string;
}

/** One intervention row of the editor: every frequency field is kept, only the chosen kind's one is used. */
export interface InterventionDraft {
  id: string;
  label: string;
  kind: InterventionFrequency['kind'];
  timesPerWeek: number | null;
  everyDays: number | null;
  /** Seven flags, Monday first. */
  weekdays: boolean[];
  responsibleRole: string;
  minutesPerVisit: number | null;
  startDate: string;
  endDate: string;
  notes: string;
}

/** Whether the patient's consent is recorded, and which way. */
export type ConsentChoice = '' | 'given' | 'refused';

/** The editor's values. */
export interface CareplanDraft {
  assessmentDate: string;
  caseManagerId: string;
  consent: ConsentChoice;
  consentDate: string;
  targetLevel: CareplanTargetLevel | '';
  /** Chosen needs; the label is only used for a code no longer on the SIAD list. */
  needs: { code: string; label: string }[];
  goals: GoalDraft[];
  interventions: InterventionDraft[];
  reviewDate: string;
  status: CareplanDoc['status'];
  closureReason: string;
}

/** The fields of a PAI the editor sets (everything but identity, district and the audit pair). */
export type CareplanFields = Omit<CareplanDoc, 'id' | 'districtId' | 'patientId' | 'updatedAt' | 'updatedBy'>;

/** A blank new plan: a draft, nothing chosen. */
export function emptyDraft(): CareplanDraft {
  return {
    assessmentDate: '',
    caseManagerId: '',
    consent: '',
    consentDate: '',
    targetLevel: '',
    needs: [],
    goals: [],
    interventions: [],
    reviewDate: '',
    status: 'draft',
    closureReason: '',
  };
}

/** A blank goal row with a fresh id. */
export function emptyGoal(id: string): GoalDraft {
  return { id, text: '', targetDate: '' };
}

/** A blank intervention row with a fresh id, starting on `startDate`. */
export function emptyIntervention(id: string, startDate: string): InterventionDraft {
  return {
    id,
    label: '',
    kind: 'daily',
    timesPerWeek: null,
    everyDays: null,
    weekdays: ISO_WEEKDAYS.map(() => false),
    responsibleRole: 'nurse',
    minutesPerVisit: null,
    startDate,
    endDate: '',
    notes: '',
  };
}

/** The editor's values for a stored plan. */
export function careplanToDraft(doc: CareplanDoc): CareplanDraft {
  return {
    assessmentDate: doc.assessmentDate ?? '',
    caseManagerId: doc.caseManagerId ?? '',
    consent: doc.consent ? (doc.consent.given ? 'given' : 'refused') : '',
    consentDate: doc.consent?.date ?? '',
    targetLevel: doc.targetLevel ?? '',
    needs: doc.needs.map((need) => ({ ...need })),
    goals: doc.goals.map((goal) => ({ id: goal.id, text: goal.text, targetDate: goal.targetDate ?? '' })),
    interventions: doc.interventions.map(interventionToDraft),
    reviewDate: doc.reviewDate,
    status: doc.status,
    closureReason: doc.closureReason ?? '',
  };
}

function interventionToDraft(intervention: CareplanIntervention): InterventionDraft {
  const frequency = intervention.frequency;
  return {
    id: intervention.id,
    label: intervention.label,
    kind: frequency.kind,
    timesPerWeek: frequency.kind === 'weekly' ? frequency.timesPerWeek : null,
    everyDays: frequency.kind === 'every-n-days' ? frequency.everyDays : null,
    weekdays: ISO_WEEKDAYS.map((day) => frequency.kind === 'weekdays' && frequency.weekdays.includes(day)),
    responsibleRole: intervention.responsibleRole,
    minutesPerVisit: intervention.minutesPerVisit ?? null,
    startDate: intervention.startDate,
    endDate: intervention.endDate ?? '',
    notes: intervention.notes ?? '',
  };
}

/**
 * The plan fields for the editor's values. Optional fields left empty are
 * present with the value `undefined` (so a patch clears them); `withoutUndefined`
 * drops them for a new document. A frequency carries only its kind's field;
 * a missing one stays missing so the document rule names it.
 */
export function draftToFields(draft: CareplanDraft): CareplanFields {
  const closed = draft.status === 'closed';
  return {
    status: draft.status,
    assessmentDate: optional(draft.assessmentDate),
    caseManagerId: optional(draft.caseManagerId),
    consent: draft.consent === '' ? undefined : { given: draft.consent === 'given', date: draft.consentDate },
    targetLevel: draft.targetLevel === '' ? undefined : draft.targetLevel,
    needs: draft.needs.map((need) => ({ code: need.code, label: siadNeedByCode(need.code)?.label.it ?? need.label })),
    goals: draft.goals.map((goal) => withoutUndefined({ id: goal.id, text: goal.text.trim(), targetDate: optional(goal.targetDate) })),
    interventions: draft.interventions.map(draftToIntervention),
    reviewDate: draft.reviewDate,
    // A reason typed before the status went back to draft or active is not kept.
    closureReason: closed ? optional(draft.closureReason) : undefined,
  };
}

function draftToIntervention(row: InterventionDraft): CareplanIntervention {
  return withoutUndefined({
    id: row.id,
    label: row.label.trim(),
    frequency: draftToFrequency(row),
    responsibleRole: row.responsibleRole,
    minutesPerVisit: row.minutesPerVisit ?? undefined,
    startDate: row.startDate,
    endDate: optional(row.endDate),
    notes: optional(row.notes),
  });
}

function draftToFrequency(row: InterventionDraft): InterventionFrequency {
  switch (row.kind) {
    case 'daily':
      return { kind: 'daily' };
    case 'weekly':
      // The casts keep a missing count missing: the document rule reports it by name.
      return withoutUndefined({ kind: 'weekly', timesPerWeek: row.timesPerWeek ?? undefined }) as InterventionFrequency;
    case 'every-n-days':
      return withoutUndefined({ kind: 'every-n-days', everyDays: row.everyDays ?? undefined }) as InterventionFrequency;
    case 'weekdays':
      return { kind: 'weekdays', weekdays: ISO_WEEKDAYS.filter((_, i) => row.weekdays[i]) };
  }
}

/** A new plan document from the editor's values. */
export function buildCareplan(
  draft: CareplanDraft,
  identity: Pick<CareplanDoc, 'id' | 'districtId' | 'patientId' | 'updatedAt' | 'updatedBy'>,
): CareplanDoc {
  return withoutUndefined({ ...identity, ...draftToFields(draft) });
}

/** A copy of `value` without the keys whose value is `undefined`. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function optional(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}
