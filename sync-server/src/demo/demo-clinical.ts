import type { AssessmentDoc, ObservationDoc, ReviewDoc } from '@prossima/domain';
import { DEMO_CARE_PROFILES, type DemoVitals } from './demo-care-profiles';
import { addDays, instantOn } from './demo-dates';
import type { DemoPatient } from './demo-people';
import { HISTORY_DAYS_AGO, visitId } from './demo-visits';

/** LOINC codes and UCUM units of the vital signs the kit and the nurse record. */
export const VITAL_CODES = {
  bloodPressurePanel: '85354-9',
  systolic: '8480-6',
  diastolic: '8462-4',
  heartRate: '8867-4',
  spo2: '59408-5',
  temperature: '8310-5',
  weight: '29463-7',
} as const;

/** Barthel Index items, in the order of `DemoCareProfile.barthel`. */
export const BARTHEL_ITEMS = ['feeding', 'bathing', 'grooming', 'dressing', 'bowels', 'bladder', 'toilet', 'transfers', 'mobility', 'stairs'] as const;

/** The Barthel band of a 0–100 total (Shah 1989). */
export function barthelBand(total: number): string {
  if (total <= 20) return 'total';
  if (total <= 60) return 'severe';
  if (total <= 90) return 'moderate';
  if (total <= 99) return 'slight';
  return 'independent';
}

/** The band of a 0–10 pain rating: 0 none, 1–3 mild, 4–6 moderate, 7–10 severe. */
export function painBand(score: number): string {
  if (score === 0) return 'none';
  if (score <= 3) return 'mild';
  return score <= 6 ? 'moderate' : 'severe';
}

/** The home kit of Antonio Esposito (pat-a-001), and the device his readings come from. */
export const ESPOSITO_KIT = {
  bloodPressure: { id: 'dev-pat-a-001-bp', model: 'A&D UA-651BLE' },
  oximeter: { id: 'dev-pat-a-001-spo2', model: 'OxiHome 50 BLE' },
} as const;

type Source = ObservationDoc['source'];
const MANUAL: Source = { kind: 'manual' };

/** One reading's documents: the vital signs measured together at `effectiveAt`. */
function vitalSigns(
  p: DemoPatient,
  base: { date: string; effectiveAt: string; by: string; visitId?: string },
  v: Partial<DemoVitals>,
  sources: { bp?: Source; spo2?: Source } = {},
): ObservationDoc[] {
  const doc = (kind: string, fields: Pick<ObservationDoc, 'code'> & Partial<ObservationDoc>, source: Source): ObservationDoc => ({
    id: `obs-${p.id}-${base.date}-${kind}`,
    districtId: p.districtId,
    patientId: p.id,
    ...(base.visitId ? { visitId: base.visitId } : {}),
    effectiveAt: base.effectiveAt,
    source,
    updatedAt: base.effectiveAt,
    updatedBy: base.by,
    ...fields,
  });
  const docs: ObservationDoc[] = [];
  if (v.systolic !== undefined && v.diastolic !== undefined) {
    docs.push(
      doc('bp', {
        code: VITAL_CODES.bloodPressurePanel,
        components: [
          { code: VITAL_CODES.systolic, value: v.systolic, unit: 'mm[Hg]' },
          { code: VITAL_CODES.diastolic, value: v.diastolic, unit: 'mm[Hg]' },
        ],
      }, sources.bp ?? MANUAL),
    );
  }
  if (v.heartRate !== undefined) docs.push(doc('hr', { code: VITAL_CODES.heartRate, value: v.heartRate, unit: '/min' }, sources.bp ?? MANUAL));
  if (v.spo2 !== undefined) docs.push(doc('spo2', { code: VITAL_CODES.spo2, value: v.spo2, unit: '%' }, sources.spo2 ?? MANUAL));
  if (v.temperature !== undefined) docs.push(doc('temp', { code: VITAL_CODES.temperature, value: v.temperature, unit: 'Cel' }, MANUAL));
  if (v.weight !== undefined) docs.push(doc('weight', { code: VITAL_CODES.weight, value: v.weight, unit: 'kg' }, MANUAL));
  return docs;
}

/**
 * The past observations of a patient: the vital signs the nurse took at the
 * two past visits and, for Antonio Esposito, three mornings of readings from
 * his home kit (his weight rising: the alert the district nurse reviewed).
 */
export function historyObservations(p: DemoPatient, today: string): ObservationDoc[] {
  const profile = DEMO_CARE_PROFILES[p.id];
  if (!profile) throw new Error(`No demo care profile for ${p.id}`);
  const v = profile.vitals;
  const [recent, older] = HISTORY_DAYS_AGO.map((daysAgo) => addDays(today, -daysAgo));
  const atVisit = (date: string) => ({ date, effectiveAt: instantOn(date, '09:10'), by: p.nurseId, visitId: visitId(date, p.id) });
  const docs = [
    ...vitalSigns(p, atVisit(recent), v),
    ...vitalSigns(p, atVisit(older), { systolic: v.systolic + 6, diastolic: v.diastolic + 2, heartRate: v.heartRate + 4, spo2: v.spo2 - 1 }),
  ];
  if (p.id === 'pat-a-001') {
    const kit = { bp: { kind: 'device', deviceId: ESPOSITO_KIT.bloodPressure.id, model: ESPOSITO_KIT.bloodPressure.model }, spo2: { kind: 'device', deviceId: ESPOSITO_KIT.oximeter.id, model: ESPOSITO_KIT.oximeter.model } } as const;
    [84.6, 85.5, 86.4].forEach((weight, i) => {
      const date = addDays(today, i - 3);
      const reading = { date, effectiveAt: instantOn(date, '06:30'), by: 'u-paz-esposito' };
      docs.push(...vitalSigns(p, reading, { systolic: v.systolic + i * 3, diastolic: v.diastolic + i, heartRate: v.heartRate + i * 2, spo2: v.spo2 - (i === 2 ? 1 : 0), weight }, kit));
    });
  }
  return docs;
}

/** The id of the kit reading the district nurse reviewed (Esposito's weight, yesterday). */
export const reviewedObservationId = (today: string) => `obs-pat-a-001-${addDays(today, -1)}-weight`;

/** The district nurse's review of Esposito's weight gain. */
export function demoReview(today: string): ReviewDoc {
  const subject = reviewedObservationId(today);
  return {
    id: `rvw-${subject}`,
    districtId: 'distretto-a',
    patientId: 'pat-a-001',
    subject: { collection: 'observations', id: subject },
    kind: 'action-taken',
    note: 'Aumento di peso di 1,8 kg in due giorni. Sentito il paziente: nessuna dispnea a riposo. Avvisato il medico di famiglia per la revisione del diuretico.',
    updatedAt: instantOn(addDays(today, -1), '11:15'),
    updatedBy: 'u-dist-verdi',
  };
}

/** The assessments filled at the older past visit: Barthel for everyone, pain for painful wounds. */
export function historyAssessments(p: DemoPatient, today: string): AssessmentDoc[] {
  const profile = DEMO_CARE_PROFILES[p.id];
  if (!profile) throw new Error(`No demo care profile for ${p.id}`);
  const date = addDays(today, -HISTORY_DAYS_AGO[1]);
  const takenAt = instantOn(date, '09:25');
  const common = { districtId: p.districtId, patientId: p.id, visitId: visitId(date, p.id), takenAt, updatedAt: takenAt, updatedBy: p.nurseId };
  const total = profile.barthel.reduce((sum, value) => sum + value, 0);
  const docs: AssessmentDoc[] = [
    {
      id: `asm-${p.id}-${date}-barthel`,
      ...common,
      instrumentId: 'barthel',
      answers: BARTHEL_ITEMS.map((itemId, i) => ({ itemId, value: profile.barthel[i] })),
      total,
      band: barthelBand(total),
      convention: 'shah-1989',
    },
  ];
  if (profile.painNrs !== undefined) {
    docs.push({
      id: `asm-${p.id}-${date}-nrs`,
      ...common,
      instrumentId: 'nrs-pain',
      answers: [{ itemId: 'intensity', value: profile.painNrs }],
      total: profile.painNrs,
      band: painBand(profile.painNrs),
      convention: 'nrs-0-3-6-10',
    });
  }
  return docs;
}
