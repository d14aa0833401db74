// Start the pieces the benchmarks measure, on loopback: the server's embedded
// CouchDB-compatible store on its own, and the sync server pointed at it
// through COUCHDB_URL (a separate process), so a benchmark can
// talk to the gateway and to the store directly.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = new URL('../..', import.meta.url).pathname;

/** One line describing the machine, printed with every figure. */
export function machine() {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, Node ${process.version}`;
}

/**
 * Start the server's own embedded store (the built dist/sync-server/embedded-store.mjs:
 * pouchdb + express-pouchdb with its `_selector` shim), data under `dir/store`
 * (wiped first), on a free loopback port: in this process, or with
 * `{ ownProcess: true }` in a child process of its own, as a real store would
 * be (so a load generator in this process does not share the store's event loop).
 */
export async function startStore(dir, { ownProcess = false } = {}) {
  rmSync(dir, { recursive: true, force: true });
  const modulePath = join(root, 'dist/sync-server/embedded-store.mjs');
  if (!ownProcess) {
    const { startEmbeddedStore } = await import(modulePath);
    return startEmbeddedStore(dir);
  }
  const script = `const { startEmbeddedStore } = await import(${JSON.stringify(pathToFileURL(modulePath).href)});
const store = await startEmbeddedStore(${JSON.stringify(dir)});
process.stdout.write(store.url + '\\n');`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  process.on('exit', () => child.kill('SIGKILL'));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.trim());
    });
    child.on('exit', (code) => reject(new Error(`the store process exited at start (${code})`)));
  });
  return {
    url,
    close: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** Start the built sync server (dist/sync-server/main.mjs) against `couchdbUrl`, demo data seeded. */
export async function startSyncServer({ port, couchdbUrl, dataDir }) {
  const child = spawn(process.execPath, [join(root, 'dist/sync-server/main.mjs')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...(couchdbUrl ? { COUCHDB_URL: couchdbUrl } : {}) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  // Never leave a server behind: a stale one on the same port would answer for the new one.
  process.on('exit', () => child.kill('SIGKILL'));
  let exited = false;
  child.on('exit', () => (exited = true));
  for (let i = 0; i < 240; i++) {
    if (exited) throw new Error(`sync server exited at start (is port ${port} in use?)`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, stop: () => child.kill('SIGTERM') };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error('sync server did not start');
}

/** Sign in a demo account; returns the access token. */
export async function login(base, username, deviceId = 'bench-device-0001') {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'prossima', deviceId }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  return (await response.json()).accessToken;
}

/** Percentile of a list of numbers (nearest rank). */
export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
