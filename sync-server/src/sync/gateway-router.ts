import { Router, json } from 'express';
import type { AuditLog } from '../audit/audit-log';
import { requireUser } from '../auth/require-user';
import type { AccessTokens } from '../auth/tokens';
import { badRequest } from '../errors';
import type { CouchStore } from '../store/couch-store';
import type { AccessContexts } from './access-contexts';
import { DocumentValidator } from './document-validator';
import { resolveGatewayRequest } from './gateway-context';
import { GatewayReads } from './gateway-reads';
import { GatewayWrites } from './gateway-writes';
import { LocalDocuments } from './local-documents';

/** Largest request body the gateway reads (a push batch). */
export const MAX_SYNC_BODY = '4mb';

/**
 * `/sync/:collection/…`: the CouchDB replication protocol, as much of it as
 * RxDB's CouchDB replication and PouchDB's replicator use, with the access
 * rules applied on every read and write.
 */
export function gatewayRouter(deps: { store: CouchStore; tokens: AccessTokens; contexts: AccessContexts; audit: AuditLog }): Router {
  const reads = new GatewayReads(deps.store);
  const writes = new GatewayWrites(deps.store, new DocumentValidator(), deps.audit, deps.contexts);
  const locals = new LocalDocuments(deps.store);

  const router = Router({ mergeParams: true });
  router.use(requireUser(deps.tokens));
  router.use(json({ limit: MAX_SYNC_BODY }));
  router.use(resolveGatewayRequest(deps.store, deps.contexts));

  router.get('/', reads.info);
  router.get('/_changes', reads.changes);
  router.post('/_changes', reads.changes);
  router.get('/_all_docs', reads.allDocs);
  router.post('/_all_docs', reads.allDocs);
  router.post('/_bulk_get', reads.bulkGet);
  router.post('/_revs_diff', reads.revsDiff);
  router.post('/_bulk_docs', writes.bulkDocs);
  router.get('/_local/:localId', locals.get);
  router.put('/_local/:localId', locals.put);
  router.all('/_{*rest}', (req) => {
    throw badRequest(`${req.method} ${req.path} is not offered by the sync gateway`);
  });
  router.get('/:docId', reads.getDocument);
  router.put('/:docId', writes.putDocument);
  router.delete('/:docId', writes.deleteDocument);
  return router;
}
