import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
// PouchDB's constructor type is loose; it is used as a real CouchDB client in tests.
const PouchDB = require('pouchdb') as PouchDB.Static;

/** A PouchDB client database on disk in a temporary folder. */
export function localPouch(name: string): PouchDB.Database {
  return new PouchDB(join(mkdtempSync(join(tmpdir(), 'prossima-pouch-')), name));
}

/** A PouchDB handle on a gateway URL that sends `token` as a Bearer token. */
export function remotePouch(url: string, token: string): PouchDB.Database {
  return new PouchDB(url, {
    skip_setup: true,
    fetch: (input: string | Request, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('Authorization', `Bearer ${token}`);
      return (PouchDB as unknown as { fetch: typeof fetch }).fetch(input, { ...init, headers });
    },
  } as PouchDB.Configuration.RemoteDatabaseConfiguration);
}

/** Ids of the live documents in a database, sorted. */
export async function idsIn(db: PouchDB.Database): Promise<string[]> {
  const all = await db.allDocs();
  return all.rows.map((row) => row.id).sort();
}
