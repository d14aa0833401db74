import { COLLECTIONS, rightsOf } from '@prossima/domain';
import type {
  AssessmentDoc,
  CareplanDoc,
  CollectionName,
  DeviceDoc,
  ObservationDoc,
  PatientDoc,
  ReferralDoc,
  ReviewDoc,
  Role,
  RoundDoc,
  VisitDoc,
} from '@prossima/domain';
// Type-only imports: RxDB itself is loaded with import() (see database-factory.ts).
import type { RxCollection, RxDatabase } from 'rxdb';

/** The document type stored in each collection. */
export interface DocumentOf {
  patients: PatientDoc;
  careplans: CareplanDoc;
  rounds: RoundDoc;
  visits: VisitDoc;
  assessments: AssessmentDoc;
  observations: ObservationDoc;
  devices: DeviceDoc;
  reviews: ReviewDoc;
  referrals: ReferralDoc;
}

/** The collections of one user's database: only those the role may read exist. */
export type ProssimaCollections = { [C in CollectionName]?: RxCollection<DocumentOf[C]> };

/** A user's open local database. */
export interface OpenDatabase {
  /** The IndexedDB-level name, `prossima-<sanitised user id>`. */
  readonly name: string;
  readonly rx: RxDatabase;
  readonly collections: ProssimaCollections;
}

/** Options for the Dexie storage (tests pass fake-indexeddb's `indexedDB` and `IDBKeyRange`). */
export interface DexieStorageOptions {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/**
 * The local database name of a user: `prossima-` and the id with every
 * character outside `[a-z0-9-]` written as `_` + its hex code, so two ids never
 * share a database and the name fits RxDB's and IndexedDB's rules.
 */
export function databaseName(userId: string): string {
  const safe = Array.from(userId, (ch) => (/[a-z0-9-]/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}`)).join('');
  return `prossima-${safe}`;
}

/** The collections a role may read: the only ones created locally (the server filters documents further). */
export function readableCollections(role: Role): CollectionName[] {
  return COLLECTIONS.filter((name) => rightsOf(role, name).read !== undefined);
}
