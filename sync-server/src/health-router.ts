import { Router } from 'express';
import type { CouchStore } from './store/couch-store';

/** `GET /api/health`: 200 when the store answers, 503 with a reason and `Retry-After` when it does not. */
export function healthRouter(store: CouchStore): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    if (await store.isReachable(AbortSignal.timeout(2_000))) {
      res.json({ status: 'ok', store: store.kind });
      return;
    }
    res.setHeader('Retry-After', '5');
    res.status(503).json({ status: 'unavailable', store: store.kind, reason: 'The data store does not answer' });
  });
  return router;
}
