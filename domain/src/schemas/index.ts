import type { CollectionName } from '../collections';
import { assessmentSchema } from './assessment';
import { careplanSchema } from './careplan';
import type { CollectionSchema } from './common';
import { deviceSchema } from './device';
import { observationSchema } from './observation';
import { patientSchema } from './patient';
import { referralSchema } from './referral';
import { reviewSchema } from './review';
import { roundSchema } from './round';
import { visitSchema } from './visit';

export * from './common';
export * from './patient';
export * from './careplan';
export * from './round';
export * from './visit';
export * from './assessment';
export * from './observation';
export * from './device';
export * from './review';
export * from './referral';

/** The schema of each synced collection: RxDB and the server validator both read this table. */
export const COLLECTION_SCHEMAS: Record<CollectionName, CollectionSchema> = {
  patients: patientSchema,
  careplans: careplanSchema,
  rounds: roundSchema,
  visits: visitSchema,
  assessments: assessmentSchema,
  observations: observationSchema,
  devices: deviceSchema,
  reviews: reviewSchema,
  referrals: referralSchema,
};

/** A document as stored, before migration to the next schema version. */
export type StoredDocument = Record<string, unknown>;

/**
 * Migrations between schema versions: `MIGRATIONS[collection][v]` turns a
 * document of version v-1 into version v. RxDB runs them on the tablet when a
 * new app version opens an older local database; they are pure, so the server
 * can run them on documents from not-yet-updated tablets too.
 */
export const MIGRATIONS: Record<CollectionName, Record<number, (doc: StoredDocument) => StoredDocument>> = {
  // v1: clinical fields marked for encryption at rest; the data is unchanged.
  // v2: optional contacts, caregiver, family doctor, birthplace code, care start and alerts.
  patients: { 1: (doc) => doc, 2: (doc) => doc },
  // v1: optional header fields (assessment date, case manager, consent, target level, closure) and minutes per visit.
  careplans: { 1: (doc) => doc },
  rounds: {},
  // v1: optional `missedReason`, and the note encrypted at rest; existing documents are valid as they are.
  // v2: optional task results and PAI proposal.
  visits: { 1: (doc) => doc, 2: (doc) => doc },
  // v1: optional details (sub-scores, indices).
  assessments: { 1: (doc) => doc },
  // v1: optional waveform (ECG), raw device bytes and device sequence number.
  observations: { 1: (doc) => doc },
  devices: {},
  reviews: {},
  referrals: {},
};
