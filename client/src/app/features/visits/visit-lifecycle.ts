import { interventionsDueAtVisit, type CareplanDoc, type VisitDoc, type VisitTaskResult } from '@prossima/domain';
import type { AuditedPatch } from '../../core/sync/local-writes';

/**
 * How a visit moves: planned → in progress (started) → done (closed), or
 * planned → missed (with a reason). A visit done or missed gets `endedAt` and
 * is closed for good: the server refuses any later change (write-check.ts).
 * Each function returns the patch that makes the move, audit fields included.
 */

function audited(userId: string, now: Date): { updatedAt: string; updatedBy: string } {
  return { updatedAt: now.toISOString(), updatedBy: userId };
}

/** Whether the visit can still be changed on the tablet. */
export function isOpen(visit: Pick<VisitDoc, 'status'>): boolean {
  return visit.status === 'planned' || visit.status === 'in-progress';
}

/** Start the visit now (a start already recorded is kept). */
export function startPatch(visit: VisitDoc, userId: string, now: Date): AuditedPatch<VisitDoc> {
  return { status: 'in-progress', ...(visit.startedAt ? {} : { startedAt: now.toISOString() }), ...audited(userId, now) };
}

/** The visit did not take place, for `reason`. */
export function missedPatch(reason: string, userId: string, now: Date): AuditedPatch<VisitDoc> {
  const trimmed = reason.trim();
  if (!trimmed) throw new RangeError('a missed visit needs a reason');
  return { status: 'missed', missedReason: trimmed, endedAt: now.toISOString(), ...audited(userId, now) };
}

/** What the nurse recorded in the visit so far: saved as she goes, the visit stays open. */
export function progressPatch(
  visit: VisitDoc,
  change: { note: string; taskResults: VisitTaskResult[]; paiProposal: string },
  userId: string,
  now: Date,
): AuditedPatch<VisitDoc> {
  return {
    note: change.note,
    taskResults: change.taskResults,
    ...(change.paiProposal.trim() ? { paiProposal: change.paiProposal.trim() } : {}),
    ...(visit.status === 'planned' ? { status: 'in-progress' as const } : {}),
    ...(visit.startedAt ? {} : { startedAt: now.toISOString() }),
    ...audited(userId, now),
  };
}

/** The due interventions that have no outcome among `results` yet: a visit cannot close while any is left. */
export function tasksWithoutOutcome(visit: Pick<VisitDoc, 'date'>, careplan: CareplanDoc | null, results: readonly VisitTaskResult[]): string[] {
  const recorded = new Set(results.map((r) => r.interventionId));
  return interventionsDueAtVisit(careplan, visit.date)
    .filter(({ intervention }) => !recorded.has(intervention.id))
    .map(({ intervention }) => intervention.label);
}

/** Close the visit now: done, with its end time (and a start, if it was never started). */
export function closePatch(visit: VisitDoc, userId: string, now: Date): AuditedPatch<VisitDoc> {
  const at = now.toISOString();
  return { status: 'done', ...(visit.startedAt ? {} : { startedAt: at }), endedAt: at, ...audited(userId, now) };
}
