import type { SessionUser } from '@prossima/domain';
import { GLOBAL_DATABASES, type CouchStore } from '../store/couch-store';
import { HttpError } from '../errors';

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
  async findRefreshToken(key: string): Promise<(RefreshTokenRecord & { _rev: string }) | null> {
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

  private async getOrNull<T>(db: string, id: string): Promise<T | null> {
    try {
      return await this.store.request<T>({ db, doc: id });
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) return null;
      throw error;
    }
  }
}
