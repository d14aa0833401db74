import { answersFromList, bloodPressurePanel, scoreInstrument, toObservationFields, type AssessmentDoc, type ObservationDoc, type ReviewDoc } from '@prossima/domain';
import { DEMO_CARE_PROFILES, type DemoVitals } from './demo-care-profiles';
import { addDays, instantOn } from './demo-dates';
import type { DemoPatient } from './demo-people';
import { HISTORY_DAYS_AGO, visitId } from './demo-visits';

/** Barthel Index items, in the order of `DemoCareProfile.barthel`. */
export const BARTHEL_ITEMS = ['feeding', 'bathing', 'grooming', 'dressing', 'bowels', 'bladder', 'toilet', 'transfers', 'mobility', 'stairs'] as const;

/** An assessment's score fields, from the one scoring engine (as the tablet computes them). */
function scored(instrumentId: string, answers: { itemId: string; value: string | number }[]): Pick<AssessmentDoc, 'instrumentId' | 'answers' | 'total' | 'band' | 'convention'> {
  const score = scoreInstrument(instrumentId, answersFromList(answers));
  return { instrumentId: score.instrumentId, answers, total: score.total, band: score.band?.code ?? '', convention: score.convention };
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
      doc('bp', bloodPressurePanel(v.systolic, v.diastolic), sources.bp ?? MANUAL),
    );
  }
  if (v.heartRate !== undefined) docs.push(doc('hr', toObservationFields('heart-rate', v.heartRate), sources.bp ?? MANUAL));
  if (v.spo2 !== undefined) docs.push(doc('spo2', toObservationFields('spo2', v.spo2), sources.spo2 ?? MANUAL));
  if (v.temperature !== undefined) docs.push(doc('temp', toObservationFields('body-temperature', v.temperature), MANUAL));
  if (v.weight !== undefined) docs.push(doc('weight', toObservationFields('body-weight', v.weight), MANUAL));
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
  const docs: AssessmentDoc[] = [
    { id: `asm-${p.id}-${date}-barthel`, ...common, ...scored('barthel', BARTHEL_ITEMS.map((itemId, i) => ({ itemId, value: String(profile.barthel[i]) }))) },
  ];
  if (profile.painNrs !== undefined) {
    docs.push({ id: `asm-${p.id}-${date}-nrs`, ...common, ...scored('nrs', [{ itemId: 'intensity', value: String(profile.painNrs) }]) });
  }
  return docs;
}
