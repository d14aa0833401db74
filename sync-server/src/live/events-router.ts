import { Router, type Request, type Response } from 'express';
import { callerOf, requireUser } from '../auth/require-user';
import type { RevocationList } from '../auth/revocation';
import type { AccessTokens } from '../auth/tokens';
import { HttpError } from '../errors';
import type { LiveEvents, LiveSink } from './live-events';

/** The content type of the stream; compression skips it (see app.ts) so events are never held in a buffer. */
export const EVENT_STREAM = 'text/event-stream';

/**
 * `GET /sync/_events`: one Server-Sent Events stream per device carrying
 * live changes of every collection the user may read.
 *
 *     event: ready            data: {"collections":["patients","visits",…]}
 *     event: change           data: {"collection":"visits"}
 *     event: access           data: {}          (the care team changed: read /api/sync/access)
 *     event: closed           data: {"error":"session_revoked","reason":…}   (then the stream ends)
 *     : heartbeat
 *
 * The Bearer token is read from the Authorization header (the client reads
 * the stream with fetch(), not EventSource). It is checked again at every
 * heartbeat, and at once after each revocation made by this process (a
 * revocation made by another replica is seen at the next heartbeat): a
 * revoked session or an expired token ends the stream.
 */
export function eventsRouter(deps: { tokens: AccessTokens; live: LiveEvents; revocations: Pick<RevocationList, 'onRevoked'> }): Router {
  const router = Router();
  router.get('/', requireUser(deps.tokens), async (req: Request, res: Response) => {
    const { user } = callerOf(res);
    let gone = false;
    res.on('close', () => {
      gone = true;
    });
    const sink: LiveSink = {
      send: (event, data) => writeEvent(res, event, data),
      end: () => res.end(),
    };
    const subscription = await deps.live.subscribe(user, sink);
    if (gone) {
      await subscription.close();
      return;
    }
    res.status(200);
    res.setHeader('Content-Type', `${EVENT_STREAM}; charset=utf-8`);
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    // nginx (and proxies that honour it) would otherwise buffer the stream.
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    writeEvent(res, 'ready', { collections: subscription.collections });

    const token = bearerToken(req);
    const beat = async () => {
      try {
        await deps.tokens.verify(token);
      } catch (error) {
        // The store briefly unreachable (a 503 from the revocation list) keeps the stream; the next beat checks again.
        const transient = error instanceof HttpError && error.status !== 401;
        if (!transient) {
          const { code, message } = error instanceof HttpError ? error : { code: 'internal_error', message: 'Internal server error' };
          writeEvent(res, 'closed', { error: code, reason: message });
          res.end();
          return;
        }
      }
      if (!res.writableEnded) res.write(': heartbeat\n\n');
    };
    const heartbeat = setInterval(() => void beat(), deps.live.options.heartbeatMs);
    const stopListening = deps.revocations.onRevoked(() => void beat());
    res.on('close', () => {
      clearInterval(heartbeat);
      stopListening();
      void subscription.close();
    });
  });
  return router;
}

function writeEvent(res: Response, event: string, data: Record<string, unknown>): void {
  if (res.writableEnded) return;
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** The raw access token (requireUser has already checked the header's shape). */
function bearerToken(req: Request): string {
  return (req.headers.authorization ?? '').replace(/^Bearer /, '');
}
