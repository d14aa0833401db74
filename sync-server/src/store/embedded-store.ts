import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createRequire } from 'node:module';

// express-pouchdb and pouchdb are CommonJS without types of their own.
const require = createRequire(import.meta.url);

/** Changes feeds one store database may have open at once before Node's leak warning. */
const CONCURRENT_FEEDS_PER_DATABASE = 1000;

/** A running embedded CouchDB-compatible store. */
export interface EmbeddedStore {
  /** Base URL, e.g. `http://127.0.0.1:41234/`; reached over HTTP like a real CouchDB. */
  url: string;
  close(): Promise<void>;
}

/**
 * Start PouchDB Server (pouchdb 9 + express-pouchdb) on disk under
 * `dataDir/store`, listening on a free loopback port. It runs as its own HTTP
 * server (express-pouchdb brings express 4, which breaks when mounted inside
 * express 5) and the gateway talks to it with the same client as to CouchDB.
 */
export async function startEmbeddedStore(dataDir: string): Promise<EmbeddedStore> {
  const storeDir = join(dataDir, 'store');
  mkdirSync(storeDir, { recursive: true });
  const PouchDB = require('pouchdb').defaults({ prefix: storeDir + '/' });
  const expressPouchDB = require('express-pouchdb');
  // minimumForPouchDB: the replication routes only, no config or log files written to the working folder.
  const pouchApp = expressPouchDB(PouchDB, { mode: 'minimumForPouchDB' });
  // Each open changes feed adds a 'destroyed' listener to its database until it ends. Many tablets pulling one
  // district's collection at once is load, not a leak, yet Node warns of a leak from the 11th. The cap stays finite
  // so that a real leak would still show. (Live feeds also share one emitter per database in PouchDB's LevelDB code,
  // out of reach here: tablets pull with normal feeds, and the gateway keeps one long poll per database.)
  pouchApp.dbWrapper.registerWrapper((_name: string, db: { setMaxListeners(n: number): void }, next: () => unknown) => {
    db.setMaxListeners(CONCURRENT_FEEDS_PER_DATABASE);
    return next();
  });

  const server: Server = createServer((req, res) => {
    if (isSelectorChangesPost(req)) {
      moveSelectorBodyIntoQuery(req, () => pouchApp(req, res));
    } else {
      pouchApp(req, res);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function isSelectorChangesPost(req: IncomingMessage): boolean {
  return req.method === 'POST' && /\/_changes(\?|$)/.test(req.url ?? '') && /[?&]filter=_selector(&|$)/.test(req.url ?? '');
}

/**
 * CouchDB takes `POST _changes?filter=_selector` with `{selector}` in the body;
 * express-pouchdb reads the selector only from the query. Read the body and
 * hand the request on as the equivalent GET (the URL is internal, so its
 * length does not matter).
 */
function moveSelectorBodyIntoQuery(req: IncomingMessage, next: () => void): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { selector?: unknown };
      if (body.selector !== undefined) req.url += `&selector=${encodeURIComponent(JSON.stringify(body.selector))}`;
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      // A malformed body is left for the store to refuse as it would any other.
    }
    req.method = 'GET';
    delete req.headers['content-length'];
    next();
  });
}
