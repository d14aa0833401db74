import {
  BLOOD_PRESSURE_PANEL_LOINC,
  instrumentById,
  vitalByLoinc,
  type AssessmentDoc,
  type ObservationDoc,
  type PatientDoc,
  type VisitDoc,
} from '@prossima/domain';

/**
 * The visit summary, as the closing step and the printed report show it:
 * plain lines built from the visit and the records made during it. The report
 * is always in Italian (it goes into the paper record and to the family doctor).
 */
export interface VisitSummary {
  tasks: { label: string; outcome: string; detail: string }[];
  scores: { instrument: string; total: number; band: string }[];
  vitals: { label: string; value: string }[];
  note: string;
  proposal: string;
}

const OUTCOME_IT: Record<string, string> = { done: 'Eseguita', 'not-done': 'Non eseguita', partial: 'Eseguita in parte' };

/** A number with the Italian decimal comma. */
function it(value: number): string {
  return String(value).replace('.', ',');
}

/** One observation as "label: value unit" (blood pressure as sys/dia mmHg). */
export function vitalLine(observation: ObservationDoc): { label: string; value: string } {
  if (observation.code === BLOOD_PRESSURE_PANEL_LOINC) {
    const sys = observation.components?.find((c) => c.code === '8480-6')?.value;
    const dia = observation.components?.find((c) => c.code === '8462-4')?.value;
    return { label: 'Pressione arteriosa', value: `${sys ?? '?'}/${dia ?? '?'} mmHg` };
  }
  if (observation.components?.length) {
    // A panel other than blood pressure (spirometry): each component on one line.
    const parts = observation.components.map((c) => {
      const component = vitalByLoinc(c.code);
      return `${component?.label.it ?? c.code} ${it(c.value)} ${component?.symbol ?? c.unit}`;
    });
    return { label: vitalByLoinc(observation.code)?.label.it ?? 'Spirometria', value: parts.join('; ') };
  }
  const vital = vitalByLoinc(observation.code);
  const value = observation.value === undefined ? '—' : it(observation.value);
  return { label: vital?.label.it ?? observation.code, value: `${value} ${vital?.symbol ?? observation.unit ?? ''}`.trim() };
}

/** The summary of `visit` from the records that name it. */
export function visitSummary(visit: VisitDoc, assessments: readonly AssessmentDoc[], observations: readonly ObservationDoc[]): VisitSummary {
  return {
    tasks: (visit.taskResults ?? []).map((r) => ({
      label: r.label,
      outcome: OUTCOME_IT[r.outcome] ?? r.outcome,
      detail: [r.reason, r.note].filter(Boolean).join(' — '),
    })),
    scores: assessments
      .filter((a) => a.visitId === visit.id)
      .map((a) => {
        const definition = instrumentById(a.instrumentId);
        const convention = definition?.conventions.find((c) => c.id === a.convention);
        const labels = convention ? (convention.kind === 'ranges' ? convention.bands : convention.grades) : [];
        const band = labels.find((b) => b.code === a.band);
        return { instrument: definition?.title.it ?? a.instrumentId, total: a.total, band: band?.label.it ?? a.band };
      }),
    vitals: observations.filter((o) => o.visitId === visit.id).map(vitalLine),
    note: visit.note,
    proposal: visit.paiProposal ?? '',
  };
}

/** "Mario Rossi, nato il 01/01/1940 — CF RSSMRA40A01H501U": the report's patient line. */
export function patientLine(patient: PatientDoc): string {
  const [y, m, d] = patient.birthDate.split('-');
  return `${patient.givenName} ${patient.familyName}, ${patient.sex === 'F' ? 'nata' : 'nato'} il ${d}/${m}/${y} — CF ${patient.codiceFiscale}`;
}
