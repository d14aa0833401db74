import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Express } from 'express';
import { buildApp, closeApp, type AppDeps } from '../app';
import { UserStore } from '../auth/user-store';
import { seedDemoData } from '../demo/seed';
import { DEMO_PASSWORD } from '../demo/demo-people';
import { CouchStore } from '../store/couch-store';
import { startEmbeddedStore, type EmbeddedStore } from '../store/embedded-store';

/** A whole server on real parts (embedded store on disk, HTTP on loopback) for integration tests. */
export interface TestServer {
  baseUrl: string;
  app: Express;
  store: CouchStore;
  embedded: EmbeddedStore;
  /** Sign in a demo account and return its access token. */
  login(username: string): Promise<string>;
  /** `fetch` against the server with JSON in and out (`body` is `any`: tests inspect answers field by field). */
  call(path: string, init?: { method?: string; token?: string; body?: unknown; rawBody?: string }): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

/** Start a seeded demo server in a fresh temporary data folder (`live`: shorter live-event timings). */
export async function startTestServer(options: { live?: AppDeps['live'] } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'prossima-test-'));
  const embedded = await startEmbeddedStore(dataDir);
  const store = new CouchStore(embedded.url, 'embedded');
  const users = new UserStore(store);
  await users.init();
  await seedDemoData(store, users);
  const app = buildApp({
    config: {
      mode: 'demo',
      tokenSecret: new TextEncoder().encode('test-secret-test-secret-test-secret!'),
      accessTokenTtlSeconds: 900,
      refreshTokenTtlDays: 30,
      clientDir: join(dataDir, 'no-client'),
    },
    store,
    users,
    log: pino({ level: 'silent' }),
    live: options.live,
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens = new Map<string, string>();

  const call: TestServer['call'] = async (path, init = {}) => {
    const headers: Record<string, string> = {};
    if (init.token) headers['authorization'] = `Bearer ${init.token}`;
    if (init.body !== undefined || init.rawBody !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(baseUrl + path, {
      method: init.method ?? (init.body !== undefined || init.rawBody !== undefined ? 'POST' : 'GET'),
      headers,
      body: init.rawBody ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  };

  return {
    baseUrl,
    app,
    store,
    embedded,
    call,
    async login(username) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const { status, body } = await call('/api/auth/login', { body: { username, password: DEMO_PASSWORD } });
      if (status !== 200) throw new Error(`login of ${username} failed with ${status}`);
      tokens.set(username, body.accessToken);
      return body.accessToken as string;
    },
    async close() {
      await closeApp(app);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await embedded.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
