import { COLLECTION_TRAITS, type CollectionName } from './collections';
import type { Role, SessionUser } from './roles';

/**
 * How far a right reaches:
 * - `district`: every document of the user's district;
 * - `care-team`: patients whose care team lists the user, and those patients' documents;
 * - `own-patient`: the patient document the account is, and its documents;
 * - `assigned`: documents assigned to or owned by the user (a nurse's rounds).
 */
export type AccessScope = 'district' | 'care-team' | 'own-patient' | 'assigned';

/** A role's rights on one collection; a missing side means no right. */
export interface CollectionRights {
  read?: AccessScope;
  write?: AccessScope;
}

/**
 * The access table of DESIGN.md: role × collection × read/write. The gateway
 * derives its read filters and write checks from it; the client only uses it
 * to hide what a user cannot do.
 */
export const ACCESS_RULES: Record<Role, Partial<Record<CollectionName, CollectionRights>>> = {
  nurse: {
    patients: { read: 'care-team' },
    careplans: { read: 'care-team' },
    rounds: { read: 'assigned' },
    visits: { read: 'care-team', write: 'care-team' },
    assessments: { read: 'care-team', write: 'care-team' },
    observations: { read: 'care-team', write: 'care-team' },
    devices: { read: 'care-team', write: 'care-team' },
    reviews: { read: 'care-team' },
    referrals: { read: 'care-team' },
  },
  'district-nurse': {
    patients: { read: 'district' },
    careplans: { read: 'district', write: 'district' },
    rounds: { read: 'district' },
    visits: { read: 'district' },
    assessments: { read: 'district' },
    observations: { read: 'district' },
    devices: { read: 'district' },
    reviews: { read: 'district', write: 'district' },
    referrals: { read: 'district' },
  },
  coordinator: {
    patients: { read: 'district', write: 'district' },
    careplans: { read: 'district', write: 'district' },
    rounds: { read: 'district', write: 'district' },
    visits: { read: 'district' },
    assessments: { read: 'district' },
    observations: { read: 'district' },
    devices: { read: 'district' },
    reviews: { read: 'district' },
    referrals: { read: 'district', write: 'district' },
  },
  patient: {
    patients: { read: 'own-patient' },
    careplans: { read: 'own-patient' },
    observations: { read: 'own-patient', write: 'own-patient' },
    devices: { read: 'own-patient', write: 'own-patient' },
  },
  admin: {},
};

/** The rights of `role` on `collection` (an empty object when it has none). */
export function rightsOf(role: Role, collection: CollectionName): CollectionRights {
  return ACCESS_RULES[role][collection] ?? {};
}

/** A Mango selector (the CouchDB `_find` / `_selector` filter language). */
export type MangoSelector = Record<string, unknown>;

/**
 * Facts about the user the selectors need and the token does not carry:
 * for a nurse, the ids of the patients whose care team lists her.
 */
export interface AccessContext {
  careTeamPatientIds: readonly string[];
}

/**
 * The selector matching the documents `user` may see (`read`) or write
 * (`write`) in `collection`, or `null` when the role has no such right.
 * Every selector also pins the district: the store is partitioned by district
 * already, and this keeps a misrouted query from ever crossing over.
 */
export function accessSelector(
  user: SessionUser,
  collection: CollectionName,
  mode: 'read' | 'write',
  context: AccessContext,
): MangoSelector | null {
  const scope = rightsOf(user.role, collection)[mode];
  if (!scope || !user.districtId) return null;
  const district = { districtId: user.districtId };
  const { patientField, ownerField } = COLLECTION_TRAITS[collection];
  switch (scope) {
    case 'district':
      return district;
    case 'care-team': {
      if (collection === 'patients') return { ...district, careTeam: { $elemMatch: { $eq: user.id } } };
      const ofHerPatients = { [patientField ?? 'patientId']: { $in: [...context.careTeamPatientIds] } };
      // A nurse's own kit devices belong to her rather than to a patient.
      return ownerField === 'ownerId' ? { ...district, $or: [ofHerPatients, { ownerId: user.id }] } : { ...district, ...ofHerPatients };
    }
    case 'own-patient':
      if (!user.patientId || !patientField) return null;
      return { ...district, [patientField]: user.patientId };
    case 'assigned':
      if (!ownerField) return null;
      return { ...district, [ownerField]: user.id };
  }
}

/** True when the role may write at least some documents of `collection` (for the screen only). */
export function canWriteCollection(role: Role, collection: CollectionName): boolean {
  return rightsOf(role, collection).write !== undefined;
}
