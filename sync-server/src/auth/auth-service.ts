import type { SessionUser } from '@prossima/domain';
import { unauthorized } from '../errors';
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from './passwords';
import type { RevocationList } from './revocation';
import { AccessTokens, newRefreshToken, refreshTokenKey } from './tokens';
import type { StoredUser, UserStore } from './user-store';

/** What login and refresh answer. */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: SessionUser;
}

/** Login, refresh and logout: passwords checked, tokens issued and revoked. */
export class AuthService {
  constructor(
    private readonly users: UserStore,
    private readonly tokens: AccessTokens,
    private readonly revocations: RevocationList,
    private readonly options: { refreshTokenTtlDays: number; allowDemoAccounts: boolean; now?: () => Date },
  ) {}

  private decoy: Promise<string> | null = null;

  private decoyHash(): Promise<string> {
    this.decoy ??= hashPassword(randomBytes(16).toString('hex'));
    return this.decoy;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Check the password and open a session on `deviceId`; a 401 that does not say which part was wrong otherwise. */
  async login(username: string, password: string, deviceId: string): Promise<SessionTokens> {
    const stored = await this.users.findByUsername(username);
    // An unknown username costs the same scrypt work, so timing does not tell which accounts exist.
    const passwordOk = await verifyPassword(password, stored?.passwordHash ?? (await this.decoyHash()));
    if (!stored || !passwordOk || !stored.active || (stored.demo && !this.options.allowDemoAccounts)) {
      throw unauthorized('Wrong username or password', 'invalid_credentials');
    }
    const user = toSessionUser(stored);
    const refreshToken = newRefreshToken();
    const sessionId = refreshTokenKey(refreshToken);
    const now = this.now();
    await this.users.saveRefreshToken(sessionId, {
      userId: user.id,
      username: user.username,
      deviceId,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.options.refreshTokenTtlDays * 86_400_000).toISOString(),
    });
    return { accessToken: await this.tokens.sign({ user, deviceId, sessionId }), refreshToken, expiresIn: this.tokens.ttlSeconds, user };
  }

  /** A new access token for a valid refresh token (the refresh token itself is kept: offline tablets may miss a rotation). */
  async refresh(refreshToken: string): Promise<SessionTokens> {
    const sessionId = refreshTokenKey(refreshToken);
    const record = await this.users.findRefreshToken(sessionId);
    if (!record || record.revokedAt || new Date(record.expiresAt) <= this.now()) {
      throw unauthorized('Refresh token is revoked, expired or unknown; sign in again', 'invalid_refresh_token');
    }
    const stored = await this.users.findByUsername(record.username);
    if (!stored || !stored.active || (stored.demo && !this.options.allowDemoAccounts)) {
      throw unauthorized('The account is no longer active', 'invalid_refresh_token');
    }
    const user = toSessionUser(stored);
    return {
      accessToken: await this.tokens.sign({ user, deviceId: record.deviceId, sessionId }),
      refreshToken,
      expiresIn: this.tokens.ttlSeconds,
      user,
    };
  }

  /**
   * Revoke a refresh token (logout), and with it the session's access tokens
   * still alive. Unknown tokens are ignored: logout is idempotent.
   */
  async logout(refreshToken: string): Promise<void> {
    const sessionId = refreshTokenKey(refreshToken);
    const now = this.now();
    await this.users.revokeRefreshToken(sessionId, now);
    this.revocations.noteSessionRevoked(sessionId, now);
  }
}

function toSessionUser(stored: StoredUser): SessionUser {
  return {
    id: stored.id,
    username: stored.username,
    displayName: stored.displayName,
    role: stored.role,
    districtId: stored.districtId,
    ...(stored.patientId ? { patientId: stored.patientId } : {}),
  };
}
