import type { CollectionName } from './collections';
import type { Role, SessionUser } from './roles';

/**
 * How far a right reaches:
 * - `district`: every document of the user's district;
 * - `care-team`: patients whose care team lists the user, and those patients' documents;
 * - `own-patient`: the patient document the account is, and its documents.
 */
export type AccessScope = 'district' | 'care-team' | 'own-patient';

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
    visits: { read: 'care-team', write: 'care-team' },
  },
  'district-nurse': {
    patients: { read: 'district' },
    visits: { read: 'district' },
  },
  coordinator: {
    patients: { read: 'district', write: 'district' },
    visits: { read: 'district', write: 'district' },
  },
  patient: {
    patients: { read: 'own-patient' },
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
  switch (scope) {
    case 'district':
      return district;
    case 'care-team':
      return collection === 'patients'
        ? { ...district, careTeam: { $elemMatch: { $eq: user.id } } }
        : { ...district, patientId: { $in: [...context.careTeamPatientIds] } };
    case 'own-patient':
      if (!user.patientId) return null;
      return collection === 'patients'
        ? { ...district, _id: user.patientId }
        : { ...district, patientId: user.patientId };
  }
}

/** True when the role may write at least some documents of `collection` (for the screen only). */
export function canWriteCollection(role: Role, collection: CollectionName): boolean {
  return rightsOf(role, collection).write !== undefined;
}
