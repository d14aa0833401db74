/** The synced collections of DESIGN.md. Free RxDB opens at most ~13 per page: new kinds of record join one of these. */
export const COLLECTIONS = [
  'patients',
  'careplans',
  'rounds',
  'visits',
  'assessments',
  'observations',
  'devices',
  'reviews',
  'referrals',
] as const;

/** Name of a synced collection. */
export type CollectionName = (typeof COLLECTIONS)[number];

/** True when `name` is a synced collection (used to validate URL segments). */
export function isCollectionName(name: string): name is CollectionName {
  return (COLLECTIONS as readonly string[]).includes(name);
}

/** Shape every document id must have: short, no leading underscore, URL-safe. */
export const DOCUMENT_ID_PATTERN = '^[a-z0-9][a-z0-9._:-]{0,99}$';

/** Districts are the storage partition: one store database per district and collection. */
export const DISTRICT_ID_PATTERN = '^[a-z][a-z0-9-]{0,39}$';

/** How a collection's documents live: clinical records are append-only (a correction supersedes, never edits). */
export interface CollectionTraits {
  /** Documents are never changed once written: no conflicts by construction. */
  appendOnly: boolean;
  /** The field naming the patient a document concerns (`_id` for the patients themselves), if any. */
  patientField: 'patientId' | '_id' | null;
  /** The field naming the user a document is assigned to or owned by, if any. */
  ownerField: 'nurseId' | 'ownerId' | null;
}

/** Traits of each collection (DESIGN.md, "Data"). */
export const COLLECTION_TRAITS: Record<CollectionName, CollectionTraits> = {
  patients: { appendOnly: false, patientField: '_id', ownerField: null },
  careplans: { appendOnly: false, patientField: 'patientId', ownerField: null },
  rounds: { appendOnly: false, patientField: null, ownerField: 'nurseId' },
  visits: { appendOnly: false, patientField: 'patientId', ownerField: null },
  assessments: { appendOnly: true, patientField: 'patientId', ownerField: null },
  observations: { appendOnly: true, patientField: 'patientId', ownerField: null },
  devices: { appendOnly: false, patientField: 'patientId', ownerField: 'ownerId' },
  reviews: { appendOnly: true, patientField: 'patientId', ownerField: null },
  referrals: { appendOnly: false, patientField: 'patientId', ownerField: null },
};
