import type { SessionUser } from '@prossima/domain';
import { GLOBAL_DATABASES, type CouchStore } from '../store/couch-store';
import { HttpError, storeUnavailable } from '../errors';

/** An account as stored: the session user plus its password hash. */
export interface StoredUser extends SessionUser {
  passwordHash: string;
  active: boolean;
  /** Demo accounts exist only in demo mode; a production server refuses them. */
  demo: boolean;
}

interface UserDoc extends StoredUser {
  _id: string;
  _rev?: string;
}

/** A device's refresh token, stored by hash. */
export interface RefreshTokenRecord {
  userId: string;
  username: string;
  deviceId: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
}

/** A refresh token record as stored, with its key (the session id). */
export type StoredRefreshToken = RefreshTokenRecord & { _id: string; _rev: string };

const userKey = (username: string) => `user:${username}`;

/** Accounts and refresh tokens in the store. */
export class UserStore {
  constructor(private readonly store: CouchStore) {}

  /** Create the global databases. */
  async init(): Promise<void> {
    await this.store.ensureDatabase(GLOBAL_DATABASES.users);
    await this.store.ensureDatabase(GLOBAL_DATABASES.refreshTokens);
  }

  /** The account of `username`, or null. */
  async findByUsername(username: string): Promise<StoredUser | null> {
    const doc = await this.getOrNull<UserDoc>(GLOBAL_DATABASES.users, userKey(username));
    if (!doc) return null;
    const { _id, _rev, ...user } = doc;
    return user;
  }

  /** Create an account unless one with that username exists; returns whether it was created. */
  async createIfMissing(user: StoredUser): Promise<boolean> {
    try {
      await this.store.request({ db: GLOBAL_DATABASES.users, doc: userKey(user.username), method: 'PUT', body: user });
      return true;
    } catch (error) {
      if (error instanceof HttpError && error.status === 409) return false;
      throw error;
    }
  }

  /** Store a refresh token record under its key. */
  async saveRefreshToken(key: string, record: RefreshTokenRecord): Promise<void> {
    await this.store.request({ db: GLOBAL_DATABASES.refreshTokens, doc: key, method: 'PUT', body: record });
  }

  /** The refresh token record under `key`, or null. */
  async findRefreshToken(key: string): Promise<StoredRefreshToken | null> {
    return this.getOrNull(GLOBAL_DATABASES.refreshTokens, key);
  }

  /** Mark a refresh token revoked (kept, so a replay is recognised as such). */
  async revokeRefreshToken(key: string, at: Date): Promise<void> {
    const record = await this.findRefreshToken(key);
    if (!record || record.revokedAt) return;
    await this.store.request({
      db: GLOBAL_DATABASES.refreshTokens,
      doc: key,
      method: 'PUT',
      body: { ...record, revokedAt: at.toISOString() },
    });
  }

  /**
   * The refresh token records matching a Mango `selector` (the store's
   * `_selector` filter on the changes feed: no index needed, works on the
   * embedded store and on CouchDB alike).
   */
  async findRefreshTokens(selector: Record<string, unknown>): Promise<StoredRefreshToken[]> {
    const answer = await this.store.request<{ results: { deleted?: boolean; doc?: StoredRefreshToken }[] }>({
      db: GLOBAL_DATABASES.refreshTokens,
      path: '_changes',
      method: 'POST',
      qs: { filter: '_selector', include_docs: 'true', style: 'main_only' },
      body: { selector },
    });
    return answer.results.flatMap((row) => (row.deleted || !row.doc ? [] : [row.doc]));
  }

  /**
   * Mark several refresh tokens revoked at once; those already revoked are
   * left as they are. A record changed meanwhile (a 409 from the store) is read
   * again and revoked on a second pass, so none is left open by a race.
   */
  async revokeRefreshTokens(records: StoredRefreshToken[], at: Date): Promise<number> {
    let pending = records.filter((record) => !record.revokedAt);
    let revoked = 0;
    for (let attempt = 0; pending.length && attempt < 3; attempt++) {
      const docs = pending.map((record) => ({ ...record, revokedAt: at.toISOString() }));
      const results = await this.store.request<{ id: string; ok?: boolean; error?: string }[]>({
        db: GLOBAL_DATABASES.refreshTokens,
        path: '_bulk_docs',
        method: 'POST',
        body: { docs },
      });
      revoked += results.filter((result) => result.ok).length;
      const conflicted = new Set(results.filter((result) => result.error === 'conflict').map((result) => result.id));
      const reread = await Promise.all([...conflicted].map((key) => this.findRefreshToken(key)));
      pending = reread.filter((record): record is StoredRefreshToken => record !== null && !record.revokedAt);
    }
    if (pending.length) throw storeUnavailable('Could not revoke every session; retry');
    return revoked;
  }

  private async getOrNull<T>(db: string, id: string): Promise<T | null> {
    try {
      return await this.store.request<T>({ db, doc: id });
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) return null;
      throw error;
    }
  }
}
