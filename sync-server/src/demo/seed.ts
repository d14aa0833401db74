import { COLLECTIONS, localDate, type CollectionName } from '@prossima/domain';
import { hashPassword } from '../auth/passwords';
import type { UserStore } from '../auth/user-store';
import { districtDatabase, type CouchStore } from '../store/couch-store';
import { careplanDoc, careplanId, demoReferral } from './demo-care';
import { demoReview, historyAssessments, historyObservations } from './demo-clinical';
import { addDays } from './demo-dates';
import { demoDevices } from './demo-devices';
import { DEMO_ACCOUNTS, DEMO_DISTRICTS, DEMO_PASSWORD, DEMO_PATIENTS } from './demo-people';
import { historyVisits, patientDoc, roundDoc, roundVisits } from './demo-visits';

type StoredDoc<T extends { id: string }> = Omit<T, 'id'> & { _id: string };

function toStored<T extends { id: string }>(doc: T): StoredDoc<T> {
  const { id, ...rest } = doc;
  return { _id: id, ...rest };
}

/** Insert the documents whose ids are not stored yet; returns the ids inserted. */
async function insertMissing(store: CouchStore, db: string, docs: { id: string }[]): Promise<Set<string>> {
  if (!docs.length) return new Set();
  const answer = await store.request<{ rows: { key: string; error?: string; value?: unknown }[] }>({
    db,
    path: '_all_docs',
    method: 'POST',
    body: { keys: docs.map((d) => d.id) },
  });
  const missing = new Set(answer.rows.filter((row) => row.error === 'not_found').map((row) => row.key));
  const toInsert = docs.filter((d) => missing.has(d.id)).map(toStored);
  if (toInsert.length) await store.request({ db, path: '_bulk_docs', method: 'POST', body: { docs: toInsert } });
  return missing;
}

/** Create the demo accounts that do not exist yet; returns how many were made. */
async function seedAccounts(users: UserStore): Promise<number> {
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await users.findByUsername(account.username)) continue;
    const made = await users.createIfMissing({ ...account, passwordHash: await hashPassword(DEMO_PASSWORD), active: true, demo: true });
    if (made) created++;
  }
  return created;
}

/** One district's demo documents, inserted where missing; returns how many were inserted. */
async function seedDistrict(store: CouchStore, districtId: string, today: string, at: string): Promise<number> {
  const db = (collection: CollectionName) => districtDatabase(districtId, collection);
  for (const collection of COLLECTIONS) await store.ensureDatabase(db(collection));
  await store.ensureDatabase(districtDatabase(districtId, 'audit'));
  const insert = (collection: CollectionName, docs: { id: string }[]) => insertMissing(store, db(collection), docs);

  const patients = DEMO_PATIENTS.filter((p) => p.districtId === districtId);
  const newPatients = await insert('patients', patients.map((p) => patientDoc(p, today, at)));
  const newCareplans = await insert('careplans', patients.map((p) => careplanDoc(p, today, at)));
  // Dated history goes in once: past visits with a new patient, past clinical records with a patient's first PAI
  // (so a data folder from before the PAI existed gets its records too, and no day adds them again).
  const withNewPlan = patients.filter((p) => newCareplans.has(careplanId(p.id)));
  const nurses = [...new Set(patients.map((p) => p.nurseId))];
  const days = [today, addDays(today, 1)];
  const inserted = await Promise.all([
    insert('visits', [
      ...patients.filter((p) => newPatients.has(p.id)).flatMap((p) => historyVisits(p, today)),
      ...nurses.flatMap((nurse) => days.flatMap((day) => roundVisits(nurse, day, at))),
    ]),
    insert('rounds', nurses.flatMap((nurse) => days.map((day) => roundDoc(nurse, day, at)))),
    insert('observations', withNewPlan.flatMap((p) => historyObservations(p, today))),
    insert('assessments', withNewPlan.flatMap((p) => historyAssessments(p, today))),
    insert('reviews', withNewPlan.some((p) => p.id === 'pat-a-001') ? [demoReview(today)] : []),
    insert('devices', districtId === 'distretto-a' ? demoDevices(today) : []),
    insert('referrals', districtId === 'distretto-a' ? [demoReferral(today, at)] : []),
  ]);
  return newPatients.size + newCareplans.size + inserted.reduce((sum, ids) => sum + ids.size, 0);
}

/**
 * Load the demo data, idempotently: accounts; for each district its patients
 * with their PAI, past visits, observations, assessments and reviews, the
 * kits' devices and a protected discharge; and today's and tomorrow's rounds
 * with their planned visits (added again each new day the server starts).
 * Never called in production mode.
 */
export async function seedDemoData(store: CouchStore, users: UserStore, now = new Date()): Promise<{ created: number }> {
  const at = now.toISOString();
  const today = localDate(now);
  let created = await seedAccounts(users);
  for (const district of DEMO_DISTRICTS) created += await seedDistrict(store, district.id, today, at);
  return { created };
}
