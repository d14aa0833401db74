import { COLLECTION_TRAITS, jsonEqual, mergeConcurrentEdits } from '@prossima/domain';
import type { CollectionName, ConflictReport, MergeableDoc } from '@prossima/domain';
// Types only: database-factory.ts (loaded with import()) hands these handlers to RxDB.
import type { RxConflictHandler, RxConflictHandlerInput, WithDeleted } from 'rxdb';

/** A synced document as the conflict handlers see it (with RxDB's `_deleted`). */
type Doc = WithDeleted<{ id: string } & Record<string, unknown>>;
/** What RxDB hands a conflict handler for our documents. */
type ConflictInput = RxConflictHandlerInput<{ id: string } & Record<string, unknown>>;

/** How one conflict was settled. */
export interface ConflictResolution {
  /** The state written locally (and pushed, unless it is the server's state). */
  document: Doc;
  /** Fields both sides changed to different values. */
  contested: string[];
  /** The side whose contested values lost, as it was; `null` when nothing was contested. */
  overridden: Doc | null;
}

/** One entry of the server's conflict log (`POST /api/conflicts`): the domain's report shape. */
export type ConflictLogEntry = ConflictReport;

/** The audit pair: a merge result that differs from the server's only there has nothing of ours to send. */
const AUDIT_FIELDS = new Set(['updatedAt', 'updatedBy']);

/** The document's fields without replication metadata (`_deleted`, `_rev`, `_meta`, `_attachments`). */
function dataOf(doc: Record<string, unknown>, skip: ReadonlySet<string> = new Set()): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!key.startsWith('_') && !skip.has(key)) out[key] = value;
  }
  return out;
}

/**
 * True when two states of a document are the same (RxDB calls this very
 * often, so it stays synchronous and cheap): same deletion flag, same fields.
 */
export function sameDocument(a: Doc, b: Doc): boolean {
  return Boolean(a._deleted) === Boolean(b._deleted) && jsonEqual(dataOf(a), dataOf(b));
}

function laterInstant(a: unknown, b: unknown): string {
  return String(a) >= String(b) ? String(a) : String(b);
}

/**
 * Merges this device's edit (`newDocumentState`) with the server's
 * (`realMasterState`), both made on top of `assumedMasterState`, with the
 * domain's field-by-field merge: fields changed on one side keep that change,
 * fields changed on both go to the later `updatedAt`, so no field is lost.
 *
 * When the result is the server's state, that exact state is returned (nothing
 * to send). Otherwise this device sends the result, so it carries this
 * device's user in `updatedBy` (the gateway refuses any other author) and the
 * later of the two `updatedAt`s (never older than the local edit, so the
 * pending count clears when it is sent).
 *
 * A deletion against an edit: the edit wins (nothing a user wrote is lost);
 * a deletion against an unchanged document stands.
 */
export function resolveConcurrentEdit(input: ConflictInput): ConflictResolution {
  const { newDocumentState: local, realMasterState: remote } = input;
  const base = input.assumedMasterState && !input.assumedMasterState._deleted ? input.assumedMasterState : null;
  if (local._deleted || remote._deleted) {
    const localEdited = !local._deleted && remote._deleted && !(base && sameDocument(local, base));
    if (!localEdited) return { document: remote, contested: [], overridden: null };
    return {
      document: { ...local, updatedAt: laterInstant(local['updatedAt'], remote['updatedAt']), updatedBy: local['updatedBy'], _deleted: false },
      contested: [],
      overridden: null,
    };
  }
  const localData = dataOf(local) as MergeableDoc;
  const remoteData = dataOf(remote) as MergeableDoc;
  const { merged, contested, overridden } = mergeConcurrentEdits(base ? (dataOf(base) as MergeableDoc) : null, localData, remoteData);
  // The merge hands back the losing side itself: report it with its replication fields.
  const side = overridden === localData ? local : overridden === remoteData ? remote : null;
  if (jsonEqual(dataOf(merged, AUDIT_FIELDS), dataOf(remote, AUDIT_FIELDS))) {
    return { document: remote, contested, overridden: side };
  }
  const document = {
    ...merged,
    id: local.id,
    updatedAt: laterInstant(local['updatedAt'], remote['updatedAt']),
    updatedBy: local['updatedBy'],
    _deleted: false,
  } as Doc;
  return { document, contested, overridden: side };
}

/** The merging handler every mutable collection uses. */
const MERGING_HANDLER: RxConflictHandler<{ id: string } & Record<string, unknown>> = {
  isEqual: (a, b) => sameDocument(a, b),
  resolve: async (input) => resolveConcurrentEdit(input).document,
};

/**
 * The conflict handler of `collection`: the field merge for every mutable
 * collection (RxDB's default would let the server win and drop this device's
 * edit), `undefined` — RxDB's default — for append-only ones, which never
 * conflict (a correction is a new document).
 */
export function conflictHandlerFor(collection: CollectionName): RxConflictHandler<unknown> | undefined {
  return COLLECTION_TRAITS[collection].appendOnly ? undefined : (MERGING_HANDLER as RxConflictHandler<unknown>);
}

/**
 * The conflict-log entry for a conflict RxDB resolved with our handler
 * (`conflict$`: its input and the state written), or `null` when nothing was
 * contested, so no value was overridden.
 */
export function conflictLogEntry(
  collection: CollectionName,
  input: ConflictInput,
  written: Doc,
  detectedAt: Date,
): ConflictLogEntry | null {
  const { contested, overridden } = resolveConcurrentEdit(input);
  if (!overridden) return null;
  const patientField = COLLECTION_TRAITS[collection].patientField;
  const patientId = patientField === '_id' ? written.id : patientField ? written[patientField] : undefined;
  return {
    collection,
    docId: written.id,
    ...(typeof patientId === 'string' ? { patientId } : {}),
    contested,
    overridden: dataOf(overridden),
    merged: dataOf(written),
    detectedAt: detectedAt.toISOString(),
  };
}
