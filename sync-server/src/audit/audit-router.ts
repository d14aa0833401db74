import { Router, json } from 'express';
import { z } from 'zod';
import { DISTRICT_ID_PATTERN, DOCUMENT_ID_PATTERN, type Role } from '@prossima/domain';
import { callerOf, requireUser } from '../auth/require-user';
import type { AccessTokens } from '../auth/tokens';
import { badRequest, forbidden, HttpError } from '../errors';
import { CLOCK_SKEW_MS, isPastInstant, limitOf, parseBody, queryParam } from '../request-body';
import type { DocumentAccess } from '../sync/document-access';
import { MAX_AUDIT_LIMIT, type AuditLog } from './audit-log';

/** Most openings one request may carry (a tablet's offline queue is sent in batches). */
export const MAX_OPENINGS_PER_REQUEST = 500;
/** Entries listed when no `limit` is given. */
const DEFAULT_LIMIT = 100;

/** Staff whose openings of a patient's record are audited. */
const OPENING_ROLES: ReadonlySet<Role> = new Set(['nurse', 'district-nurse', 'coordinator']);

const ID_RE = new RegExp(DOCUMENT_ID_PATTERN);
const DISTRICT_RE = new RegExp(DISTRICT_ID_PATTERN);

const openingsBody = z
  .object({
    events: z
      .array(
        z
          .object({
            patientId: z.string({ error: 'patientId is required (a string)' }).regex(ID_RE, `patientId must match ${DOCUMENT_ID_PATTERN}`),
            at: z.string({ error: 'at is required (an ISO instant)' }),
          })
          .strict(),
        { error: 'events is required (an array of {patientId, at})' },
      )
      .min(1, 'events must not be empty')
      .max(MAX_OPENINGS_PER_REQUEST, `at most ${MAX_OPENINGS_PER_REQUEST} events per request`),
  })
  .strict();

/**
 * `/api/audit`: staff report the patient records they opened (queued on the
 * tablet while offline), and coordinators and administrators read a
 * patient's trail. The trail itself is append-only and has no write route.
 */
export function auditRouter(deps: { tokens: AccessTokens; audit: AuditLog; documents: DocumentAccess; now?: () => Date }): Router {
  const now = deps.now ?? (() => new Date());
  const router = Router();
  router.use(requireUser(deps.tokens));
  router.use(json({ limit: '128kb' }));

  /** `POST /api/audit/record-opened` `{events: [{patientId, at}]}` → `201 {recorded, received}`. */
  router.post('/record-opened', async (req, res) => {
    const { user, deviceId } = callerOf(res);
    if (!OPENING_ROLES.has(user.role) || !user.districtId) throw forbidden(`Role "${user.role}" does not open patient records as staff`);
    const { events } = parseBody(openingsBody, req.body);
    const at = now();
    events.forEach((event, i) => {
      if (!isPastInstant(event.at, at)) {
        throw badRequest(
          `events.${i}.at must be an ISO instant like 2026-05-04T09:30:00.000Z, not later than ${CLOCK_SKEW_MS / 60_000} minutes from now`,
          `events.${i}.at`,
        );
      }
    });
    const readable = await deps.documents.readable(user, 'patients', events.map((e) => e.patientId));
    const refused = events.findIndex((event) => !readable.has(event.patientId));
    if (refused >= 0) {
      const reason = `You may not open patient "${events[refused].patientId}": not in your care or not in your district`;
      throw new HttpError(403, 'forbidden', reason, `events.${refused}.patientId`);
    }
    const recorded = await deps.audit.recordOpenings(user.districtId, { userId: user.id, deviceId }, events);
    res.status(201).json({ ok: true, received: events.length, recorded });
  });

  /** `GET /api/audit?patientId=…&limit=…[&districtId=…]` → `{districtId, patientId, entries}`, newest first. */
  router.get('/', async (req, res) => {
    const { user } = callerOf(res);
    if (user.role !== 'coordinator' && user.role !== 'admin') throw forbidden(`Role "${user.role}" may not read the audit trail`);
    const patientId = queryParam(req.query, 'patientId');
    if (patientId === undefined) throw badRequest('Query parameter "patientId" is required', 'patientId');
    if (!ID_RE.test(patientId)) throw badRequest(`Query parameter "patientId" must match ${DOCUMENT_ID_PATTERN}`, 'patientId');
    const limit = limitOf(queryParam(req.query, 'limit'), MAX_AUDIT_LIMIT, DEFAULT_LIMIT);
    const districtId = districtOf(user.role, user.districtId, queryParam(req.query, 'districtId'));
    res.json({ districtId, patientId, entries: await deps.audit.forPatient(districtId, patientId, limit) });
  });

  return router;
}

/** The district whose trail is read: the coordinator's own; for an administrator, the one named in `districtId`. */
function districtOf(role: Role, own: string | null, asked: string | undefined): string {
  if (asked !== undefined && !DISTRICT_RE.test(asked)) throw badRequest(`Query parameter "districtId" must match ${DISTRICT_ID_PATTERN}`, 'districtId');
  if (role === 'admin') {
    if (asked === undefined) throw badRequest('Query parameter "districtId" is required for an administrator', 'districtId');
    return asked;
  }
  if (!own) throw forbidden('Your account belongs to no district');
  if (asked !== undefined && asked !== own) throw forbidden(`You may read the audit trail of your district "${own}" only, not "${asked}"`);
  return own;
}
