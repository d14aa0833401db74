#!/usr/bin/env node
// Time to open the nurse's screens on a tablet holding a large caseload
// (issue 4): after a first sync of CASELOAD documents into headless Chromium,
// each screen is loaded RUNS times (a full page load, service worker and
// cache warm, data key still unlocked in the tab) and timed from the
// navigation to the moment its content is on screen:
//   - the round (/oggi) until its first visit is listed;
//   - a patient record (/pazienti/<id>) until its visit history is listed.
// Prints the median and the spread, with the machine and the data size.
// Asserts nothing. Needs a build (npm run build) and /usr/bin/chromium.
//   node bench/open-screens.mjs          (CASELOAD=20000, RUNS=7)
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { visibleCounts, waitForFirstSync } from './lib/app-sync.mjs';
import { caseload, writeCaseload } from './lib/caseload.mjs';
import { login, machine, percentile, root, startStore, startSyncServer } from './lib/servers.mjs';

const CASELOAD = Number(process.env.CASELOAD ?? 20000);
const RUNS = Number(process.env.RUNS ?? 7);
const SERVER_PORT = 8396;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// The bench caseload's first patient (bench/lib/caseload.mjs): about 20 visits, 9 assessments, 70 observations.
const PATIENT = 'bench-pat-00000';

/** Milliseconds from starting `navigate` until `ready` is visible. */
async function timeTo(page, navigate, ready) {
  const started = performance.now();
  await navigate();
  await ready.first().waitFor({ state: 'visible', timeout: 60_000 });
  return performance.now() - started;
}

function summary(values) {
  return `median ${percentile(values, 50).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}, n=${values.length})`;
}

const dataDir = join(root, 'test-results/bench-open-screens');
const store = await startStore(join(dataDir, 'store'));
await writeCaseload(store.url, caseload(CASELOAD));
const server = await startSyncServer({ port: SERVER_PORT, couchdbUrl: store.url, dataDir: join(dataDir, 'server') });
const browser = await chromium.launch({ executablePath: process.env.CHROME_BIN ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const token = await login(server.base, 'ifec.rossi', 'bench-open-0001');
  const expected = await visibleCounts(server.base, token);
  const total = Object.values(expected).reduce((a, b) => a + b, 0);
  console.log(`machine: ${machine()}`);
  console.log(`data: ifec.rossi's caseload on the tablet, ${total} documents (${Object.entries(expected).map(([c, n]) => `${n} ${c}`).join(', ')})`);

  const context = await browser.newContext({ locale: 'it-IT', timezoneId: 'Europe/Rome' });
  const page = await context.newPage();
  await page.goto(`${server.base}/login`);
  await page.getByLabel('Nome utente').fill('ifec.rossi');
  await page.getByLabel('Password').fill('prossima');
  await page.getByRole('button', { name: 'Accedi' }).click();
  await waitForFirstSync(page, expected);

  const round = [];
  const record = [];
  for (let i = 0; i < RUNS; i++) {
    round.push(await timeTo(page, () => page.goto(`${server.base}/oggi`), page.getByRole('link', { name: /Apri la visita|Vedi la visita/ })));
    record.push(
      await timeTo(page, () => page.goto(`${server.base}/pazienti/${PATIENT}`), page.getByRole('link', { name: /Apri la visita/ })),
    );
  }
  console.log(`\nopen the round (/oggi, full page load): ${summary(round)}`);
  console.log(`open a patient record (/pazienti/${PATIENT}, its visit history listed): ${summary(record)}`);
  await context.close();
} finally {
  await browser.close();
  server.stop();
  await store.close();
}
