import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { unauthorized } from '../errors';
import type { AccessClaims, AccessTokens } from './tokens';

/** The authenticated caller, set on `res.locals` by `requireUser`. */
export function callerOf(res: Response): AccessClaims {
  const claims = res.locals['caller'] as AccessClaims | undefined;
  if (!claims) throw new Error('callerOf used on a route without requireUser');
  return claims;
}

/**
 * Rejects a request without a valid `Authorization: Bearer` access token
 * (401, JSON): a bad or expired signature, or a session or device revoked
 * since the token was issued (`session_revoked`, checked by `tokens.verify`
 * against the revocation list).
 */
export function requireUser(tokens: AccessTokens): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    const match = header?.match(/^Bearer ([A-Za-z0-9._~+/-]+=*)$/);
    if (!match) {
      next(unauthorized(header ? 'Authorization header must be "Bearer <access token>"' : 'Missing Authorization header: sign in first'));
      return;
    }
    tokens.verify(match[1]).then(
      (claims) => {
        res.locals['caller'] = claims;
        next();
      },
      next,
    );
  };
}
