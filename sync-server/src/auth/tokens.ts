import { createHash, randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { isRole, type SessionUser } from '@prossima/domain';
import { unauthorized } from '../errors';

/** What an access token is signed for: the user, the device and the session (refresh token) it belongs to. */
export interface SessionClaims {
  user: SessionUser;
  deviceId: string;
  /** The key of the refresh-token record the session lives in (`sid`): revoking it stops this token. */
  sessionId: string;
}

/** What a verified access token vouches for: its session, and when it was issued and expires (epoch ms). */
export interface AccessClaims extends SessionClaims {
  issuedAt: number;
  expiresAt: number;
}

/** Decides whether a correctly signed token's session or device has been revoked since (a 401 `session_revoked` if so). */
export interface RevocationCheck {
  assertActive(claims: AccessClaims): Promise<void>;
}

const ISSUER = 'prossima';

/**
 * Signs and checks the short-lived access tokens (HS256 JWT). Checking a
 * token includes the revocation list, so every route behind `requireUser`
 * refuses a token whose session or device was revoked, before it expires.
 */
export class AccessTokens {
  constructor(
    private readonly secret: Uint8Array,
    readonly ttlSeconds: number,
    private readonly revocations: RevocationCheck,
  ) {}

  /** A signed token for `user` on `deviceId`, in the session `sessionId`. */
  sign({ user, deviceId, sessionId }: SessionClaims): Promise<string> {
    return new SignJWT({
      username: user.username,
      name: user.displayName,
      role: user.role,
      district: user.districtId,
      patient: user.patientId,
      device: deviceId,
      sid: sessionId,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.secret);
  }

  /** The claims of a valid, unrevoked token; a 401 naming why otherwise. */
  async verify(token: string): Promise<AccessClaims> {
    const claims = await this.verifySignature(token);
    await this.revocations.assertActive(claims);
    return claims;
  }

  private async verifySignature(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.secret, { issuer: ISSUER, algorithms: ['HS256'] });
      const { sub, iat, exp } = payload;
      if (!sub || !isRole(payload['role']) || typeof payload['device'] !== 'string' || typeof payload['sid'] !== 'string' || !iat || !exp) {
        throw unauthorized('Access token is missing required claims');
      }
      return {
        deviceId: payload['device'],
        sessionId: payload['sid'],
        issuedAt: iat * 1000,
        expiresAt: exp * 1000,
        user: {
          id: sub,
          username: String(payload['username']),
          displayName: String(payload['name']),
          role: payload['role'],
          districtId: typeof payload['district'] === 'string' ? payload['district'] : null,
          ...(typeof payload['patient'] === 'string' ? { patientId: payload['patient'] } : {}),
        },
      };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthorized('Access token expired', 'token_expired');
      if (error instanceof joseErrors.JOSEError) throw unauthorized('Access token is not valid');
      throw error;
    }
  }
}

/** A new opaque refresh token (256 random bits). */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Refresh tokens are stored by their hash only, so a copy of the store cannot be replayed. */
export function refreshTokenKey(token: string): string {
  return 'rt-' + createHash('sha256').update(token).digest('hex');
}
