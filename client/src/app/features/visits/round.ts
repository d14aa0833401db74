import type { PatientDoc, VisitDoc } from '@prossima/domain';

/** One stop of a nurse's round: the visit, and its patient when on this device. */
export interface RoundStop {
  visit: VisitDoc;
  patient: PatientDoc | null;
}

/**
 * A nurse's round for a day: her visits of that date, in the planned order
 * (then by time window, then id, so the order is stable).
 */
export function buildRound(
  visits: readonly VisitDoc[],
  patients: readonly PatientDoc[],
  nurseId: string,
  date: string,
): RoundStop[] {
  const byId = new Map(patients.map((p) => [p.id, p]));
  return visits
    .filter((v) => v.nurseId === nurseId && v.date === date)
    .sort((a, b) => a.order - b.order || a.windowStart.localeCompare(b.windowStart) || a.id.localeCompare(b.id))
    .map((visit) => ({ visit, patient: byId.get(visit.patientId) ?? null }));
}

/** "Given Family": how a patient is named in links and headings. */
export function fullName(patient: Pick<PatientDoc, 'givenName' | 'familyName'>): string {
  return `${patient.givenName} ${patient.familyName}`;
}

/** A visit's time window: "09:00–10:00". */
export function timeWindow(visit: Pick<VisitDoc, 'windowStart' | 'windowEnd'>): string {
  return `${visit.windowStart}–${visit.windowEnd}`;
}

/** A patient's visits, newest first (by date, then latest in the round). */
export function newestFirst(visits: readonly VisitDoc[]): VisitDoc[] {
  return [...visits].sort((a, b) => b.date.localeCompare(a.date) || b.order - a.order);
}
