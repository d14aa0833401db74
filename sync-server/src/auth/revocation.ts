import { HttpError, unauthorized } from '../errors';
import { GLOBAL_DATABASES, type CouchStore, type Sequence } from '../store/couch-store';
import type { AccessClaims, RevocationCheck } from './tokens';

/** How the revocation list is kept. */
export interface RevocationOptions {
  /** Lifetime of an access token: a revocation older than this (plus a minute of clock skew) can no longer matter. */
  accessTokenTtlSeconds: number;
  /** How long a read of the store is trusted before the next request reads what changed since (a few seconds). */
  cacheMs?: number;
  now?: () => number;
}

/** A revoked device as stored: every session opened on it before `revokedAt` is refused. */
export interface DeviceRevocation {
  deviceId: string;
  revokedAt: string;
  revokedBy: string;
}

interface ChangesAnswer<T> {
  results: { id: string; deleted?: boolean; doc?: T }[];
  last_seq: Sequence;
}

const SKEW_MS = 60_000;
const deviceKey = (deviceId: string) => `device:${deviceId}`;

/**
 * The sessions (refresh tokens) and devices revoked recently enough that an
 * access token issued before could still be alive. Read from the store
 * incrementally (the changes since the last read, so a large token database
 * costs one full read per process), trusted for a few seconds, and updated at
 * once by this process's own revocations. Other replicas see a revocation
 * within `cacheMs`.
 */
export class RevocationList implements RevocationCheck {
  private readonly sessions = new Map<string, number>();
  private readonly devices = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private sessionsSince: Sequence = 0;
  private devicesSince: Sequence = 0;
  private readAt = Number.NEGATIVE_INFINITY;
  private reading: Promise<void> | null = null;
  private readonly cacheMs: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: CouchStore,
    options: RevocationOptions,
  ) {
    this.cacheMs = options.cacheMs ?? 3_000;
    this.windowMs = options.accessTokenTtlSeconds * 1000 + SKEW_MS;
    this.now = options.now ?? Date.now;
  }

  /** Throws a 401 `session_revoked` when the token's session, or its device since the token was issued, was revoked. */
  async assertActive(claims: AccessClaims): Promise<void> {
    await this.refresh();
    if (this.sessions.has(claims.sessionId)) {
      throw unauthorized('This session was signed out or revoked; sign in again', 'session_revoked');
    }
    const deviceRevokedAt = this.devices.get(claims.deviceId);
    if (deviceRevokedAt !== undefined && claims.issuedAt <= deviceRevokedAt) {
      throw unauthorized('This device was revoked by an administrator; sign in again', 'session_revoked');
    }
  }

  /** Note a session this process revoked (logout, device revocation): refused from the next request on. */
  noteSessionRevoked(sessionId: string, at: Date): void {
    this.sessions.set(sessionId, at.getTime());
    this.announce();
  }

  /**
   * Calls `listener` after each revocation this process makes (open streams
   * check their token again then, instead of at their next heartbeat).
   * Returns the function that stops it.
   */
  onRevoked(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private announce(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Record a device as revoked in the store and note it here at once. */
  async recordDeviceRevocation(revocation: DeviceRevocation): Promise<void> {
    await this.store.ensureDatabase(GLOBAL_DATABASES.revokedDevices);
    const key = deviceKey(revocation.deviceId);
    let stored: { _rev: string } | null = null;
    try {
      stored = await this.store.request<{ _rev: string }>({ db: GLOBAL_DATABASES.revokedDevices, doc: key });
    } catch (error) {
      // Not found: the device was never revoked before.
      if (!(error instanceof HttpError && error.status === 404)) throw error;
    }
    await this.store.request({
      db: GLOBAL_DATABASES.revokedDevices,
      doc: key,
      method: 'PUT',
      body: { ...revocation, ...(stored ? { _rev: stored._rev } : {}) },
    });
    this.devices.set(revocation.deviceId, Date.parse(revocation.revokedAt));
    this.announce();
  }

  /** Every device ever revoked, by device id (for the administrator's list). */
  async revokedDevices(): Promise<Map<string, DeviceRevocation>> {
    await this.store.ensureDatabase(GLOBAL_DATABASES.revokedDevices);
    const answer = await this.store.request<{ rows: { doc?: DeviceRevocation }[] }>({
      db: GLOBAL_DATABASES.revokedDevices,
      path: '_all_docs',
      qs: { include_docs: 'true' },
    });
    return new Map(answer.rows.flatMap((row) => (row.doc ? [[row.doc.deviceId, row.doc] as const] : [])));
  }

  /** Read what changed since the last read, unless that read is recent; concurrent callers share one read. */
  private async refresh(): Promise<void> {
    if (this.now() - this.readAt < this.cacheMs) return;
    this.reading ??= this.readChanges().finally(() => {
      this.reading = null;
    });
    await this.reading;
  }

  private async readChanges(): Promise<void> {
    const startedAt = this.now();
    const cutoff = new Date(startedAt - this.windowMs).toISOString();
    await this.store.ensureDatabase(GLOBAL_DATABASES.revokedDevices);
    const [sessions, devices] = await Promise.all([
      this.store.request<ChangesAnswer<{ revokedAt?: string }>>({
        db: GLOBAL_DATABASES.refreshTokens,
        path: '_changes',
        method: 'POST',
        qs: { since: this.sessionsSince, filter: '_selector', include_docs: 'true', style: 'main_only' },
        body: { selector: { revokedAt: { $gt: cutoff } } },
      }),
      this.store.request<ChangesAnswer<DeviceRevocation>>({
        db: GLOBAL_DATABASES.revokedDevices,
        path: '_changes',
        qs: { since: this.devicesSince, include_docs: 'true', style: 'main_only' },
      }),
    ]);
    for (const row of sessions.results) {
      if (row.doc?.revokedAt) this.sessions.set(row.id, Date.parse(row.doc.revokedAt));
    }
    for (const row of devices.results) {
      if (row.doc?.deviceId && row.doc.revokedAt) this.devices.set(row.doc.deviceId, Date.parse(row.doc.revokedAt));
    }
    // Sequences go back to the store exactly as it gave them (CouchDB 3's are opaque strings).
    this.sessionsSince = sessions.last_seq;
    this.devicesSince = devices.last_seq;
    this.forgetOlderThan(startedAt - this.windowMs);
    this.readAt = startedAt;
  }

  private forgetOlderThan(cutoff: number): void {
    for (const map of [this.sessions, this.devices]) {
      for (const [key, revokedAt] of map) if (revokedAt < cutoff) map.delete(key);
    }
  }
}
