import { randomBytes } from 'node:crypto';
import { Router, json } from 'express';
import { z } from 'zod';
import { parseBody } from '../request-body';
import type { AuthService } from './auth-service';
import { callerOf, requireUser } from './require-user';
import type { AccessTokens } from './tokens';

const loginBody = z.object({
  username: z.string({ error: 'username is required (a string)' }).trim().min(1, 'username must not be empty').max(100),
  password: z.string({ error: 'password is required (a string)' }).min(1, 'password must not be empty').max(200),
  deviceId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'deviceId must be 8–64 letters, digits, "-" or "_"')
    .optional(),
});
const refreshBody = z.object({
  refreshToken: z.string({ error: 'refreshToken is required (a string)' }).min(20).max(200),
});

/** `/api/auth`: login, refresh, logout, me. */
export function authRouter(auth: AuthService, tokens: AccessTokens): Router {
  const router = Router();
  router.use(json({ limit: '8kb' }));

  router.post('/login', async (req, res) => {
    const { username, password, deviceId } = parseBody(loginBody, req.body);
    // Without a device id each login is its own device, so revoking one never signs out strangers sharing a name.
    res.json(await auth.login(username, password, deviceId ?? `unnamed-${randomBytes(8).toString('hex')}`));
  });

  router.post('/refresh', async (req, res) => {
    const { refreshToken } = parseBody(refreshBody, req.body);
    res.json(await auth.refresh(refreshToken));
  });

  router.post('/logout', async (req, res) => {
    const { refreshToken } = parseBody(refreshBody, req.body);
    await auth.logout(refreshToken);
    res.status(204).end();
  });

  router.get('/me', requireUser(tokens), (_req, res) => {
    res.json({ user: callerOf(res).user });
  });

  return router;
}
