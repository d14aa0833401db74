import { matchesSelector } from 'pouchdb-selector-core';
import { accessSelector, type CollectionName, type MangoSelector, type SessionUser } from '@prossima/domain';
import { districtDatabase, type CouchStore } from '../store/couch-store';
import type { AccessContexts } from './access-contexts';
import type { CouchDoc } from './write-check';

/**
 * Which stored documents a user may read, by id, outside the replication
 * routes (REST routes that name documents: audit, conflict log). The same
 * read selector and matcher as the gateway: one rule, one matcher.
 */
export class DocumentAccess {
  constructor(
    private readonly store: CouchStore,
    private readonly contexts: AccessContexts,
  ) {}

  /** The user's read selector on `collection`, or null when the role may not read it. */
  async readSelector(user: SessionUser, collection: CollectionName): Promise<MangoSelector | null> {
    if (!user.districtId) return null;
    return accessSelector(user, collection, 'read', await this.contexts.forUser(user));
  }

  /** The documents among `ids` that exist (not deleted) in the user's district and that the user may read. */
  async readable(user: SessionUser, collection: CollectionName, ids: readonly string[]): Promise<Map<string, CouchDoc>> {
    const found = new Map<string, CouchDoc>();
    const selector = await this.readSelector(user, collection);
    if (!selector || !user.districtId || ids.length === 0) return found;
    const db = districtDatabase(user.districtId, collection);
    await this.store.ensureDatabase(db);
    const answer = await this.store.request<{ rows: { key: string; doc?: CouchDoc | null }[] }>({
      db,
      path: '_all_docs',
      method: 'POST',
      qs: { include_docs: 'true' },
      body: { keys: [...new Set(ids)] },
    });
    for (const row of answer.rows) {
      if (row.doc && matchesSelector(row.doc, selector)) found.set(row.key, row.doc);
    }
    return found;
  }
}
