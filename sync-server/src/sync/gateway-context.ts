import type { NextFunction, Request, RequestHandler, Response } from 'express';
import {
  accessSelector,
  isCollectionName,
  type AccessContext,
  type CollectionName,
  type MangoSelector,
  type SessionUser,
} from '@prossima/domain';
import { callerOf } from '../auth/require-user';
import { forbidden, notFound } from '../errors';
import { districtDatabase, type CouchStore } from '../store/couch-store';
import type { AccessContexts } from './access-contexts';

/** What every gateway route knows about the request once the access rules are applied. */
export interface GatewayRequest {
  user: SessionUser;
  deviceId: string;
  collection: CollectionName;
  districtId: string;
  /** The store database of the user's district for this collection. */
  db: string;
  access: AccessContext;
  /** Documents this user may read: the `_selector` filter of every read path. */
  readSelector: MangoSelector;
}

/** The gateway request set up by `resolveGatewayRequest`. */
export function gatewayOf(res: Response): GatewayRequest {
  const gateway = res.locals['gateway'] as GatewayRequest | undefined;
  if (!gateway) throw new Error('gatewayOf used before resolveGatewayRequest');
  return gateway;
}

/**
 * Resolve `/sync/:collection`: a known collection, a role that may read it,
 * and the user's district database (created on first use). 404 for an unknown
 * collection, 403 for one the role may not read.
 */
export function resolveGatewayRequest(store: CouchStore, contexts: AccessContexts): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const name = String(req.params['collection']);
    if (!isCollectionName(name)) throw notFound(`Unknown collection "${name}"`);
    const { user, deviceId } = callerOf(res);
    const access = await contexts.forUser(user);
    const readSelector = accessSelector(user, name, 'read', access);
    if (!readSelector || !user.districtId) throw forbidden(`Role "${user.role}" may not read ${name}`);
    const db = districtDatabase(user.districtId, name);
    await store.ensureDatabase(db);
    res.locals['gateway'] = { user, deviceId, collection: name, districtId: user.districtId, db, access, readSelector } satisfies GatewayRequest;
    next();
  };
}

/** An AbortSignal that fires when the client goes away before its answer is complete (ends long polls upstream). */
export function abortOnClientClose(res: Response): AbortSignal {
  const controller = new AbortController();
  // `res` 'close' (not `req` 'close', which fires once the body was read).
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}
