#!/usr/bin/env node
// First sync of a nurse with a large caseload into headless Chromium through
// the gateway: the real app (RxDB on Dexie/IndexedDB, encryption, its sync
// engine) signing in on an empty tablet, until every document is stored
// locally; then PouchDB (its browser build) replicating the same collections
// from the same gateway in the same browser. Prints documents per second and
// the ratio; asserts nothing. Needs a build (npm run build) and /usr/bin/chromium.
//   node bench/first-sync.mjs         (CASELOAD=20000 by default)
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { visibleCounts, waitForFirstSync } from './lib/app-sync.mjs';
import { caseload, writeCaseload } from './lib/caseload.mjs';
import { login, machine, root, startStore, startSyncServer } from './lib/servers.mjs';

const CASELOAD = Number(process.env.CASELOAD ?? 20000);
const SERVER_PORT = 8394;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** BENCH_PROFILE=1: a CPU profile of the app's page during the first sync (the sampling slows it a little). */
async function startProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return cdp;
}

/** Prints the functions with the most self time, and the time per script. */
async function printProfile(cdp) {
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const intervals = profile.timeDeltas;
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (intervals[i] ?? 0)));
  const byFunction = new Map();
  const byScript = new Map();
  for (const [id, micros] of self) {
    const { callFrame: f } = byId.get(id);
    const fn = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
    const script = f.url.split('/').pop() || f.functionName;
    byScript.set(script, (byScript.get(script) ?? 0) + micros);
  }
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`).join('\n');
  console.log(`profile, self time by script:\n${top(byScript, 12)}\nby function:\n${top(byFunction, 40)}`);
}

const dataDir = join(root, 'test-results/bench-first-sync');
const store = await startStore(join(dataDir, 'store'));
await writeCaseload(store.url, caseload(CASELOAD));
const server = await startSyncServer({ port: SERVER_PORT, couchdbUrl: store.url, dataDir: join(dataDir, 'server') });
const browser = await chromium.launch({ executablePath: process.env.CHROME_BIN ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, ...(process.env.BENCH_DEBUG ? { dumpio: true } : {}) });
try {
  const token = await login(server.base, 'ifec.rossi', 'bench-pouchdb-0001');
  const expected = await visibleCounts(server.base, token);
  const total = Object.values(expected).reduce((a, b) => a + b, 0);
  console.log(`machine: ${machine()}`);
  console.log(`data: ifec.rossi's caseload, ${total} documents (${Object.entries(expected).map(([c, n]) => `${n} ${c}`).join(', ')})`);

  // 1. The app.
  const context = await browser.newContext({ locale: 'it-IT', timezoneId: 'Europe/Rome' });
  const page = await context.newPage();
  if (process.env.BENCH_TRACE) {
    // Request timeline from the sign-in click: where the time before the first stored document goes.
    const t0 = () => (globalThis.clickedAt ? (performance.now() - globalThis.clickedAt).toFixed(0) : '-');
    page.on('request', (r) => console.log(`${t0()} ms → ${r.method()} ${r.url().replace(server.base, '')}`));
    page.on('requestfinished', (r) => console.log(`${t0()} ms ← ${r.url().replace(server.base, '')}`));
    page.on('console', (m) => console.log(`${t0()} ms console: ${m.text()}`));
  }
  await page.goto(`${server.base}/login`);
  await page.getByLabel('Nome utente').fill('ifec.rossi');
  await page.getByLabel('Password').fill('prossima');
  const profiler = process.env.BENCH_PROFILE ? await startProfile(page) : null;
  const started = performance.now();
  globalThis.clickedAt = started;
  await page.getByRole('button', { name: 'Accedi' }).click();
  let firstStored = 0;
  const finished = await waitForFirstSync(page, expected, {
    onPoll: (local) => {
      if (!firstStored && Object.values(local).some((n) => n > 0)) firstStored = performance.now();
      if (process.env.BENCH_DEBUG) console.log(JSON.stringify(local));
    },
  });
  if (profiler) await printProfile(profiler);
  const appSeconds = (finished - started) / 1000;
  const syncSeconds = (finished - firstStored) / 1000;
  console.log(`\napp (RxDB, Dexie/IndexedDB, encrypted fields, through the gateway): ${total} documents in ${appSeconds.toFixed(1)} s = ${(total / appSeconds).toFixed(0)} docs/s from the sign-in click (sign-in, key derivation and database set-up included)`);
  console.log(`  of which pulling: ${syncSeconds.toFixed(1)} s from the first document stored to the last = ${(total / syncSeconds).toFixed(0)} docs/s (sampled every 250 ms)`);
  await context.close();

  // 2. PouchDB in the same browser, same gateway, a page of the same origin without the app.
  const pouchContext = await browser.newContext();
  const pouchPage = await pouchContext.newPage();
  if (process.env.BENCH_DEBUG) pouchPage.on('console', (m) => console.error(m.text()));
  if (process.env.BENCH_DEBUG) pouchPage.on('response', async (r) => { if (r.status() === 409) console.error('409', r.request().method(), r.url(), (await r.text()).slice(0, 200)); });
  pouchPage.on('crash', () => console.error('the PouchDB page crashed'));
  pouchPage.on('pageerror', (error) => console.error(`PouchDB page error: ${error.message}`));
  await pouchPage.route(`${server.base}/bench-blank`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
  await pouchPage.goto(`${server.base}/bench-blank`);
  await pouchPage.addScriptTag({ path: join(root, 'node_modules/pouchdb/dist/pouchdb.min.js') });
  const pouch = await pouchPage.evaluate(
    async ({ base, token, collections }) => {
      const fetchWithToken = (url, opts) => {
        opts.headers.set('Authorization', `Bearer ${token}`);
        return PouchDB.fetch(url, opts);
      };
      const started = performance.now();
      // All collections at once, as the app replicates them.
      const results = await Promise.all(
        collections.map((c) => new PouchDB(`bench-${c}`).replicate.from(new PouchDB(`${base}/sync/${c}`, { fetch: fetchWithToken, skip_setup: true }), { batch_size: 200 })),
      );
      return { seconds: (performance.now() - started) / 1000, written: results.reduce((s, r) => s + r.docs_written, 0) };
    },
    { base: server.base, token, collections: Object.keys(expected) },
  );
  console.log(`PouchDB ${'9.0.0'} (IndexedDB, same gateway, same browser): ${pouch.written} documents in ${pouch.seconds.toFixed(1)} s = ${(pouch.written / pouch.seconds).toFixed(0)} docs/s`);
  console.log(`ratio: the app is ${(pouch.seconds / appSeconds).toFixed(2)}× PouchDB's speed (goal ≥ 2,000 docs/s and ≥ 2×)`);
  await pouchContext.close();
} finally {
  await browser.close();
  server.stop();
  await store.close();
}
