import { dayNumber } from './dates';
import type { CareplanDoc, CareplanIntervention } from './schemas/careplan';

/**
 * Which interventions of a PAI fall due on a calendar date, and the outcome a
 * nurse records for each task.
 *
 * Dates are calendar dates `YYYY-MM-DD` and all arithmetic is done on whole
 * days in UTC (`Date.UTC`), never on local instants: a day is always one day,
 * whatever the clock does on the DST weekends (last Sunday of March and
 * October in Italy). Turn an instant into its local date with `localDate()`
 * before asking.
 */



function requireDay(date: string, what: string): number {
  const day = dayNumber(date);
  if (day === undefined) throw new RangeError(`${what} must be a calendar date YYYY-MM-DD, got "${date}"`);
  return day;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number. */
function isoWeekday(day: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Why an intervention is due on the date asked about. */
export type DueReason =
  | { kind: 'daily' }
  | { kind: 'every-n-days'; everyDays: number; daysSinceStart: number }
  | { kind: 'weekdays'; weekday: number }
  /** Weekly frequency without history: one of the days of the fixed weekly pattern. */
  | { kind: 'weekly-pattern'; timesPerWeek: number; weekday: number }
  /** Weekly frequency with history: fewer completions than planned so far this ISO week. */
  | { kind: 'weekly-remaining'; timesPerWeek: number; doneThisWeek: number };

/** One intervention due on a date. */
export interface DueIntervention {
  intervention: CareplanIntervention;
  reason: DueReason;
  /** How many times on that day (2 for 14 times a week); 1 otherwise. */
  timesOnDay: number;
}

/** One recorded task of an intervention (a completion, or an attempt that was not done). */
export interface TaskRecord {
  interventionId: string;
  /** `YYYY-MM-DD` on which it was recorded. */
  date: string;
  /** Missing means done (e.g. records imported from a paper chart). */
  outcome?: TaskOutcome;
}

/**
 * The weekdays offsets (0 = the start date's weekday) of a weekly frequency
 * spread evenly over seven days: offset k·7/n (rounded down) for k = 0…n−1.
 * 1× → [0]; 2× → [0, 3]; 3× → [0, 2, 4]; 7× → [0…6]; 14× → each offset twice.
 */
function weeklyOffsets(timesPerWeek: number): number[] {
  return Array.from({ length: timesPerWeek }, (_, k) => Math.floor((k * 7) / timesPerWeek));
}

/**
 * Whether an intervention with a weekly frequency is due on `day`, and how many times.
 * - Without `history`: the fixed pattern of `weeklyOffsets`, anchored on the
 *   weekday of the intervention's start date, so each calendar week holds
 *   exactly n due days (a start on Wednesday at 2× gives Wednesday and Saturday).
 * - With `history`: due while fewer than n tasks were recorded in the ISO week
 *   (Monday–Sunday) **before** this day; a task recorded on the day itself does
 *   not take the intervention off that day's list (like daily ones, it stays
 *   listed and shows as done). Records whose outcome is `not-done` do not count;
 *   `partial` ones do (the visit took place; what is missing is in the reason).
 */
function weeklyDue(
  intervention: CareplanIntervention,
  timesPerWeek: number,
  day: number,
  startDay: number,
  history: readonly TaskRecord[] | undefined,
): { reason: DueReason; timesOnDay: number } | undefined {
  if (!Number.isInteger(timesPerWeek) || timesPerWeek < 1) {
    throw new RangeError(`intervention "${intervention.id}": timesPerWeek must be a whole number ≥ 1, got ${timesPerWeek}`);
  }
  if (history) {
    const weekStart = day - (isoWeekday(day) - 1);
    let doneThisWeek = 0;
    for (const record of history) {
      if (record.interventionId !== intervention.id || record.outcome === 'not-done') continue;
      const recorded = dayNumber(record.date);
      if (recorded !== undefined && recorded >= weekStart && recorded < day) doneThisWeek++;
    }
    if (doneThisWeek >= timesPerWeek) return undefined;
    // More than 7 a week means more than once a day, never more than what is left.
    const timesOnDay = Math.min(timesPerWeek - doneThisWeek, Math.ceil(timesPerWeek / 7));
    return { reason: { kind: 'weekly-remaining', timesPerWeek, doneThisWeek }, timesOnDay };
  }
  const offset = (((day - startDay) % 7) + 7) % 7;
  const timesOnDay = weeklyOffsets(timesPerWeek).filter((o) => o === offset).length;
  if (timesOnDay === 0) return undefined;
  return { reason: { kind: 'weekly-pattern', timesPerWeek, weekday: isoWeekday(day) }, timesOnDay };
}

function dueOn(
  intervention: CareplanIntervention,
  day: number,
  history: readonly TaskRecord[] | undefined,
): { reason: DueReason; timesOnDay: number } | undefined {
  const startDay = requireDay(intervention.startDate, `intervention "${intervention.id}" startDate`);
  if (day < startDay) return undefined;
  if (intervention.endDate !== undefined && day > requireDay(intervention.endDate, `intervention "${intervention.id}" endDate`)) return undefined;
  const frequency = intervention.frequency;
  switch (frequency.kind) {
    case 'daily':
      return { reason: { kind: 'daily' }, timesOnDay: 1 };
    case 'every-n-days': {
      const everyDays = frequency.everyDays;
      if (!Number.isInteger(everyDays) || everyDays < 1) {
        throw new RangeError(`intervention "${intervention.id}": everyDays must be a whole number ≥ 1, got ${everyDays}`);
      }
      const daysSinceStart = day - startDay;
      return daysSinceStart % everyDays === 0 ? { reason: { kind: 'every-n-days', everyDays, daysSinceStart }, timesOnDay: 1 } : undefined;
    }
    case 'weekdays': {
      const weekday = isoWeekday(day);
      return frequency.weekdays.includes(weekday) ? { reason: { kind: 'weekdays', weekday }, timesOnDay: 1 } : undefined;
    }
    case 'weekly':
      return weeklyDue(intervention, frequency.timesPerWeek, day, startDay, history);
  }
}

/**
 * The interventions of a care plan due on `date` (`YYYY-MM-DD`), in plan order,
 * each with the reason. Only an `active` plan has anything due; an intervention
 * is due only between its start and end dates (both inclusive). `history` only
 * changes weekly frequencies (see `weeklyDue` above: pattern without it,
 * remaining count with it). Throws `RangeError` for a date that is not a real
 * calendar date.
 */
export function interventionsDueOn(
  careplan: Pick<CareplanDoc, 'status' | 'interventions'>,
  date: string,
  history?: readonly TaskRecord[],
): DueIntervention[] {
  const day = requireDay(date, 'date');
  if (careplan.status !== 'active') return [];
  const due: DueIntervention[] = [];
  for (const intervention of careplan.interventions) {
    const hit = dueOn(intervention, day, history);
    if (hit) due.push({ intervention, ...hit });
  }
  return due;
}

/** The responsible roles whose interventions the family and community nurse (IFeC) carries out at her visit. */
export const NURSE_VISIT_ROLES: readonly string[] = ['nurse'];

/**
 * The interventions due at a home visit on `date`: those due that day whose
 * responsible role is one the visiting professional carries out (the caregiver's
 * daily care or the physiotherapist's sessions are not the nurse's tasks).
 * A plan with a broken date lists nothing rather than breaking the visit.
 */
export function interventionsDueAtVisit(
  careplan: Pick<CareplanDoc, 'status' | 'interventions'> | null,
  date: string,
  roles: readonly string[] = NURSE_VISIT_ROLES,
): DueIntervention[] {
  if (!careplan) return [];
  try {
    return interventionsDueOn(careplan, date).filter(({ intervention }) => roles.includes(intervention.responsibleRole));
  } catch (err) {
    if (err instanceof RangeError) return [];
    throw err;
  }
}

const WEEKDAY_NAMES = {
  it: ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** A short human reason for a due intervention, in Italian and English. */
export function dueReasonLabel(reason: DueReason): { it: string; en: string } {
  switch (reason.kind) {
    case 'daily':
      return { it: 'Ogni giorno', en: 'Every day' };
    case 'every-n-days':
      return { it: `Ogni ${reason.everyDays} giorni`, en: `Every ${reason.everyDays} days` };
    case 'weekdays':
      return { it: `Ogni ${WEEKDAY_NAMES.it[reason.weekday - 1]}`, en: `Every ${WEEKDAY_NAMES.en[reason.weekday - 1]}` };
    case 'weekly-pattern':
      return { it: `${reason.timesPerWeek} volte a settimana`, en: `${reason.timesPerWeek} times a week` };
    case 'weekly-remaining':
      return {
        it: `${reason.timesPerWeek} volte a settimana, ${reason.doneThisWeek} già eseguite`,
        en: `${reason.timesPerWeek} times a week, ${reason.doneThisWeek} done so far`,
      };
  }
}

/** What happened to a planned task at a visit. */
export const TASK_OUTCOMES = ['done', 'not-done', 'partial'] as const;

/** What happened to a planned task at a visit. */
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/** Labels of the task outcomes. */
export const TASK_OUTCOME_LABELS: Record<TaskOutcome, { it: string; en: string }> = {
  done: { it: 'Eseguito', en: 'Done' },
  'not-done': { it: 'Non eseguito', en: 'Not done' },
  partial: { it: 'Eseguito in parte', en: 'Partly done' },
};

/** The outcome of one task as typed by a nurse, before it is checked. */
export interface TaskOutcomeInput {
  interventionId: unknown;
  outcome: unknown;
  reason?: unknown;
  note?: unknown;
}

/** One thing wrong with a task outcome, naming the field. */
export interface TaskOutcomeProblem {
  field: 'interventionId' | 'outcome' | 'reason' | 'note';
  code: 'required' | 'invalid' | 'too-long';
  message: { it: string; en: string };
}

/** Longest reason accepted for a task not done or partly done. */
export const TASK_REASON_MAX_LENGTH = 500;
/** Longest note accepted on a task (the schemas' bound for free text). */
export const TASK_NOTE_MAX_LENGTH = 1000;

const INTERVENTION_ID = /^[a-z0-9][a-z0-9._-]*$/;

function isTaskOutcome(value: unknown): value is TaskOutcome {
  return typeof value === 'string' && (TASK_OUTCOMES as readonly string[]).includes(value);
}

/**
 * Check a task outcome: a known intervention id shape, one of `TASK_OUTCOMES`,
 * and a reason (not blank) when the task was not done or only partly done.
 * Returns the problems, each naming its field; an empty list means valid.
 */
export function validateTaskOutcome(input: TaskOutcomeInput): TaskOutcomeProblem[] {
  const problems: TaskOutcomeProblem[] = [];
  const { interventionId, outcome, reason, note } = input;
  if (typeof interventionId !== 'string' || interventionId === '') {
    problems.push({ field: 'interventionId', code: 'required', message: { it: 'Manca l\'intervento.', en: 'The intervention is missing.' } });
  } else if (interventionId.length > 40 || !INTERVENTION_ID.test(interventionId)) {
    problems.push({ field: 'interventionId', code: 'invalid', message: { it: 'Intervento non valido.', en: 'Invalid intervention.' } });
  }
  if (outcome === undefined || outcome === null || outcome === '') {
    problems.push({ field: 'outcome', code: 'required', message: { it: 'Indicare l\'esito.', en: 'Choose an outcome.' } });
  } else if (!isTaskOutcome(outcome)) {
    problems.push({
      field: 'outcome',
      code: 'invalid',
      message: { it: `Esito sconosciuto: ${String(outcome)}.`, en: `Unknown outcome: ${String(outcome)}.` },
    });
  }
  if (reason !== undefined && typeof reason !== 'string') {
    problems.push({ field: 'reason', code: 'invalid', message: { it: 'Il motivo deve essere un testo.', en: 'The reason must be text.' } });
  } else if ((outcome === 'not-done' || outcome === 'partial') && (reason === undefined || reason.trim() === '')) {
    problems.push({
      field: 'reason',
      code: 'required',
      message:
        outcome === 'not-done'
          ? { it: 'Indicare il motivo per cui non è stato eseguito.', en: 'Give the reason it was not done.' }
          : { it: 'Indicare il motivo per cui è stato eseguito solo in parte.', en: 'Give the reason it was only partly done.' },
    });
  } else if (typeof reason === 'string' && reason.length > TASK_REASON_MAX_LENGTH) {
    problems.push({
      field: 'reason',
      code: 'too-long',
      message: { it: `Motivo troppo lungo (massimo ${TASK_REASON_MAX_LENGTH} caratteri).`, en: `Reason too long (at most ${TASK_REASON_MAX_LENGTH} characters).` },
    });
  }
  if (note !== undefined && typeof note !== 'string') {
    problems.push({ field: 'note', code: 'invalid', message: { it: 'La nota deve essere un testo.', en: 'The note must be text.' } });
  } else if (typeof note === 'string' && note.length > TASK_NOTE_MAX_LENGTH) {
    problems.push({
      field: 'note',
      code: 'too-long',
      message: { it: `Nota troppo lunga (massimo ${TASK_NOTE_MAX_LENGTH} caratteri).`, en: `Note too long (at most ${TASK_NOTE_MAX_LENGTH} characters).` },
    });
  }
  return problems;
}
