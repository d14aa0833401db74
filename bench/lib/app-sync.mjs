// What the client benchmarks share: how many documents a user may read
// through the gateway, how many the app's page holds locally, and waiting
// until the first sync stored them all.
import { COLLECTIONS } from './collections.mjs';

/** Documents the nurse may read, per collection, counted through the gateway. */
export async function visibleCounts(base, token) {
  const counts = {};
  for (const collection of COLLECTIONS) {
    const response = await fetch(`${base}/sync/${collection}/_changes`, { headers: { authorization: `Bearer ${token}` } });
    if (response.ok) counts[collection] = (await response.json()).results.length;
  }
  return counts;
}

/** Rows in the page's RxDB/Dexie IndexedDB databases, per collection (encrypted or not, a row is a document). */
export function countLocalDocuments(collections) {
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

/** Polls the page until every document the user may read is stored locally; returns when it was seen. */
export async function waitForFirstSync(page, expected, { timeoutMs = 15 * 60_000, onPoll } = {}) {
  const started = performance.now();
  for (;;) {
    const local = await page.evaluate(countLocalDocuments, COLLECTIONS);
    onPoll?.(local);
    if (Object.entries(expected).every(([c, n]) => (local[c] ?? 0) >= n)) return performance.now();
    if (performance.now() - started > timeoutMs) throw new Error(`first sync did not finish: ${JSON.stringify(local)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
