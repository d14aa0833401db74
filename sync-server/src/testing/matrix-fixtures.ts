import {
  ACCESS_RULES,
  COLLECTIONS,
  ROLES,
  type AccessScope,
  type CollectionName,
  type Role,
} from '@prossima/domain';
import { DEMO_ACCOUNTS, DEMO_PATIENTS } from '../demo/demo-people';
import { districtDatabase } from '../store/couch-store';
import type { CouchDoc } from '../sync/write-check';
import type { TestServer } from './test-server';

/** An instant used by every sample document. */
export const SAMPLE_AT = '2026-05-04T08:00:00.000Z';

/** A valid document of each collection (store form), concerning pat-a-001 in district A, written by ifec.rossi. */
const TEMPLATES: Record<CollectionName, Record<string, unknown>> = {
  patients: {
    givenName: 'Carla', familyName: 'Prova', codiceFiscale: 'PRVCRL40A41G224Q', birthDate: '1940-01-01', sex: 'F',
    address: { street: 'Via Prova 1', city: 'Padova', postalCode: '35121', province: 'PD' },
    careTeam: [], conditions: [], allergies: [], paiSummary: '', status: 'active',
  },
  careplans: {
    patientId: 'pat-a-001', status: 'active', needs: [{ code: 'telemetry', label: 'Telemetria' }],
    goals: [{ id: 'g1', text: 'Parametri stabili' }],
    interventions: [{ id: 'i1', label: 'Parametri vitali', frequency: { kind: 'weekly', timesPerWeek: 2 }, responsibleRole: 'nurse', startDate: '2026-05-04' }],
    reviewDate: '2026-08-01',
  },
  rounds: {
    nurseId: 'u-ifec-rossi', date: '2026-05-05', status: 'published',
    stops: [{ patientId: 'pat-a-001', order: 1, windowStart: '08:30', windowEnd: '09:30', tasks: ['Parametri vitali'] }],
  },
  visits: {
    patientId: 'pat-a-001', nurseId: 'u-ifec-rossi', date: '2026-05-05', order: 1, windowStart: '08:30', windowEnd: '09:30',
    status: 'planned', tasks: ['Parametri vitali'], note: '',
  },
  assessments: {
    patientId: 'pat-a-001', instrumentId: 'nrs-pain', answers: [{ itemId: 'intensity', value: 2 }], total: 2, band: 'mild',
    convention: 'nrs-0-3-6-10', takenAt: SAMPLE_AT,
  },
  observations: { patientId: 'pat-a-001', code: '8310-5', value: 36.8, unit: 'Cel', effectiveAt: SAMPLE_AT, source: { kind: 'manual' } },
  devices: { patientId: 'pat-a-001', kind: 'thermometer', model: 'ThermoCheck BLE', name: 'Termometro', pairedAt: SAMPLE_AT, status: 'active' },
  reviews: { patientId: 'pat-a-001', subject: { collection: 'observations', id: 'obs-x' }, kind: 'acknowledged', note: 'Visto.' },
  referrals: {
    patientId: 'pat-a-001', kind: 'protected-discharge', status: 'received',
    source: { facility: 'Ospedale di prova', ward: 'Medicina' }, steps: [], notes: '',
  },
};

/**
 * A valid document of `collection` with `overrides` applied; an override of
 * `undefined` removes the field. `patientId` also moves a round's stop.
 */
export function sampleDoc(collection: CollectionName, changes: Record<string, unknown> & { _id: string }): CouchDoc {
  const overrides: Record<string, unknown> = { ...changes };
  const doc: Record<string, unknown> = structuredClone({
    districtId: 'distretto-a',
    updatedAt: SAMPLE_AT,
    updatedBy: 'u-ifec-rossi',
    ...TEMPLATES[collection],
  });
  if (collection === 'rounds' && typeof overrides['patientId'] === 'string') {
    (doc['stops'] as { patientId: string }[])[0].patientId = overrides['patientId'];
    delete overrides['patientId'];
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete doc[key];
    else doc[key] = value;
  }
  return doc as CouchDoc;
}

/** The account of each role the matrix signs in as (district A; the patient is Antonio Esposito, pat-a-001). */
export const MATRIX_USERNAMES: Record<Role, string> = {
  nurse: 'ifec.rossi',
  'district-nurse': 'dist.verdi',
  coordinator: 'cot.neri',
  patient: 'paz.esposito',
  admin: 'admin',
};

/** The demo account signing in for `role`. */
export function matrixUser(role: Role) {
  const account = DEMO_ACCOUNTS.find((a) => a.username === MATRIX_USERNAMES[role]);
  if (!account) throw new Error(`No demo account for ${role}`);
  return account;
}

/** Every role × collection pair, with its rights from the access table (so the matrix grows with the table). */
export const MATRIX = ROLES.flatMap((role) =>
  COLLECTIONS.map((collection) => ({ role, collection, read: ACCESS_RULES[role][collection]?.read, write: ACCESS_RULES[role][collection]?.write })),
);

/**
 * The fixture documents every read path is checked against, per collection,
 * stored straight into district A's database:
 * - `own`: about pat-a-001 (ifec.rossi's patient, and paz.esposito himself), or assigned to ifec.rossi;
 * - `other`: about pat-a-006 (ifec.bianchi's patient), or assigned to her;
 * - `misfiled`: like `own` but of district B (a document that reached the wrong partition must stay invisible);
 * - `kit` (devices): ifec.rossi's own kit device, no patient.
 */
export function readFixtures(collection: CollectionName): CouchDoc[] {
  if (collection === 'patients') {
    // pat-a-001 and pat-a-006 are seeded; the misfiled one even lists ifec.rossi in its care team.
    return [sampleDoc('patients', { _id: 'mx-patients-misfiled', districtId: 'distretto-b', careTeam: ['u-ifec-rossi'], updatedBy: 'u-cot-neri' })];
  }
  const id = (kind: string) => `mx-${collection}-${kind}`;
  const docs = [
    sampleDoc(collection, { _id: id('own'), patientId: 'pat-a-001' }),
    sampleDoc(collection, { _id: id('other'), patientId: 'pat-a-006', ...(collection === 'rounds' || collection === 'visits' ? { nurseId: 'u-ifec-bianchi' } : {}) }),
    sampleDoc(collection, { _id: id('misfiled'), patientId: 'pat-a-001', districtId: 'distretto-b' }),
  ];
  if (collection === 'devices') docs.push(sampleDoc('devices', { _id: id('kit'), patientId: undefined, ownerId: 'u-ifec-rossi' }));
  return docs;
}

/** The ids the read matrix asks for in `collection`: the fixtures, plus the seeded patients for `patients`. */
export function fixtureIds(collection: CollectionName): string[] {
  const ids = readFixtures(collection).map((doc) => doc._id);
  return collection === 'patients' ? ['pat-a-001', 'pat-a-006', ...ids] : ids;
}

const careTeamOf = (nurseId: string) => new Set(DEMO_PATIENTS.filter((p) => p.nurseId === nurseId).map((p) => p.id));

/**
 * Whether the matrix's `role` should see `doc` of `collection` under `scope`,
 * written out from the meaning of the scopes (DESIGN.md, "Access") rather
 * than from the selectors the gateway uses, so the two check each other.
 */
export function shouldSee(role: Role, scope: AccessScope, collection: CollectionName, doc: Record<string, unknown>): boolean {
  const user = matrixUser(role);
  if (doc['districtId'] !== user.districtId) return false;
  const patientId = collection === 'patients' ? doc['_id'] : doc['patientId'];
  switch (scope) {
    case 'district':
      return true;
    case 'care-team':
      if (collection === 'patients') return (doc['careTeam'] as string[]).includes(user.id);
      return careTeamOf(user.id).has(String(patientId)) || doc['ownerId'] === user.id;
    case 'own-patient':
      return patientId === user.patientId;
    case 'assigned':
      return doc['nurseId'] === user.id;
  }
}

/** The `update_seq` of each of district A's collection databases: equal before and after means nothing was stored. */
export async function storeSequences(server: TestServer, districtId = 'distretto-a'): Promise<Record<string, unknown>> {
  const seqs: Record<string, unknown> = {};
  for (const collection of COLLECTIONS) {
    const info = await server.store.request<{ update_seq: unknown }>({ db: districtDatabase(districtId, collection) });
    seqs[collection] = info.update_seq;
  }
  return seqs;
}
