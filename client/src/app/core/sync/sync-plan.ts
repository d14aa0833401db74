import { CollectionName, rightsOf, Role } from '@prossima/domain';
import { readableCollections } from '../database/database-types';

/** How one collection is replicated for a role. */
export interface CollectionSync {
  name: CollectionName;
  /** Local writes go up (the role may write some documents of it). */
  push: boolean;
}

/** What to replicate for a role: every readable collection pulled, the writable ones pushed too. */
export function syncPlan(role: Role): CollectionSync[] {
  return readableCollections(role).map((name) => ({ name, push: rightsOf(role, name).write !== undefined }));
}

/** The sync gateway URL of a collection, ending with `/` (the handlers append `_changes`, `_all_docs`, `_bulk_docs`). */
export function syncUrl(origin: string, name: CollectionName): string {
  return `${origin}/sync/${name}/`;
}
