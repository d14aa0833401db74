import { createServer } from 'node:http';
import { pino } from 'pino';
import { buildApp, closeApp } from './app';
import { UserStore } from './auth/user-store';
import { ConfigError, loadConfig } from './config';
import { seedDemoData } from './demo/seed';
import { CouchStore } from './store/couch-store';
import { startEmbeddedStore, type EmbeddedStore } from './store/embedded-store';

/** Start the whole server: configuration, store, demo data, HTTP; stop cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const log = pino({ level: config.logLevel, redact: ['req.headers.authorization', '*.password', '*.refreshToken'] });

  let embedded: EmbeddedStore | null = null;
  if (!config.couchdbUrl) embedded = await startEmbeddedStore(config.dataDir);
  const store = new CouchStore(config.couchdbUrl ?? embedded!.url, embedded ? 'embedded' : 'couchdb');
  const users = new UserStore(store);
  await users.init();
  if (config.mode === 'demo') {
    const { created } = await seedDemoData(store, users);
    log.info({ created }, 'demo data ready');
  }

  const app = buildApp({ config, store, users, log });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info({ mode: config.mode, store: store.kind, url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}` }, 'Prossima is listening');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    // Long polls would hold the server open: give requests a moment, then close what is left.
    const force = setTimeout(() => server.closeAllConnections(), 3_000);
    // Live-event streams never end by themselves: end them and their store watchers first.
    void closeApp(app)
      .catch((error: unknown) => log.error({ err: String(error) }, 'live events did not close cleanly'))
      .finally(() => {
        server.closeIdleConnections();
        server.close(async () => {
          clearTimeout(force);
          await embedded?.close();
          log.info('stopped');
          process.exit(0);
        });
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  // Configuration errors are the operator's to fix: say what is wrong without a stack.
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`Prossima failed to start: ${message}\n`);
  process.exit(1);
});
