import {
  type CareplanDoc,
  type DueIntervention,
  interventionsDueAtVisit,
  type TaskOutcome,
  type TaskOutcomeProblem,
  validateTaskOutcome,
  type VisitDoc,
  type VisitTaskResult,
} from '@prossima/domain';

/**
 * The state behind `VisitTasksComponent`, as pure functions: which
 * interventions a visit covers, the nurse's entry for each, and the
 * `taskResults` the entries give.
 */

/** What the nurse has entered for one intervention (an empty outcome means not recorded yet). */
export interface TaskEntry {
  outcome: TaskOutcome | '';
  reason: string;
  note: string;
}

/** The nurse's interventions of `careplan` due on the visit's date (none without a plan, or for a broken date). */
export function dueAtVisit(visit: Pick<VisitDoc, 'date'>, careplan: Pick<CareplanDoc, 'status' | 'interventions'> | null): DueIntervention[] {
  return interventionsDueAtVisit(careplan, visit.date);
}

/** The entries the visit's recorded results give, by intervention id. */
export function entriesFromResults(results: readonly VisitTaskResult[] | undefined): Record<string, TaskEntry> {
  const entries: Record<string, TaskEntry> = {};
  for (const result of results ?? []) {
    entries[result.interventionId] = { outcome: result.outcome, reason: result.reason ?? '', note: result.note ?? '' };
  }
  return entries;
}

/** The problems of one entry (none while no outcome is chosen). */
export function entryProblems(interventionId: string, entry: TaskEntry | undefined): TaskOutcomeProblem[] {
  if (!entry || entry.outcome === '') return [];
  return validateTaskOutcome({ interventionId, outcome: entry.outcome, reason: entry.reason, note: entry.note });
}

/**
 * The `taskResults` to store: one per due intervention with an outcome, in
 * plan order (the label as it reads today; a reason only when not done or
 * partly done; blank texts left out), then the visit's earlier results for
 * interventions no longer due, unchanged (recorded facts are not dropped
 * because the plan changed).
 */
export function resultsFromEntries(
  due: readonly DueIntervention[],
  entries: Readonly<Record<string, TaskEntry>>,
  previous: readonly VisitTaskResult[] | undefined,
): VisitTaskResult[] {
  const results: VisitTaskResult[] = [];
  for (const { intervention } of due) {
    const entry = entries[intervention.id];
    if (!entry || entry.outcome === '') continue;
    const reason = entry.outcome === 'done' ? '' : entry.reason.trim();
    const note = entry.note.trim();
    results.push({
      interventionId: intervention.id,
      label: intervention.label,
      outcome: entry.outcome,
      ...(reason ? { reason } : {}),
      ...(note ? { note } : {}),
    });
  }
  const dueIds = new Set(due.map((d) => d.intervention.id));
  return [...results, ...(previous ?? []).filter((result) => !dueIds.has(result.interventionId))];
}
