import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake CouchDB received. */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/** The answer to one request: a status and a JSON body; `null` leaves the request open (a long poll that never wakes). */
export type FakeAnswer = { status: number; body: unknown } | null;

/** A scripted CouchDB 3 impostor over real HTTP, for the few behaviours PouchDB Server does not share (string sequences). */
export interface FakeCouchDb {
  url: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

/**
 * Start an HTTP server on loopback that answers each request with
 * `answer(request)`. It stands in for CouchDB only where the embedded store
 * cannot: CouchDB 3's opaque string sequences.
 */
export async function startFakeCouchDb(answer: (request: FakeRequest) => FakeAnswer): Promise<FakeCouchDb> {
  const requests: FakeRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const text = Buffer.concat(chunks).toString('utf8');
      const request = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, body: text ? (JSON.parse(text) as unknown) : null };
      requests.push(request);
      const reply = answer(request);
      if (!reply) return;
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
