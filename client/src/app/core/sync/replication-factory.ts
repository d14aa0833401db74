// Loaded with import() only: RxDB's replication stays out of the initial bundle.
import { COLLECTION_TRAITS, CollectionName } from '@prossima/domain';
import { addRxPlugin, WithDeleted } from 'rxdb';
import { RxDBCleanupPlugin } from 'rxdb/plugins/cleanup';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { replicateRxCollection, RxReplicationState } from 'rxdb/plugins/replication';
import { filter, map, Observable } from 'rxjs';
import type { OpenDatabase } from '../database/database-types';
import type { FeedEvent } from './change-feed';
import { createPullHandler, createPushHandler, GatewayCheckpoint, SyncedDoc, SyncRefusal } from './gateway-handlers';
import { CollectionSync, syncUrl } from './sync-plan';

// Only the leader tab replicates; the purge drops its tombstones with collection.cleanup().
addRxPlugin(RxDBLeaderElectionPlugin);
addRxPlugin(RxDBCleanupPlugin);

/** RxDB's own wait after a failed handler; the retry gate inside the handlers adds the real back-off. */
const RXDB_RETRY_MS = 1_000;
/** Documents per pull request (the gateway counts `limit` after its access filter). */
const PULL_BATCH = 1000;
/** Documents per push request. */
const PUSH_BATCH = 50;

/** A running replication of one collection. */
export interface Replication {
  name: CollectionName;
  state: RxReplicationState<SyncedDoc, GatewayCheckpoint>;
}

/** What the replications share: the gateway, the live-update stream, the back-off and the sync's bookkeeping. */
export interface ReplicationContext {
  origin: string;
  /** The sync fetch. */
  fetch: typeof fetch;
  /** The one live-update stream (see change-feed.ts). */
  feed: Observable<FeedEvent>;
  /** Runs a request under the shared back-off. */
  run<T>(request: () => Promise<T>): Promise<T>;
  /** The access epoch (see AccessEpoch). */
  epoch(): number;
  onPulled(collection: CollectionName, count: number): void;
  onRefused(refusal: SyncRefusal): void;
  onAccepted(collection: CollectionName, id: string): void;
  /** The refusal on record for a document (see PushHandlerOptions.refusalOf). */
  refusalOf(collection: CollectionName, id: string): SyncRefusal | undefined;
  /** True for a local deletion that must not reach the server (a purge). */
  skipPush(collection: CollectionName, doc: WithDeleted<SyncedDoc>): boolean;
}

/**
 * Starts a live replication (RxDB's generic `replicateRxCollection`) for each
 * collection of the plan, with handlers that speak the gateway's CouchDB
 * protocol and a `pull.stream$` cut from the shared live-update stream:
 * `RESYNC` on every (re)connect (`ready`) and on each `change` of that
 * collection. Replications wait for leadership: only one tab syncs.
 */
export function startReplications(db: OpenDatabase, plan: readonly CollectionSync[], context: ReplicationContext): Replication[] {
  return plan.flatMap(({ name, push }) => {
    const collection = db.collections[name];
    if (!collection) return [];
    const url = syncUrl(context.origin, name);
    const gateway = { collection: name, url, fetch: context.fetch, run: context.run };
    const stream$ = context.feed.pipe(
      filter((e) => e.type === 'ready' || (e.type === 'change' && (e.collection === name || e.collection === ''))),
      map(() => 'RESYNC' as const),
    );
    const state = replicateRxCollection<SyncedDoc, GatewayCheckpoint>({
      // The identifier RxDB's CouchDB replication used here before, so checkpoints and push state carry over.
      replicationIdentifier: `prossima-${name}-${url}`,
      collection: collection as never,
      live: true,
      retryTime: RXDB_RETRY_MS,
      waitForLeadership: true,
      // Keep "only the leader replicates": RxDB would otherwise also start the replication in whichever tab is visible.
      toggleOnDocumentVisible: false,
      pull: {
        batchSize: PULL_BATCH,
        handler: createPullHandler({ ...gateway, epoch: context.epoch, onPulled: (n) => context.onPulled(name, n) }),
        stream$,
      },
      ...(push
        ? {
            push: {
              batchSize: PUSH_BATCH,
              // null: RxDB skips the row and remembers it as handled.
              modifier: (doc: WithDeleted<SyncedDoc>) => (context.skipPush(name, doc) ? null : doc),
              handler: createPushHandler({
                ...gateway,
                onRefused: context.onRefused,
                onAccepted: (id) => context.onAccepted(name, id),
                refusalOf: (id) => context.refusalOf(name, id),
              }),
            },
          }
        : {}),
    });
    if (COLLECTION_TRAITS[name].appendOnly) keepNoServerStatePerDocument(state);
    return [{ name, state }];
  });
}

/**
 * For a pushed collection RxDB keeps, beside each document, its copy of the
 * server's state (the "assumed master state"): written for every pulled
 * document, read for every pushed one, to find what changed locally and to
 * merge conflicts. An append-only document is never edited once it exists
 * (a correction is a new document) and never conflicts, so that copy serves
 * nothing there; without it a first sync writes these documents once, not twice.
 * RxDB does exactly this for pull-only replications (`skipStoringPullMeta`);
 * the flag is set as soon as the replication starts, before its first pull
 * lands. What it changes when it matters (a reading stored on two tablets
 * under the same deterministic id): the server's copy wins, as RxDB's default
 * conflict handler, used for these collections, would decide anyway.
 */
function keepNoServerStatePerDocument(state: RxReplicationState<SyncedDoc, GatewayCheckpoint>): void {
  void state.startPromise.then(() => {
    if (state.internalReplicationState) state.internalReplicationState.skipStoringPullMeta = true;
  });
}

/** Resolves when this tab leads (at once for a single-instance database); never if the database closes first. */
export function whenLeader(db: OpenDatabase): Promise<unknown> {
  return db.rx.multiInstance ? db.rx.waitForLeadership() : Promise.resolve(true);
}
