import { Router } from 'express';
import type { CollectionName, MangoSelector } from '@prossima/domain';
import { callerOf, requireUser } from '../auth/require-user';
import type { AccessTokens } from '../auth/tokens';
import { districtDatabase, type CouchStore } from '../store/couch-store';
import type { AccessContexts } from '../sync/access-contexts';
import { readablePatientIds, readSelectors } from '../sync/readable-collections';

interface ChangesIdsAnswer {
  results: { id: string; deleted?: boolean }[];
}

/**
 * `/api/sync`: what a device needs to know about its sync beyond the
 * replication protocol.
 * - `GET access`: the patients whose documents it may hold (to purge the
 *   others locally) and the collections it may read;
 * - `GET summary`: how many documents of each collection the user may read
 *   (the denominator of the first sync's progress).
 */
export function syncInfoRouter(deps: { store: CouchStore; tokens: AccessTokens; contexts: AccessContexts }): Router {
  const router = Router();
  router.use(requireUser(deps.tokens));

  router.get('/access', async (_req, res) => {
    const { user } = callerOf(res);
    // Read now, not from the cache: the tablet purges on this answer.
    const context = await deps.contexts.refresh(user);
    res.json({ patientIds: readablePatientIds(user, context), collections: [...readSelectors(user, context).keys()] });
  });

  router.get('/summary', async (_req, res) => {
    const { user } = callerOf(res);
    const selectors = readSelectors(user, await deps.contexts.forUser(user));
    const districtId = user.districtId;
    const counts = districtId
      ? await Promise.all([...selectors].map(async ([collection, selector]) => [collection, await countReadable(deps.store, districtId, collection, selector)] as const))
      : [];
    res.json({ collections: Object.fromEntries(counts) });
  });

  return router;
}

/**
 * The number of live documents matching `selector`, counted by the store's
 * `_selector` filter on the changes feed: only ids travel, no document is
 * loaded into Node.
 */
async function countReadable(store: CouchStore, districtId: string, collection: CollectionName, selector: MangoSelector): Promise<number> {
  const db = districtDatabase(districtId, collection);
  await store.ensureDatabase(db);
  const answer = await store.request<ChangesIdsAnswer>({
    db,
    path: '_changes',
    method: 'POST',
    qs: { filter: '_selector', style: 'main_only' },
    body: { selector },
  });
  return answer.results.filter((row) => !row.deleted).length;
}
