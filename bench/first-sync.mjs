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
import { COLLECTIONS } from './lib/collections.mjs';
import { caseload, writeCaseload } from './lib/caseload.mjs';
import { login, machine, root, startStore, startSyncServer } from './lib/servers.mjs';

const CASELOAD = Number(process.env.CASELOAD ?? 20000);
const SERVER_PORT = 8394;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Documents the nurse may read, per collection, counted through the gateway. */
async function visibleCounts(base, token) {
  const counts = {};
  for (const collection of COLLECTIONS) {
    const response = await fetch(`${base}/sync/${collection}/_changes`, { headers: { authorization: `Bearer ${token}` } });
    if (response.ok) counts[collection] = (await response.json()).results.length;
  }
  return counts;
}

/** Rows in the page's RxDB/Dexie IndexedDB databases, per collection (encrypted or not, a row is a document). */
function countLocalDocuments(collections) {
  return (async () => {
    const counts = {};
    for (const info of await indexedDB.databases()) {
      const collection = collections.find((c) => info.name?.endsWith(`--${c}`));
      if (!collection || !info.name?.includes('prossima')) continue;
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open(info.name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const stores = [...db.objectStoreNames].filter((name) => name === 'docs' || name.endsWith('docs'));
      let count = 0;
      for (const store of stores) {
        count += await new Promise((resolve) => {
          const request = db.transaction(store, 'readonly').objectStore(store).count();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => resolve(0);
        });
      }
      db.close();
      counts[collection] = (counts[collection] ?? 0) + count;
    }
    return counts;
  })();
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
  await page.goto(`${server.base}/login`);
  await page.getByLabel('Nome utente').fill('ifec.rossi');
  await page.getByLabel('Password').fill('prossima');
  const started = performance.now();
  await page.getByRole('button', { name: 'Accedi' }).click();
  let local = {};
  let firstStored = 0;
  for (;;) {
    local = await page.evaluate(countLocalDocuments, COLLECTIONS);
    if (!firstStored && Object.values(local).some((n) => n > 0)) firstStored = performance.now();
    const done = Object.entries(expected).every(([c, n]) => (local[c] ?? 0) >= n);
    if (done) break;
    if (process.env.BENCH_DEBUG) console.log(JSON.stringify(local));
    if (performance.now() - started > 15 * 60_000) throw new Error(`first sync did not finish: ${JSON.stringify(local)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const finished = performance.now();
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
