import type { AccessContext, SessionUser } from '@prossima/domain';
import { districtDatabase, type CouchStore } from '../store/couch-store';

interface ChangesIdsAnswer {
  results: { id: string; deleted?: boolean }[];
}

/**
 * The facts the access selectors need beyond the token: for a nurse, the ids
 * of the patients whose care team lists her. Read from the store with the
 * same `_selector` filter the changes feed uses, and kept a few seconds per
 * user so a burst of replication requests costs one look-up.
 */
export class AccessContexts {
  private readonly cache = new Map<string, { at: number; context: AccessContext }>();

  constructor(
    private readonly store: CouchStore,
    private readonly ttlMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The context of `user`, fresh within the cache's time to live. */
  async forUser(user: SessionUser): Promise<AccessContext> {
    if (user.role !== 'nurse' || !user.districtId) return { careTeamPatientIds: [] };
    const cached = this.cache.get(user.id);
    if (cached && this.now() - cached.at < this.ttlMs) return cached.context;
    return this.refresh(user);
  }

  /** The context of `user` read from the store now (care teams may just have changed); the cache is updated. */
  async refresh(user: SessionUser): Promise<AccessContext> {
    if (user.role !== 'nurse' || !user.districtId) return { careTeamPatientIds: [] };
    const answer = await this.store.request<ChangesIdsAnswer>({
      db: districtDatabase(user.districtId, 'patients'),
      path: '_changes',
      method: 'POST',
      qs: { filter: '_selector', style: 'main_only' },
      body: { selector: { districtId: user.districtId, careTeam: { $elemMatch: { $eq: user.id } } } },
    });
    const context = { careTeamPatientIds: answer.results.filter((row) => !row.deleted).map((row) => row.id) };
    this.cache.set(user.id, { at: this.now(), context });
    return context;
  }

  /** Forget every cached context (after a write that may change care teams). */
  invalidate(): void {
    this.cache.clear();
  }
}
