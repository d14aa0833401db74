import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedStore, type EmbeddedStore } from './embedded-store';

describe('the embedded store (PouchDB Server on disk, over HTTP)', () => {
  let dataDir: string;
  let store: EmbeddedStore;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'prossima-store-'));
    store = await startEmbeddedStore(dataDir);
  });

  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when many tablets pull one database’s changes at once, then every pull is answered and Node reports no listener leak', async () => {
    await fetch(`${store.url}busy`, { method: 'PUT' });
    const docs = Array.from({ length: 100 }, (_, i) => ({ _id: `doc-${i}`, n: i }));
    await fetch(`${store.url}busy/_bulk_docs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ docs }) });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      // Each pull keeps a listener on the database until it has read its documents: 30 at once overlap.
      const answers = await Promise.all(
        Array.from({ length: 30 }, () => fetch(`${store.url}busy/_changes?include_docs=true`).then((r) => r.json() as Promise<{ results: unknown[] }>)),
      );
      // Node emits process warnings on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(answers.map((a) => a.results.length)).toEqual(Array(30).fill(100));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});
