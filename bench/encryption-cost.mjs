#!/usr/bin/env node
// What encryption at rest costs on the tablet's write path (issue 3, item 7):
// N realistic documents (the first-sync caseload: patients, visits,
// observations, assessments in the shape of the domain schemas) inserted into
// RxDB on the memory storage, once in clear and once through the app's own
// field-encryption storage (WebCrypto AES-GCM, client/src/app/core/database/
// field-encryption-storage.ts, compiled here) with the same `encrypted` lists
// the app uses; then every document read back (decrypted) through a query.
// CRYPTOJS=1 also runs RxDB's crypto-js plugin, which the app used before.
// Prints documents per second for each, the ratio and the added time per
// document, with the machine and N. Asserts nothing.
//
// The memory storage isolates the CPU cost of encryption: fake-indexeddb is
// too slow above ~1,000 documents, and the IndexedDB part of a real first sync
// is the same with or without encryption (bench/first-sync.mjs measures that).
//
//   node bench/encryption-cost.mjs                 N=20000, 3 runs (median)
//   N=5000 RUNS=1 node bench/encryption-cost.mjs
//   WIDE=1 node bench/encryption-cost.mjs          also a wider candidate list (see WIDER below)
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { addRxPlugin, createRxDatabase } from 'rxdb';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { caseload } from './lib/caseload.mjs';

const N = Number(process.env.N ?? 20000);
const RUNS = Number(process.env.RUNS ?? 3);
/** Documents per bulk write: the replication writes pulled batches of about this size. */
const BATCH = 200;
const root = new URL('..', import.meta.url).pathname;

// Schemas above version 0 need their migration strategies, as in the app (nothing to migrate here).
addRxPlugin(RxDBMigrationSchemaPlugin);

/** The domain's schemas, compiled from domain/src (the one source of truth) without a build step. */
async function domainSchemas() {
  const out = await build({
    entryPoints: [`${root}domain/src/schemas/index.ts`],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0].text;
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return mod.COLLECTION_SCHEMAS;
}

/** One line describing the machine. */
function machine() {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, Node ${process.version}`;
}

/** The app's field-encryption storage, compiled from client/src without a build step (rxdb stays this process's copy). */
async function appEncryptedStorage() {
  const out = await build({
    entryPoints: [`${root}client/src/app/core/database/field-encryption-storage.ts`],
    bundle: true,
    format: 'esm',
    platform: 'node',
    external: ['rxdb', 'rxdb/*'],
    write: false,
    logLevel: 'silent',
  });
  // Written beside node_modules' resolution root so `import 'rxdb'` resolves to this repository's copy.
  const file = `${root}bench/.field-encryption-storage.${process.pid}.mjs`;
  writeFileSync(file, out.outputFiles[0].text);
  try {
    return (await import(file)).fieldEncryptedStorage;
  } finally {
    rmSync(file, { force: true });
  }
}

/** The caseload as RxDB documents (`_id` → `id`), per collection. */
function documents() {
  const docs = {};
  for (const [collection, list] of Object.entries(caseload(N))) {
    docs[collection] = list.map(({ _id, ...rest }) => ({ id: _id, ...rest }));
  }
  return docs;
}

/** A schema with the given `encrypted` list (none: the field is dropped). */
function withEncrypted(schema, encrypted) {
  const { encrypted: _drop, ...rest } = schema;
  return encrypted && encrypted.length > 0 ? { ...rest, encrypted: [...encrypted] } : rest;
}

let dbCounter = 0;

/** Inserts every document and reads every one back; returns milliseconds for each. */
async function runOnce(schemas, docs, lists, encrypt, expected = N) {
  const storage =
    encrypt === 'crypto-js'
      ? wrappedKeyEncryptionCryptoJsStorage({ storage: getRxStorageMemory() })
      : encrypt
        ? fieldEncryptedStorage(getRxStorageMemory())
        : getRxStorageMemory();
  const db = await createRxDatabase({
    name: `bench-encryption-${++dbCounter}`,
    storage,
    multiInstance: false,
    // A random 256-bit data key as base64url, exactly like the app's.
    ...(encrypt ? { password: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url') } : {}),
  });
  const creators = {};
  for (const name of Object.keys(docs)) {
    const schema = withEncrypted(schemas[name], encrypt ? lists[name] : undefined);
    const migrationStrategies = Object.fromEntries(Array.from({ length: schema.version }, (_, v) => [v + 1, (doc) => doc]));
    creators[name] = { schema, migrationStrategies };
  }
  const collections = await db.addCollections(creators);

  const t0 = performance.now();
  for (const [name, list] of Object.entries(docs)) {
    for (let i = 0; i < list.length; i += BATCH) {
      const { error } = await collections[name].bulkInsert(list.slice(i, i + BATCH));
      if (error.length > 0) throw new Error(`${name}: ${JSON.stringify(error[0]).slice(0, 300)}`);
    }
  }
  const insertMs = performance.now() - t0;

  const t1 = performance.now();
  let read = 0;
  for (const name of Object.keys(docs)) read += (await collections[name].find().exec()).length;
  const readMs = performance.now() - t1;
  if (read !== expected) throw new Error(`read ${read} of ${expected} documents`);

  await db.remove();
  return { insertMs, readMs };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Runs every variant RUNS times, interleaved (clear, encrypted, … then again), so
 * that a busy machine slows them alike; returns the median of each.
 */
async function measure(schemas, docs, variants) {
  const runs = variants.map(() => []);
  for (let r = 0; r < RUNS; r++) {
    for (const [i, { lists, encrypt }] of variants.entries()) runs[i].push(await runOnce(schemas, docs, lists, encrypt));
  }
  return runs.map((list) => ({ insertMs: median(list.map((x) => x.insertMs)), readMs: median(list.map((x) => x.readMs)) }));
}

const rate = (ms) => Math.round((N / ms) * 1000);
const perDocMs = (ms) => ms / N;

/** How many field values `lists` encrypts in `docs` (absent optional fields are not encrypted). */
function encryptedValues(docs, lists) {
  let count = 0;
  for (const [name, list] of Object.entries(docs)) {
    for (const doc of list) count += (lists[name] ?? []).filter((field) => doc[field] !== undefined).length;
  }
  return count;
}

function report(label, clear, encrypted, values) {
  console.log(`\n${label}: ${values.toLocaleString('en')} field values encrypted (${(values / N).toFixed(2)} per document)`);
  for (const op of ['insertMs', 'readMs']) {
    const name = op === 'insertMs' ? 'insert' : 'read  ';
    const added = perDocMs(encrypted[op]) - perDocMs(clear[op]);
    console.log(
      `  ${name}: clear ${rate(clear[op]).toLocaleString('en')} docs/s, encrypted ${rate(encrypted[op]).toLocaleString('en')} docs/s, ` +
        `ratio ${(clear[op] / encrypted[op]).toFixed(2)} (encrypted/clear speed), +${(added * 1000).toFixed(0)} µs per document, ` +
        `${((added * 1000 * N) / values).toFixed(0)} µs per encrypted value`,
    );
  }
}

const schemas = await domainSchemas();
const fieldEncryptedStorage = await appEncryptedStorage();
const docs = documents();
const counts = Object.entries(docs).map(([name, list]) => `${name} ${list.length}`).join(', ');
const domainLists = Object.fromEntries(Object.keys(docs).map((name) => [name, schemas[name].encrypted ?? []]));

console.log('Encryption at rest: cost on the write and read path (RxDB memory storage, the app\'s WebCrypto AES-GCM field encryption)');
console.log(`machine: ${machine()}; load average (1 min) at the start: ${loadavg()[0].toFixed(2)}`);
console.log(`N = ${N} documents (${counts}), bulk writes of ${BATCH}, median of ${RUNS} run(s)`);
console.log(`encrypted fields (domain schemas): ${Object.entries(domainLists).map(([c, l]) => `${c} [${l.join(', ')}]`).join('; ')}`);

// Warm-up: JIT, the first key derivation.
for (const encrypt of [false, true, ...(process.env.CRYPTOJS ? ['crypto-js'] : [])]) {
  const few = Object.fromEntries(Object.entries(docs).map(([name, list]) => [name, list.slice(0, 50)]));
  await runOnce(schemas, few, domainLists, encrypt, Object.values(few).flat().length);
}

// A wider candidate (WIDE=1): also the measured values and the scores.
const union = (a, b) => [...new Set([...a, ...b])];
const WIDER = {
  patients: domainLists.patients,
  visits: domainLists.visits,
  observations: union(domainLists.observations, ['value', 'components']),
  assessments: union(domainLists.assessments, ['total', 'band']),
};
const variants = [
  { lists: domainLists, encrypt: false },
  { lists: domainLists, encrypt: true },
  ...(process.env.WIDE ? [{ lists: WIDER, encrypt: true }] : []),
  ...(process.env.CRYPTOJS ? [{ lists: domainLists, encrypt: 'crypto-js' }] : []),
];
const [clear, encrypted, ...others] = await measure(schemas, docs, variants);
const wider = process.env.WIDE ? others.shift() : undefined;
const cryptoJs = process.env.CRYPTOJS ? others.shift() : undefined;
report('the domain schemas\' encrypted lists', clear, encrypted, encryptedValues(docs, domainLists));
if (cryptoJs) report('the same lists with RxDB\'s crypto-js plugin (before)', clear, cryptoJs, encryptedValues(docs, domainLists));
if (wider) {
  console.log(`\nwider candidate: ${Object.entries(WIDER).map(([c, l]) => `${c} [${l.join(', ')}]`).join('; ')}`);
  report('wider candidate', clear, wider, encryptedValues(docs, WIDER));
}
console.log(`\nload average (1 min) at the end: ${loadavg()[0].toFixed(2)} on ${cpus().length} cores (figures from a busy machine are lower for both)`);
