import { siadNeedByCode, type CareplanDoc, type ReferralDoc } from '@prossima/domain';
import { DEMO_CARE_PROFILES } from './demo-care-profiles';
import { addDays, instantOn } from './demo-dates';
import type { DemoPatient } from './demo-people';
import { CARE_STARTED_DAYS_AGO, DEMO_COORDINATOR } from './demo-visits';

/** The id of a demo patient's PAI. */
export const careplanId = (patientId: string) => `cp-${patientId}`;

/** The active PAI of a demo patient, written by the coordinator when the patient was taken into care. */
export function careplanDoc(p: DemoPatient, today: string, at: string): CareplanDoc {
  const profile = DEMO_CARE_PROFILES[p.id];
  if (!profile) throw new Error(`No demo care profile for ${p.id}`);
  const start = addDays(today, -CARE_STARTED_DAYS_AGO);
  return {
    id: careplanId(p.id),
    districtId: p.districtId,
    patientId: p.id,
    status: 'active',
    needs: profile.needs.map((code) => ({ code, label: siadNeedByCode(code)!.label.it })),
    goals: profile.goals.map(({ id, text, targetInDays }) => ({ id, text, ...(targetInDays ? { targetDate: addDays(start, targetInDays) } : {}) })),
    interventions: profile.interventions.map(({ endsAfterDays, ...intervention }) => ({
      ...intervention,
      startDate: start,
      ...(endsAfterDays ? { endDate: addDays(start, endsAfterDays) } : {}),
    })),
    // A home-care PAI is reviewed at least every three months.
    reviewDate: addDays(start, 90),
    updatedAt: at,
    updatedBy: DEMO_COORDINATOR,
  };
}

/** The protected discharge that brought Maria Zanetti (pat-a-002) from the orthopaedic ward into home care. */
export function demoReferral(today: string, at: string): ReferralDoc {
  const start = addDays(today, -CARE_STARTED_DAYS_AGO);
  const step = (id: string, label: string, daysFromStart: number, by = DEMO_COORDINATOR) => ({
    id,
    label,
    status: 'done' as const,
    at: instantOn(addDays(start, daysFromStart), '10:00'),
    by,
  });
  return {
    id: 'ref-pat-a-002-dimissione',
    districtId: 'distretto-a',
    patientId: 'pat-a-002',
    kind: 'protected-discharge',
    status: 'active',
    source: { facility: 'Azienda Ospedale Università Padova', ward: 'Ortopedia e Traumatologia' },
    expectedDate: start,
    steps: [
      step('segnalazione', 'Segnalazione del reparto alla COT (72 ore prima della dimissione)', -3),
      step('uvmd', 'Valutazione multidimensionale (UVMD con SVaMA)', -2),
      step('pai', 'Redazione del PAI e attivazione dell\'ADI', -1),
      step('ausili', 'Consegna di materasso antidecubito e deambulatore', 0),
      step('prima-visita', 'Prima visita domiciliare dell\'infermiere di famiglia', 1, 'u-ifec-rossi'),
      { id: 'rivalutazione', label: 'Rivalutazione a 30 giorni', status: 'todo' },
    ],
    notes:
      'Dimissione protetta dopo intervento di endoprotesi d\'anca per frattura del femore destro. ' +
      'Lesione sacrale di grado II presente alla dimissione. Caregiver: la figlia, convivente.',
    updatedAt: at,
    updatedBy: DEMO_COORDINATOR,
  };
}
