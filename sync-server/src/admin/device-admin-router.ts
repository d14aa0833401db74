import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { callerOf, requireUser } from '../auth/require-user';
import type { AccessTokens } from '../auth/tokens';
import { forbidden, notFound } from '../errors';
import type { DeviceSessions } from './device-sessions';

/** Device ids as login accepts them. */
const DEVICE_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * `/api/admin/devices` (administrators only; 403 for every other role):
 * - `GET /`: devices with their sessions;
 * - `POST /:deviceId/revoke`: sign the device out everywhere, at once.
 */
export function deviceAdminRouter(deps: { tokens: AccessTokens; devices: DeviceSessions; log: Logger }): Router {
  const router = Router();
  router.use(requireUser(deps.tokens));
  router.use((_req: Request, res: Response, next: NextFunction) => {
    const { user } = callerOf(res);
    if (user.role !== 'admin') throw forbidden(`Only administrators manage devices, not role "${user.role}"`);
    next();
  });

  router.get('/', async (_req, res) => {
    res.json({ devices: await deps.devices.list() });
  });

  router.post('/:deviceId/revoke', async (req, res) => {
    const deviceId = String(req.params['deviceId']);
    if (!DEVICE_ID.test(deviceId)) throw notFound(`No device "${deviceId.slice(0, 64)}" has ever signed in`);
    const { user } = callerOf(res);
    const result = await deps.devices.revoke(deviceId, user);
    // Who revoked which device: ids only, no personal or clinical data.
    deps.log.info({ deviceId, by: user.id, sessionsRevoked: result.sessionsRevoked }, 'device revoked');
    res.json(result);
  });

  return router;
}
