import compression from 'compression';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { AuditLog } from './audit/audit-log';
import { auditRouter } from './audit/audit-router';
import { DeviceSessions } from './admin/device-sessions';
import { deviceAdminRouter } from './admin/device-admin-router';
import { authRouter } from './auth/auth-router';
import { AuthService } from './auth/auth-service';
import { RevocationList } from './auth/revocation';
import { AccessTokens } from './auth/tokens';
import type { UserStore } from './auth/user-store';
import type { Config } from './config';
import { ConflictLog } from './conflicts/conflict-log';
import { conflictRouter } from './conflicts/conflict-router';
import { errorMiddleware, notFound } from './errors';
import { healthRouter } from './health-router';
import { EVENT_STREAM, eventsRouter } from './live/events-router';
import { DEFAULT_LIVE_OPTIONS, LiveEvents, type LiveOptions } from './live/live-events';
import { staticClient } from './static-client';
import type { CouchStore } from './store/couch-store';
import { AccessContexts } from './sync/access-contexts';
import { DocumentAccess } from './sync/document-access';
import { DocumentValidator } from './sync/document-validator';
import { gatewayRouter } from './sync/gateway-router';
import { syncInfoRouter } from './sync-info/sync-info-router';

/** What the app is built from; everything that touches the outside world comes in here. */
export interface AppDeps {
  config: Pick<Config, 'mode' | 'tokenSecret' | 'accessTokenTtlSeconds' | 'refreshTokenTtlDays' | 'clientDir'>;
  store: CouchStore;
  users: UserStore;
  log: Logger;
  /** Live-event timings (tests shorten them). */
  live?: Partial<LiveOptions>;
}

/** Build the Express app (it does not listen: see main.ts). */
export function buildApp({ config, store, users, log, live: liveOptions }: AppDeps): Express {
  const revocations = new RevocationList(store, { accessTokenTtlSeconds: config.accessTokenTtlSeconds });
  const tokens = new AccessTokens(config.tokenSecret, config.accessTokenTtlSeconds, revocations);
  const auth = new AuthService(users, tokens, revocations, {
    refreshTokenTtlDays: config.refreshTokenTtlDays,
    allowDemoAccounts: config.mode === 'demo',
  });
  const contexts = new AccessContexts(store);
  const live = new LiveEvents(store, contexts, log, { ...DEFAULT_LIVE_OPTIONS, ...liveOptions });
  const audit = new AuditLog(store);
  const documents = new DocumentAccess(store, contexts);

  const app = express();
  app.locals['live'] = live;
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestLog(log));
  // Bundles and sync batches compress well; tablets are often on thin mobile links.
  // Never an event stream: compression would hold events in its buffer.
  app.use(compression({ filter: (req, res) => !String(res.getHeader('Content-Type') ?? '').startsWith(EVENT_STREAM) && compression.filter(req, res) }));
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  app.use('/api/health', healthRouter(store));
  app.use('/api/auth', authRouter(auth, tokens));
  app.use('/api/sync', syncInfoRouter({ store, tokens, contexts }));
  app.use('/api/admin/devices', deviceAdminRouter({ tokens, devices: new DeviceSessions(users, revocations), log }));
  // Before the gateway, which would take "_events" for a collection name.
  app.use('/sync/_events', eventsRouter({ tokens, live, revocations }));
  app.use('/sync/:collection', gatewayRouter({ store, tokens, contexts, audit }));
  app.use('/api/audit', auditRouter({ tokens, audit, documents }));
  app.use('/api/conflicts', conflictRouter({ tokens, conflicts: new ConflictLog(store), documents, validator: new DocumentValidator() }));
  app.use('/api', (req) => {
    throw notFound(`No API route ${req.method} ${req.path}`);
  });
  app.use(staticClient(config.clientDir));
  app.use(errorMiddleware(log));
  return app;
}

/** The live-event hub of an app built by buildApp (tests look at its watchers). */
export function liveEventsOf(app: Express): LiveEvents {
  return app.locals['live'] as LiveEvents;
}

/** Stop what the app runs in the background: end live-event streams and their store watchers (main.ts calls it on SIGTERM). */
export function closeApp(app: Express): Promise<void> {
  return liveEventsOf(app).close();
}

/** One line per request: method, route shape, status, time. No bodies, no query strings, no document ids. */
function requestLog(log: Logger): express.RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      log.info({ method: req.method, path: routeShape(req.path), status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'request');
    });
    next();
  };
}

/** `/sync/visits/v-2026-…` → `/sync/visits/:id`: document ids stay out of the logs. */
function routeShape(path: string): string {
  const [, root, collection, segment] = path.split('/');
  if (root !== 'sync' || segment === undefined) return path;
  return `/sync/${collection}/${segment.startsWith('_') ? segment : ':id'}`;
}
