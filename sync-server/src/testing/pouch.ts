import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The part of a PouchDB database the tests use (PouchDB's own typings drag the DOM library in). */
export interface PouchDatabase {
  replicate: {
    from(source: PouchDatabase): Promise<ReplicationResult>;
    to(target: PouchDatabase): Promise<ReplicationResult>;
  };
  allDocs(): Promise<{ rows: { id: string }[] }>;
  get<T extends object>(id: string): Promise<T & { _id: string; _rev: string }>;
  put(doc: object): Promise<{ ok: boolean; id: string; rev: string }>;
}

/** What a one-off replication reports. */
export interface ReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
}

type PouchConstructor = (new (name: string, options?: object) => PouchDatabase) & { fetch: typeof fetch };

const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb') as PouchConstructor;

/** A PouchDB client database on disk in a temporary folder. */
export function localPouch(name: string): PouchDatabase {
  return new PouchDB(join(mkdtempSync(join(tmpdir(), 'prossima-pouch-')), name));
}

/** A PouchDB handle on a gateway URL that sends `token` as a Bearer token. */
export function remotePouch(url: string, token: string): PouchDatabase {
  return new PouchDB(url, {
    skip_setup: true,
    fetch: (input: string | Request, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('Authorization', `Bearer ${token}`);
      return PouchDB.fetch(input, { ...init, headers });
    },
  });
}

/** Ids of the live documents in a database, sorted. */
export async function idsIn(db: PouchDatabase): Promise<string[]> {
  const all = await db.allDocs();
  return all.rows.map((row) => row.id).sort();
}
