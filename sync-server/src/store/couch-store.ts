import { Readable } from 'node:stream';
import nano, { type ServerScope } from 'nano';
import type { CollectionName } from '@prossima/domain';
import { fromStoreError } from '../errors';

/** Databases that are not partitioned by district. */
export const GLOBAL_DATABASES = {
  users: 'prossima-users',
  refreshTokens: 'prossima-refresh-tokens',
  /** Devices an administrator revoked: `device:<deviceId>` → `{deviceId, revokedAt, revokedBy}`. */
  revokedDevices: 'prossima-revoked-devices',
} as const;

/** A CouchDB sequence: a number from PouchDB, an opaque string from CouchDB 3. Passed through, never computed with. */
export type Sequence = string | number;

/** The store database holding one district's documents of one collection. */
export function districtDatabase(districtId: string, collection: CollectionName | 'audit'): string {
  return `prossima-${districtId}-${collection}`;
}

/** Options of one raw store request (a thin typed view of nano's `request`). */
export interface StoreRequest {
  db: string;
  path?: string;
  doc?: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD';
  qs?: Record<string, unknown>;
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * The store as the server sees it: a CouchDB (embedded PouchDB Server or a
 * real cluster) reached over HTTP with `nano`. Errors come out as HttpErrors:
 * the store's own 4xx kept, anything else a 503.
 */
export class CouchStore {
  readonly server: ServerScope;
  private readonly known = new Set<string>();
  /** The store's URL without credentials, and the header carrying them. */
  private readonly base: URL;
  private readonly authorization: Record<string, string>;

  constructor(
    readonly url: string,
    readonly kind: 'embedded' | 'couchdb',
  ) {
    this.server = nano({ url });
    // fetch() refuses URLs with credentials: they travel as a Basic header instead (as nano does).
    const parsed = new URL(url.endsWith('/') ? url : `${url}/`);
    this.authorization = parsed.username
      ? { authorization: `Basic ${Buffer.from(`${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`).toString('base64')}` }
      : {};
    parsed.username = '';
    parsed.password = '';
    this.base = parsed;
  }

  /** One request to the store; resolves with the parsed JSON answer. */
  async request<T>(options: StoreRequest): Promise<T> {
    try {
      return (await this.server.request({ ...options, method: options.method?.toLowerCase() } as never)) as T;
    } catch (error) {
      throw fromStoreError(error);
    }
  }

  /**
   * One request whose JSON answer is passed on without being parsed: resolves
   * once the store answered 2xx, with the body as a Node stream (a store 4xx
   * rejects as that HttpError, anything else as a 503). The gateway's
   * `_changes` uses it: re-serialising a thousand documents cost the server
   * more than the store's own work for them.
   */
  async stream(options: StoreRequest): Promise<Readable> {
    const url = new URL([options.db, options.doc ?? options.path].filter(Boolean).map((part) => encodeURIComponent(part!).replace(/%2F/g, '/')).join('/'), this.base.href);
    for (const [key, value] of Object.entries(options.qs ?? {})) {
      url.searchParams.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    }
    let response: globalThis.Response;
    try {
      response = await fetch(url, {
        method: options.method ?? 'GET',
        headers: { accept: 'application/json', ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...this.authorization },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      throw fromStoreError(error);
    }
    if (!response.ok || !response.body) {
      const answer = (await response.json().catch(() => ({}))) as { error?: string; reason?: string };
      throw fromStoreError({ statusCode: response.status, ...answer });
    }
    return Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
  }

  /** Create the database if it does not exist (idempotent, remembered per process). */
  async ensureDatabase(name: string): Promise<void> {
    if (this.known.has(name)) return;
    try {
      await this.server.db.create(name);
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      // 412: it exists already, which is what we want.
      if (status !== 412) throw fromStoreError(error);
    }
    this.known.add(name);
  }

  /** True when the store answers its root URL. */
  async isReachable(signal?: AbortSignal): Promise<boolean> {
    try {
      await this.server.request({ path: '', signal } as never);
      return true;
    } catch {
      return false;
    }
  }
}
