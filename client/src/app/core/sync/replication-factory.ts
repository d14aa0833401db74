// Loaded with import() only: RxDB's replication stays out of the initial bundle.
import type { CollectionName } from '@prossima/domain';
import { replicateCouchDB } from 'rxdb/plugins/replication-couchdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { OpenDatabase } from '../database/database-types';
import { CollectionSync, syncUrl } from './sync-plan';

/** A running replication of one collection. */
export interface Replication {
  name: CollectionName;
  state: RxReplicationState<{ id: string; updatedAt?: string }, unknown>;
  /** True when two states of a document are the same for the collection's conflict handler. */
  isEqual(a: unknown, b: unknown): boolean;
}

/** How the replications talk to the server. */
export interface ReplicationOptions {
  origin: string;
  fetch: typeof fetch;
  /** Milliseconds between retries after an error (RxDB also retries at once on the `online` event). */
  retryTime: number;
}

/** Starts a live CouchDB-protocol replication for each collection of the plan. */
export function startReplications(
  db: OpenDatabase,
  plan: readonly CollectionSync[],
  options: ReplicationOptions,
): Replication[] {
  return plan.flatMap(({ name, push }) => {
    const collection = db.collections[name];
    if (!collection) return [];
    const url = syncUrl(options.origin, name);
    const state = replicateCouchDB<unknown>({
      // Checkpoints are kept per identifier: name the server too.
      replicationIdentifier: `prossima-${name}-${url}`,
      collection: collection as never,
      url,
      live: true,
      retryTime: options.retryTime,
      fetch: options.fetch,
      pull: { batchSize: 200 },
      ...(push ? { push: {} } : {}),
    });
    const handler = collection.conflictHandler as { isEqual(a: unknown, b: unknown, context: string): boolean };
    return [
      {
        name,
        state: state as unknown as Replication['state'],
        isEqual: (a: unknown, b: unknown) => handler.isEqual(a, b, 'prossima-pending-check'),
      },
    ];
  });
}
