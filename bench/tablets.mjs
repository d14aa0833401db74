#!/usr/bin/env node
// 100 simulated tablets pulling and pushing at once for 60 s against one
// server, and the same workload straight against the store: throughput,
// latency percentiles (also per kind of request), errors, and the gateway's
// overhead. After a short warm-up of each, the two targets take turns
// (gateway, store, gateway, store, ...: ROUNDS of each), so neither always
// runs on a colder or fuller store; the overhead is given per round and over
// all rounds. Prints figures, asserts nothing. Needs a built server
// (npm run build:server).
//   node bench/tablets.mjs            (TABLETS=100 SECONDS=60 ROUNDS=2 WARMUP_SECONDS=10 by default)
import { join } from 'node:path';
import { caseload, writeCaseload } from './lib/caseload.mjs';
import { login, machine, percentile, root, startStore, startSyncServer } from './lib/servers.mjs';

const TABLETS = Number(process.env.TABLETS ?? 100);
const SECONDS = Number(process.env.SECONDS ?? 60);
const THINK_MS = Number(process.env.THINK_MS ?? 200);
const CASELOAD = Number(process.env.CASELOAD ?? 2000);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const WARMUP_SECONDS = Number(process.env.WARMUP_SECONDS ?? 10);
const SERVER_PORT = 8392;
const NURSES = [
  { username: 'ifec.rossi', id: 'u-ifec-rossi', district: 'distretto-a' },
  { username: 'ifec.bianchi', id: 'u-ifec-bianchi', district: 'distretto-a' },
  { username: 'ifec.ferri', id: 'u-ifec-ferri', district: 'distretto-b' },
];

/** One tablet's loop: pull visits since its checkpoint, and every third round push an edited note. */
async function tablet(index, target, deadline, stats) {
  const nurse = NURSES[index % NURSES.length];
  let since = target.mode === 'direct' ? 0 : 0;
  let round = 0;
  const timed = async (label, run) => {
    const started = performance.now();
    try {
      const response = await run();
      const elapsed = performance.now() - started;
      stats.latencies.push(elapsed);
      (stats.byKind[label] ??= []).push(elapsed);
      if (response.status >= 500) stats.errors5xx++;
      else if (response.status >= 400) stats.errors4xx[label] = (stats.errors4xx[label] ?? 0) + 1;
      return response;
    } catch (error) {
      stats.failures++;
      return null;
    }
  };
  while (performance.now() < deadline) {
    const pull = await timed('pull', () => target.changes(nurse, since));
    if (pull?.ok) {
      const body = await pull.json();
      since = body.last_seq;
      stats.docsPulled += body.results.length;
    }
    if (round++ % 3 === 0) {
      const ids = await target.visitIds(nurse);
      const id = ids[(index + round) % ids.length];
      const read = await timed('read', () => target.allDocs(nurse, [id]));
      if (read?.ok) {
        const doc = (await read.json()).rows[0]?.doc;
        if (doc) {
          const edited = { ...doc, note: `Tablet ${index} giro ${round}`, updatedAt: new Date().toISOString(), updatedBy: nurse.id };
          const write = await timed('push', () => target.bulkDocs(nurse, [edited]));
          if (write?.ok) {
            const [result] = await write.json();
            if (result.ok) stats.docsPushed++;
            else stats.conflicts++;
          }
        }
      }
    }
    await new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())));
  }
}

function gatewayTarget(base, tokens) {
  const headers = (nurse) => ({ authorization: `Bearer ${tokens[nurse.username]}`, 'content-type': 'application/json' });
  const idCache = new Map();
  return {
    mode: 'gateway',
    changes: (nurse, since) => fetch(`${base}/sync/visits/_changes?include_docs=true&style=all_docs&limit=100&since=${encodeURIComponent(since)}`, { headers: headers(nurse) }),
    allDocs: (nurse, keys) => fetch(`${base}/sync/visits/_all_docs`, { method: 'POST', headers: headers(nurse), body: JSON.stringify({ keys, include_docs: true }) }),
    bulkDocs: (nurse, docs) => fetch(`${base}/sync/visits/_bulk_docs`, { method: 'POST', headers: headers(nurse), body: JSON.stringify({ docs }) }),
    async visitIds(nurse) {
      if (!idCache.has(nurse.id)) {
        const body = await (await fetch(`${base}/sync/visits/_changes`, { headers: headers(nurse) })).json();
        idCache.set(nurse.id, body.results.map((r) => r.id).filter((id) => !id.startsWith('bench-')).slice(0, 20));
      }
      return idCache.get(nurse.id);
    },
  };
}

/** The same requests straight to the store: the nurse's selector applied by the store, no auth, no checks. */
function directTarget(storeUrl, selectors) {
  const json = { 'content-type': 'application/json' };
  const db = (nurse) => `${storeUrl}prossima-${nurse.district}-visits`;
  const idCache = new Map();
  return {
    mode: 'direct',
    changes: (nurse, since) => fetch(`${db(nurse)}/_changes?include_docs=true&style=all_docs&limit=100&filter=_selector&since=${encodeURIComponent(since)}`, { method: 'POST', headers: json, body: JSON.stringify({ selector: selectors[nurse.id] }) }),
    allDocs: (nurse, keys) => fetch(`${db(nurse)}/_all_docs?include_docs=true`, { method: 'POST', headers: json, body: JSON.stringify({ keys }) }),
    bulkDocs: (nurse, docs) => fetch(`${db(nurse)}/_bulk_docs`, { method: 'POST', headers: json, body: JSON.stringify({ docs }) }),
    async visitIds(nurse) {
      if (!idCache.has(nurse.id)) {
        const body = await (await fetch(`${db(nurse)}/_changes?filter=_selector`, { method: 'POST', headers: json, body: JSON.stringify({ selector: selectors[nurse.id] }) })).json();
        idCache.set(nurse.id, body.results.map((r) => r.id).filter((id) => !id.startsWith('bench-')).slice(0, 20));
      }
      return idCache.get(nurse.id);
    },
  };
}

async function run(target, seconds = SECONDS) {
  const stats = { latencies: [], byKind: {}, errors5xx: 0, errors4xx: {}, failures: 0, docsPulled: 0, docsPushed: 0, conflicts: 0 };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(Array.from({ length: TABLETS }, (_, i) => tablet(i, target, deadline, stats)));
  const elapsed = (performance.now() - started) / 1000;
  return { ...stats, elapsed, requests: stats.latencies.length };
}

function print(label, r) {
  console.log(`${label}: ${r.requests} requests in ${r.elapsed.toFixed(1)} s = ${(r.requests / r.elapsed).toFixed(0)} req/s; ` +
    `p50 ${percentile(r.latencies, 50).toFixed(1)} ms, p95 ${percentile(r.latencies, 95).toFixed(1)} ms, p99 ${percentile(r.latencies, 99).toFixed(1)} ms; ` +
    `5xx ${r.errors5xx}, network failures ${r.failures}, 4xx ${JSON.stringify(r.errors4xx)}; pulled ${r.docsPulled}, pushed ${r.docsPushed}, conflicts ${r.conflicts}`);
  console.log(`  p95 by kind: ${Object.entries(r.byKind).map(([kind, values]) => `${kind} ${percentile(values, 95).toFixed(0)} ms (n=${values.length})`).join(', ')}`);
}

/** The p95 overhead of `gateway` over `direct`, in percent. */
function overheadOf(gateway, direct) {
  return (percentile(gateway, 95) / percentile(direct, 95) - 1) * 100;
}

const signed = (value) => `${value >= 0 ? '+' : '-'}${Math.abs(value).toFixed(0)} %`;

const dataDir = join(root, 'test-results/bench-tablets');
// The store in its own process, as in production: the load generator must not slow it down.
const store = await startStore(join(dataDir, 'store'), { ownProcess: true });
const seeded = await writeCaseload(store.url, caseload(CASELOAD));
const server = await startSyncServer({ port: SERVER_PORT, couchdbUrl: store.url, dataDir: join(dataDir, 'server') });
try {
  const tokens = {};
  for (const nurse of NURSES) tokens[nurse.username] = await login(server.base, nurse.username, `bench-${nurse.id}`);
  // The direct run uses the same selectors the gateway builds for these nurses.
  const selectors = {};
  for (const nurse of NURSES) {
    const patients = await (await fetch(`${store.url}prossima-${nurse.district}-patients/_changes?filter=_selector`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ selector: { careTeam: { $elemMatch: { $eq: nurse.id } } } }) })).json();
    selectors[nurse.id] = { districtId: nurse.district, patientId: { $in: patients.results.map((r) => r.id) } };
  }
  console.log(`machine: ${machine()}`);
  console.log(`workload: ${TABLETS} tablets × ${SECONDS} s, think time ~${THINK_MS} ms; each loop pulls visits (_changes, limit 100), every third loop reads and pushes one visit; store: ${seeded} caseload documents + demo data; nurses: ${NURSES.map((n) => n.username).join(', ')}`);
  const targets = { gateway: gatewayTarget(server.base, tokens), direct: directTarget(store.url, selectors) };
  // Warm-up (not counted): JIT, the store's caches, the tablets' checkpoints.
  for (const target of Object.values(targets)) await run(target, WARMUP_SECONDS);
  const runs = { gateway: [], direct: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name, target] of Object.entries(targets)) {
      const result = await run(target);
      runs[name].push(result);
      print(`round ${round}, ${name === 'gateway' ? 'gateway' : 'store directly'}`, result);
    }
    console.log(`  round ${round}: gateway p95 overhead ${signed(overheadOf(runs.gateway[round - 1].latencies, runs.direct[round - 1].latencies))}`);
  }
  const all = (list) => list.flatMap((r) => r.latencies);
  const rate = (list) => list.reduce((sum, r) => sum + r.requests, 0) / list.reduce((sum, r) => sum + r.elapsed, 0);
  const errors = runs.gateway.reduce((sum, r) => sum + r.errors5xx, 0);
  console.log(
    `all rounds: gateway p95 ${percentile(all(runs.gateway), 95).toFixed(0)} ms, store p95 ${percentile(all(runs.direct), 95).toFixed(0)} ms: ` +
      `overhead ${signed(overheadOf(all(runs.gateway), all(runs.direct)))}, throughput ${signed((rate(runs.gateway) / rate(runs.direct) - 1) * 100)}, ` +
      `gateway 5xx ${errors} (goal: 0 server errors, p95 ≤ 500 ms, overhead ≤ 20 %)`,
  );
} finally {
  server.stop();
  await store.close();
}
