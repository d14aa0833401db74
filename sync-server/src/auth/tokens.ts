import { createHash, randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { isRole, type SessionUser } from '@prossima/domain';
import { unauthorized } from '../errors';

/** What an access token vouches for: the user, and the device the session was opened on. */
export interface AccessClaims {
  user: SessionUser;
  deviceId: string;
}

const ISSUER = 'prossima';

/** Signs and checks the short-lived access tokens (HS256 JWT). */
export class AccessTokens {
  constructor(
    private readonly secret: Uint8Array,
    readonly ttlSeconds: number,
  ) {}

  /** A signed token for `user` on `deviceId`. */
  sign({ user, deviceId }: AccessClaims): Promise<string> {
    return new SignJWT({
      username: user.username,
      name: user.displayName,
      role: user.role,
      district: user.districtId,
      patient: user.patientId,
      device: deviceId,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.secret);
  }

  /** The claims of a valid token; a 401 naming why otherwise. */
  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.secret, { issuer: ISSUER, algorithms: ['HS256'] });
      if (!payload.sub || !isRole(payload['role']) || typeof payload['device'] !== 'string') {
        throw unauthorized('Access token is missing required claims');
      }
      return {
        deviceId: payload['device'],
        user: {
          id: payload.sub,
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
