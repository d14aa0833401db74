import compression from 'compression';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { AuditLog } from './audit/audit-log';
import { authRouter } from './auth/auth-router';
import { AuthService } from './auth/auth-service';
import { AccessTokens } from './auth/tokens';
import type { UserStore } from './auth/user-store';
import type { Config } from './config';
import { errorMiddleware, notFound } from './errors';
import { healthRouter } from './health-router';
import { staticClient } from './static-client';
import type { CouchStore } from './store/couch-store';
import { AccessContexts } from './sync/access-contexts';
import { gatewayRouter } from './sync/gateway-router';

/** What the app is built from; everything that touches the outside world comes in here. */
export interface AppDeps {
  config: Pick<Config, 'mode' | 'tokenSecret' | 'accessTokenTtlSeconds' | 'refreshTokenTtlDays' | 'clientDir'>;
  store: CouchStore;
  users: UserStore;
  log: Logger;
}

/** Build the Express app (it does not listen: see main.ts). */
export function buildApp({ config, store, users, log }: AppDeps): Express {
  const tokens = new AccessTokens(config.tokenSecret, config.accessTokenTtlSeconds);
  const auth = new AuthService(users, tokens, {
    refreshTokenTtlDays: config.refreshTokenTtlDays,
    allowDemoAccounts: config.mode === 'demo',
  });
  const contexts = new AccessContexts(store);
  const audit = new AuditLog(store);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestLog(log));
  // Bundles and sync batches compress well; tablets are often on thin mobile links.
  app.use(compression());
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  app.use('/api/health', healthRouter(store));
  app.use('/api/auth', authRouter(auth, tokens));
  app.use('/sync/:collection', gatewayRouter({ store, tokens, contexts, audit }));
  app.use('/api', (req) => {
    throw notFound(`No API route ${req.method} ${req.path}`);
  });
  app.use(staticClient(config.clientDir));
  app.use(errorMiddleware(log));
  return app;
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
