import {
  accessSelector,
  COLLECTIONS,
  rightsOf,
  type AccessContext,
  type CollectionName,
  type MangoSelector,
  type SessionUser,
} from '@prossima/domain';

/**
 * The collections `user` may read, each with its read selector (the same
 * selector the gateway's `_changes` filter uses), in the order of COLLECTIONS.
 */
export function readSelectors(user: SessionUser, context: AccessContext): Map<CollectionName, MangoSelector> {
  const selectors = new Map<CollectionName, MangoSelector>();
  for (const collection of COLLECTIONS) {
    const selector = accessSelector(user, collection, 'read', context);
    if (selector) selectors.set(collection, selector);
  }
  return selectors;
}

/**
 * The patients whose documents `user` may hold on a device: `null` for the
 * whole district (district nurse, coordinator), the care team for a nurse,
 * the own patient document for a patient, none for roles that read no patient.
 */
export function readablePatientIds(user: SessionUser, context: AccessContext): string[] | null {
  switch (rightsOf(user.role, 'patients').read) {
    case 'district':
      return null;
    case 'care-team':
      return [...context.careTeamPatientIds];
    case 'own-patient':
      return user.patientId ? [user.patientId] : [];
    default:
      return [];
  }
}
