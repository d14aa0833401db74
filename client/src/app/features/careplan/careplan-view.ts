import { type CareplanDoc, interventionsDueOn, type VisitDoc } from '@prossima/domain';

/** What the PAI page shows of a patient's plans, worked out from the local documents. */

/** The plan the visits follow: the active one (the newest review first, if the data ever holds two). */
export function activeCareplan(plans: readonly CareplanDoc[]): CareplanDoc | null {
  return [...plans].sort(byNewestReview).find((plan) => plan.status === 'active') ?? null;
}

/** The drafts and closed plans, newest review first. */
export function otherCareplans(plans: readonly CareplanDoc[], activeId: string | null): CareplanDoc[] {
  return plans.filter((plan) => plan.id !== activeId).sort(byNewestReview);
}

/** A plan still in use whose review date (`YYYY-MM-DD`) is before `today`. */
export function isReviewOverdue(plan: Pick<CareplanDoc, 'status' | 'reviewDate'>, today: string): boolean {
  return plan.status !== 'closed' && plan.reviewDate < today;
}

/**
 * The interventions due on `date`, by id, with how many times that day (see
 * `interventionsDueOn`: only an active plan has anything due; weekly ones
 * follow the fixed weekly pattern).
 */
export function dueOnDate(plan: Pick<CareplanDoc, 'status' | 'interventions'>, date: string): ReadonlyMap<string, number> {
  try {
    return new Map(interventionsDueOn(plan, date).map((due) => [due.intervention.id, due.timesOnDay]));
  } catch (err) {
    // A stored plan with a broken date (written before the rule existed) must still be readable: nothing is flagged due.
    if (err instanceof RangeError) return new Map();
    throw err;
  }
}

/** The visits carrying a nurse's proposal to change the PAI, newest first. */
export function nurseProposals(visits: readonly VisitDoc[]): VisitDoc[] {
  return visits
    .filter((visit) => (visit.paiProposal ?? '').trim() !== '')
    .sort((a, b) => b.date.localeCompare(a.date) || b.updatedAt.localeCompare(a.updatedAt) || b.order - a.order);
}

function byNewestReview(a: CareplanDoc, b: CareplanDoc): number {
  return b.reviewDate.localeCompare(a.reviewDate) || b.updatedAt.localeCompare(a.updatedAt);
}
