#!/usr/bin/env node
// Client benchmarks (not tests): prints figures, asserts nothing.
//  1. the initial JS transfer: the scripts index.html loads before the app can
//     render, gzip-compressed as the server sends them;
//  2. the offline cold start: with the service worker installed and the network
//     off, reload until the nurse's round is visible (median of N runs).
// Needs a built app (npm run build) and /usr/bin/chromium. Starts its own server.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const root = new URL('..', import.meta.url).pathname;
const clientDir = join(root, 'dist/client/browser');
const PORT = 8282;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The JavaScript a first visit loads before the app can render: the scripts
 * index.html names, and every module they import statically (dynamic
 * `import()`s are lazy and not counted).
 */
function initialScripts() {
  const html = readFileSync(join(clientDir, 'index.html'), 'utf8');
  const queue = [];
  for (const match of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) queue.push(match[1]);
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) queue.push(match[1]);
  const seen = new Set();
  const files = [];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const bytes = readFileSync(join(clientDir, file));
    files.push({ file, raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length });
    for (const match of bytes.toString('utf8').matchAll(/(?:import|export)\s*(?:[^"'();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) queue.push(match[1]);
  }
  return files;
}

async function startServer(dataDir) {
  rmSync(dataDir, { recursive: true, force: true });
  const server = spawn(process.execPath, [join(root, 'dist/sync-server/main.mjs')], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill();
  throw new Error('server did not start');
}

/** What the nurse's tablet holds: her documents per collection, counted through the gateway. */
async function visibleDocuments(username) {
  const base = `http://127.0.0.1:${PORT}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'prossima' }) });
  const { accessToken } = await login.json();
  const counts = [];
  for (const collection of ['patients', 'visits']) {
    const answer = await fetch(`${base}/sync/${collection}/_changes`, { headers: { authorization: `Bearer ${accessToken}` } });
    counts.push(`${(await answer.json()).results.length} ${collection}`);
  }
  return counts.join(' + ');
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const scripts = initialScripts();
const totalGzip = scripts.reduce((sum, s) => sum + s.gzip, 0);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, Node ${process.version}`);
console.log('\n== initial JS transfer (gzip) ==');
for (const s of scripts) console.log(`  ${s.file.padEnd(32)} ${(s.raw / 1024).toFixed(1).padStart(7)} KB raw  ${(s.gzip / 1024).toFixed(1).padStart(6)} KB gzip`);
console.log(`  total: ${(totalGzip / 1024).toFixed(1)} KB gzip (goal ≤ 300 KB)`);

const dataDir = join(root, 'test-results/bench-data');
const server = await startServer(dataDir);
const browser = await chromium.launch({ executablePath: process.env.CHROME_BIN ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ locale: 'it-IT', timezoneId: 'Europe/Rome' });
  const page = await context.newPage();
  await page.goto(`http://localhost:${PORT}/login`);
  await page.getByLabel('Nome utente').fill('ifec.rossi');
  await page.getByLabel('Password').fill('prossima');
  await page.getByRole('button', { name: 'Accedi' }).click();
  const round = page.getByRole('main').getByRole('listitem').getByRole('link');
  await round.first().waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await round.first().waitFor();
  const docs = await visibleDocuments('ifec.rossi');
  const roundSize = await round.count();
  await context.setOffline(true);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await page.reload();
    await round.nth(roundSize - 1).waitFor();
    times.push(performance.now() - started);
  }
  console.log('\n== offline cold start (service worker, network off, reload → round visible) ==');
  console.log(`  data: nurse ifec.rossi, ${roundSize} visits in today's round; ${docs} on the tablet (demo data)`);
  console.log(`  runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  console.log(`  median: ${median(times).toFixed(0)} ms (goal ≤ 1000 ms)`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
