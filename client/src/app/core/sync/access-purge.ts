import { COLLECTION_TRAITS } from '@prossima/domain';
import type { CollectionName } from '@prossima/domain';
import type { OpenDatabase } from '../database/database-types';
import { KeyValueStore, readJson, writeJson } from '../storage';

/** `GET /api/sync/access`: the patients whose documents the device may hold (`null`: the whole district), and the readable collections. */
export interface SyncAccess {
  patientIds: string[] | null;
  collections: string[];
}

/**
 * The ids of `docs` that must leave the device: the documents of a patient
 * not in `allowed` (the patients themselves by id, other collections by
 * `patientId`), except those in `keep` (local changes not yet sent: they
 * go first, and the server decides). Collections without a patient (rounds)
 * and documents without one (a nurse's own kit devices) are never selected.
 */
export function purgeSelection(
  collection: CollectionName,
  docs: readonly Record<string, unknown>[],
  allowed: ReadonlySet<string>,
  keep: ReadonlySet<string> = new Set(),
): string[] {
  const field = COLLECTION_TRAITS[collection].patientField;
  if (field === null) return [];
  const key = field === '_id' ? 'id' : field;
  return docs
    .filter((doc) => {
      const patient = doc[key];
      return typeof patient === 'string' && !allowed.has(patient) && !keep.has(String(doc['id']));
    })
    .map((doc) => String(doc['id']));
}

/**
 * Ids removed by a local purge, per collection, whose deletions must not be
 * pushed (a purge is not a deletion on the server). Kept in localStorage so a
 * reload between the removal and the push cannot send them; an id leaves the
 * list when the push skips its deletion.
 */
export class PurgedIds {
  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
  ) {}

  /** Remembers ids about to be purged locally. */
  add(collection: CollectionName, ids: readonly string[]): void {
    if (ids.length === 0) return;
    const all = this.read();
    all[collection] = [...new Set([...(all[collection] ?? []), ...ids])];
    writeJson(this.store, this.key, all);
  }

  /** True (once) when `id`'s deletion comes from a purge: the push must skip it. */
  take(collection: CollectionName, id: string): boolean {
    const all = this.read();
    const ids = all[collection];
    if (!ids?.includes(id)) return false;
    all[collection] = ids.filter((i) => i !== id);
    if (all[collection]!.length === 0) delete all[collection];
    if (Object.keys(all).length === 0) this.store.removeItem(this.key);
    else writeJson(this.store, this.key, all);
    return true;
  }

  private read(): Partial<Record<CollectionName, string[]>> {
    const stored = readJson<Partial<Record<CollectionName, string[]>>>(this.store, this.key);
    return stored && typeof stored === 'object' ? stored : {};
  }
}

/**
 * The access epoch: a counter that grows when the user gains patients. The
 * pull handlers restart from sequence 0 when their checkpoint is from an
 * older epoch, because a newly visible patient's documents are older than the
 * checkpoint. Kept with the last patient list in localStorage.
 */
export class AccessEpoch {
  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
  ) {}

  /** The current epoch (0 at first). */
  current(): number {
    return this.read()?.epoch ?? 0;
  }

  /** Records the patients the user may now see; true (and a new epoch) when some were not visible before. */
  update(patientIds: readonly string[] | null): boolean {
    const stored = this.read();
    const before = stored?.patientIds;
    const epoch = stored?.epoch ?? 0;
    // The first answer, or district-wide access: nothing older to fetch.
    const gained = Array.isArray(before) && patientIds !== null && patientIds.some((id) => !before.includes(id));
    writeJson(this.store, this.key, { epoch: gained ? epoch + 1 : epoch, patientIds });
    return gained;
  }

  private read(): { epoch: number; patientIds: string[] | null } | null {
    const stored = readJson<{ epoch?: unknown; patientIds?: unknown }>(this.store, this.key);
    if (!stored || typeof stored.epoch !== 'number') return null;
    return { epoch: stored.epoch, patientIds: Array.isArray(stored.patientIds) ? (stored.patientIds as string[]) : null };
  }
}

/** The part of an RxCollection the purge uses (the union of the nine collection types is unwieldy). */
interface PurgeableCollection {
  find(query: { selector: Record<string, unknown> }): { exec(): Promise<{ toJSON(): Record<string, unknown> }[]> };
  bulkRemove(ids: string[]): Promise<unknown>;
  /** From RxDB's cleanup plugin (added by replication-factory.ts). */
  cleanup?(minimumDeletedTime?: number): Promise<unknown>;
}

/** What a purge needs besides the database. */
export interface PurgeOptions {
  /** The patients the user may see now. */
  allowed: readonly string[];
  /** Collections whose local writes are pushed: their purged ids go to `purged`. */
  pushed: ReadonlySet<CollectionName>;
  purged: PurgedIds;
  /** True for a document with local changes not yet sent (kept for now). */
  isPending(collection: CollectionName, id: string): boolean;
}

/**
 * Removes locally every document of a patient the user may no longer see,
 * in every collection of `db`, without telling the server (the push skips
 * these deletions), then has RxDB's cleanup drop the tombstones. Returns the
 * number of documents removed per collection.
 */
export async function purgeRevokedPatients(db: OpenDatabase, options: PurgeOptions): Promise<Partial<Record<CollectionName, number>>> {
  const allowed = new Set(options.allowed);
  const removed: Partial<Record<CollectionName, number>> = {};
  for (const [name, rx] of Object.entries(db.collections) as [CollectionName, unknown][]) {
    const field = COLLECTION_TRAITS[name].patientField;
    if (!rx || field === null) continue;
    const collection = rx as PurgeableCollection;
    // The store narrows the candidates; purgeSelection decides (documents without a patient stay).
    const candidates = await collection.find({ selector: { [field === '_id' ? 'id' : field]: { $nin: [...allowed] } } }).exec();
    const pending = new Set(candidates.map((d) => String(d.toJSON()['id'])).filter((id) => options.isPending(name, id)));
    const ids = purgeSelection(name, candidates.map((d) => d.toJSON()), allowed, pending);
    if (ids.length === 0) continue;
    if (options.pushed.has(name)) options.purged.add(name, ids);
    await collection.bulkRemove(ids);
    removed[name] = ids.length;
    // Tombstones go once the replication has passed them; in the background, the sync goes on meanwhile.
    void collection.cleanup?.(0).catch(() => undefined /* the database closed first (sign-out): nothing left to clean */);
  }
  return removed;
}
