import { computeCodiceFiscale, localDate, type PatientDoc, type VisitDoc } from '@prossima/domain';
import { hashPassword } from '../auth/passwords';
import type { UserStore } from '../auth/user-store';
import { districtDatabase, type CouchStore } from '../store/couch-store';
import { DEMO_ACCOUNTS, DEMO_DISTRICTS, DEMO_PASSWORD, DEMO_PATIENTS, type DemoPatient } from './demo-people';

const COORDINATOR = 'u-cot-neri';
const HISTORY_NOTES = [
  'Paziente vigile e collaborante. Parametri nella norma. Nessuna criticità riferita dal caregiver.',
  'Riferita stanchezza serale. Rinforzata l\'educazione sulla terapia. Da rivalutare alla prossima visita.',
];

type StoredDoc<T extends { id: string }> = Omit<T, 'id'> & { _id: string };

function toStored<T extends { id: string }>(doc: T): StoredDoc<T> {
  const { id, ...rest } = doc;
  return { _id: id, ...rest };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function timeAt(minutesFromMidnight: number): string {
  return `${String(Math.floor(minutesFromMidnight / 60)).padStart(2, '0')}:${String(minutesFromMidnight % 60).padStart(2, '0')}`;
}

function patientDoc(p: DemoPatient, at: string): PatientDoc {
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
    location: { lat: p.lat, lon: p.lon },
    careTeam: [p.nurseId],
    conditions: p.conditions,
    allergies: p.allergies,
    paiSummary: p.paiSummary,
    status: 'active',
    updatedAt: at,
    updatedBy: COORDINATOR,
  };
}

/** The round of `nurseId` on `date`: her patients in a fixed order, 75-minute slots from 08:30. */
function roundVisits(nurseId: string, date: string, at: string): VisitDoc[] {
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
    updatedBy: COORDINATOR,
  }));
}

function historyVisits(p: DemoPatient, today: string): VisitDoc[] {
  return [7, 14].map((daysAgo, i) => {
    const date = addDays(today, -daysAgo);
    const started = new Date(`${date}T09:00:00Z`).toISOString();
    return {
      id: `v-${date}-${p.id}`,
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
      startedAt: started,
      endedAt: new Date(Date.parse(started) + 40 * 60_000).toISOString(),
      updatedAt: new Date(Date.parse(started) + 40 * 60_000).toISOString(),
      updatedBy: p.nurseId,
    };
  });
}

/** Insert the documents whose ids are not stored yet; returns the ids inserted. */
async function insertMissing(store: CouchStore, db: string, docs: { _id: string }[]): Promise<Set<string>> {
  if (!docs.length) return new Set();
  const answer = await store.request<{ rows: { key: string; error?: string; value?: unknown }[] }>({
    db,
    path: '_all_docs',
    method: 'POST',
    body: { keys: docs.map((d) => d._id) },
  });
  const missing = new Set(answer.rows.filter((row) => row.error === 'not_found').map((row) => row.key));
  const toInsert = docs.filter((d) => missing.has(d._id));
  if (toInsert.length) await store.request({ db, path: '_bulk_docs', method: 'POST', body: { docs: toInsert } });
  return missing;
}

/**
 * Load the demo data, idempotently: accounts, patients with their history,
 * and today's and tomorrow's rounds (added again each new day the server
 * starts). Never called in production mode.
 */
export async function seedDemoData(store: CouchStore, users: UserStore, now = new Date()): Promise<{ created: number }> {
  const at = now.toISOString();
  const today = localDate(now);
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await users.findByUsername(account.username)) continue;
    const made = await users.createIfMissing({ ...account, passwordHash: await hashPassword(DEMO_PASSWORD), active: true, demo: true });
    if (made) created++;
  }
  for (const district of DEMO_DISTRICTS) {
    const patients = DEMO_PATIENTS.filter((p) => p.districtId === district.id);
    const patientsDb = districtDatabase(district.id, 'patients');
    const visitsDb = districtDatabase(district.id, 'visits');
    await store.ensureDatabase(patientsDb);
    await store.ensureDatabase(visitsDb);
    await store.ensureDatabase(districtDatabase(district.id, 'audit'));
    const newPatients = await insertMissing(store, patientsDb, patients.map((p) => toStored(patientDoc(p, at))));
    const nurses = [...new Set(patients.map((p) => p.nurseId))];
    const visits = [
      ...patients.filter((p) => newPatients.has(p.id)).flatMap((p) => historyVisits(p, today)),
      ...nurses.flatMap((nurse) => [...roundVisits(nurse, today, at), ...roundVisits(nurse, addDays(today, 1), at)]),
    ];
    const newVisits = await insertMissing(store, visitsDb, visits.map(toStored));
    created += newPatients.size + newVisits.size;
  }
  return { created };
}
