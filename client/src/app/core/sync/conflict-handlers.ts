import type { CollectionName } from '@prossima/domain';
import type { RxConflictHandler } from 'rxdb';
import type { DocumentOf } from '../database/database-types';

/**
 * The conflict handler of each mutable collection. RxDB's default lets the
 * server win and drops the device's edit; the field-level merge for `visits`
 * (keeping the losing revision) comes with the next issue and goes here.
 * Until then a lost edit is at least reported (see SyncService: `conflict$`).
 */
const CONFLICT_HANDLERS: { [C in CollectionName]?: RxConflictHandler<DocumentOf[C]> } = {};

/** The handler for `collection`, or `undefined` for RxDB's default. */
export function conflictHandlerFor(collection: CollectionName): RxConflictHandler<unknown> | undefined {
  return CONFLICT_HANDLERS[collection] as RxConflictHandler<unknown> | undefined;
}
