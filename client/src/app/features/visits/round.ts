import { interventionsDueAtVisit, type CareplanDoc, type PatientDoc, type VisitDoc } from '@prossima/domain';

/** One stop of a nurse's round: the visit, and its patient when on this device. */
export interface RoundStop {
  visit: VisitDoc;
  patient: PatientDoc | null;
  /** What is due at this visit: the active PAI's interventions due that day, else the tasks the round was planned with. */
  dueTasks: string[];
  /** What the nurse must know before entering: allergies first, then the patient's alerts. */
  warnings: Warning[];
}

/** A warning shown with a visit. */
export interface Warning {
  kind: 'allergy' | 'alert';
  text: string;
}

/** The active care plan of a patient among `careplans` (the latest review when, wrongly, several are active). */
export function activeCareplan(careplans: readonly CareplanDoc[], patientId: string): CareplanDoc | null {
  return (
    careplans
      .filter((c) => c.patientId === patientId && c.status === 'active')
      .sort((a, b) => b.reviewDate.localeCompare(a.reviewDate))[0] ?? null
  );
}

/** The labels of the nurse's tasks due at a visit (see {@link RoundStop.dueTasks}). */
export function dueTasks(visit: Pick<VisitDoc, 'date' | 'tasks'>, careplan: CareplanDoc | null): string[] {
  if (!careplan) return visit.tasks;
  return interventionsDueAtVisit(careplan, visit.date).map(({ intervention, timesOnDay }) =>
    timesOnDay > 1 ? `${intervention.label} (×${timesOnDay})` : intervention.label,
  );
}

/** A patient's warnings (see {@link RoundStop.warnings}). */
export function warningsOf(patient: Pick<PatientDoc, 'allergies' | 'alerts'> | null): Warning[] {
  if (!patient) return [];
  return [
    ...patient.allergies.map((text): Warning => ({ kind: 'allergy', text })),
    ...(patient.alerts ?? []).map((text): Warning => ({ kind: 'alert', text })),
  ];
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
  careplans: readonly CareplanDoc[] = [],
): RoundStop[] {
  const byId = new Map(patients.map((p) => [p.id, p]));
  return visits
    .filter((v) => v.nurseId === nurseId && v.date === date)
    .sort((a, b) => a.order - b.order || a.windowStart.localeCompare(b.windowStart) || a.id.localeCompare(b.id))
    .map((visit) => {
      const patient = byId.get(visit.patientId) ?? null;
      return { visit, patient, dueTasks: dueTasks(visit, activeCareplan(careplans, visit.patientId)), warnings: warningsOf(patient) };
    });
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
