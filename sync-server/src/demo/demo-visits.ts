import { computeCodiceFiscale, type PatientDoc, type RoundDoc, type VisitDoc } from '@prossima/domain';
import { addDays, instantOn, timeAt } from './demo-dates';
import { DEMO_CONTACTS, DEMO_PATIENTS, type DemoPatient } from './demo-people';

/** The COT coordinator who registers patients and publishes rounds in the demo. */
export const DEMO_COORDINATOR = 'u-cot-neri';

/** Days before the seed day when the demo patients were taken into home care. */
export const CARE_STARTED_DAYS_AGO = 30;

/** How many days ago the two past visits of each patient took place. */
export const HISTORY_DAYS_AGO = [7, 14] as const;

const HISTORY_NOTES = [
  'Paziente vigile e collaborante. Parametri nella norma. Nessuna criticità riferita dal caregiver.',
  'Riferita stanchezza serale. Rinforzata l\'educazione sulla terapia. Da rivalutare alla prossima visita.',
];

/** The patient document of a demo patient. */
export function patientDoc(p: DemoPatient, today: string, at: string): PatientDoc {
  const contacts = DEMO_CONTACTS[p.id];
  return {
    id: p.id,
    districtId: p.districtId,
    givenName: p.givenName,
    familyName: p.familyName,
    codiceFiscale: computeCodiceFiscale(p),
    birthDate: p.birthDate,
    sex: p.sex,
    address: { street: p.street, city: p.city, postalCode: p.postalCode, province: 'PD' },
    phone: p.phone,
    birthplaceCode: p.birthplaceCode,
    location: { lat: p.lat, lon: p.lon },
    ...(contacts?.caregiver ? { caregiver: contacts.caregiver } : {}),
    ...(contacts ? { familyDoctor: contacts.familyDoctor, alerts: contacts.alerts } : {}),
    careStart: addDays(today, -CARE_STARTED_DAYS_AGO),
    careTeam: [p.nurseId],
    conditions: p.conditions,
    allergies: p.allergies,
    paiSummary: p.paiSummary,
    status: 'active',
    updatedAt: at,
    updatedBy: DEMO_COORDINATOR,
  };
}

/** The planned visits of `nurseId` on `date`: her patients in a fixed order, 75-minute slots from 08:30. */
export function roundVisits(nurseId: string, date: string, at: string): VisitDoc[] {
  return DEMO_PATIENTS.filter((p) => p.nurseId === nurseId).map((p, i) => ({
    id: `v-${date}-${p.id}`,
    districtId: p.districtId,
    patientId: p.id,
    nurseId,
    date,
    order: i + 1,
    windowStart: timeAt(8 * 60 + 30 + i * 75),
    windowEnd: timeAt(8 * 60 + 30 + i * 75 + 60),
    status: 'planned',
    tasks: p.tasks,
    note: '',
    updatedAt: at,
    updatedBy: DEMO_COORDINATOR,
  }));
}

/** The published round of `nurseId` on `date`: one stop per planned visit, in the same order and windows. */
export function roundDoc(nurseId: string, date: string, at: string): RoundDoc {
  const visits = roundVisits(nurseId, date, at);
  return {
    id: `round-${date}-${nurseId}`,
    districtId: visits[0].districtId,
    nurseId,
    date,
    status: 'published',
    stops: visits.map((v) => ({ patientId: v.patientId, order: v.order, windowStart: v.windowStart, windowEnd: v.windowEnd, tasks: v.tasks })),
    publishedAt: at,
    updatedAt: at,
    updatedBy: DEMO_COORDINATOR,
  };
}

/** The id of the past visit of `patientId` on `date`. */
export const visitId = (date: string, patientId: string) => `v-${date}-${patientId}`;

/** The two closed past visits of a patient (7 and 14 days before `today`). */
export function historyVisits(p: DemoPatient, today: string): VisitDoc[] {
  return HISTORY_DAYS_AGO.map((daysAgo, i) => {
    const date = addDays(today, -daysAgo);
    const ended = instantOn(date, '09:40');
    return {
      id: visitId(date, p.id),
      districtId: p.districtId,
      patientId: p.id,
      nurseId: p.nurseId,
      date,
      order: 1,
      windowStart: '09:00',
      windowEnd: '10:00',
      status: 'done',
      tasks: p.tasks,
      note: HISTORY_NOTES[i],
      startedAt: instantOn(date, '09:00'),
      endedAt: ended,
      updatedAt: ended,
      updatedBy: p.nurseId,
    };
  });
}
