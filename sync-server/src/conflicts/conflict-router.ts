import { Router, json } from 'express';
import { DOCUMENT_ID_PATTERN } from '@prossima/domain';
import { callerOf, requireUser } from '../auth/require-user';
import type { AccessTokens } from '../auth/tokens';
import { badRequest, forbidden } from '../errors';
import { limitOf, parseBody, queryParam } from '../request-body';
import type { DocumentAccess } from '../sync/document-access';
import type { DocumentValidator } from '../sync/document-validator';
import type { ConflictLog } from './conflict-log';
import { ConflictReports, conflictsBody } from './conflict-reports';

const ID_RE = new RegExp(DOCUMENT_ID_PATTERN);
/** Most conflicts one answer lists, and how many when no `limit` is given. */
const MAX_LISTED = 1000;
const DEFAULT_LISTED = 100;

/**
 * `/api/conflicts`: tablets report the concurrent edits they merged (the
 * losing revision is kept, never dropped), and coordinators open the log of
 * their district.
 */
export function conflictRouter(deps: {
  tokens: AccessTokens;
  conflicts: ConflictLog;
  documents: DocumentAccess;
  validator: DocumentValidator;
  now?: () => Date;
}): Router {
  const now = deps.now ?? (() => new Date());
  const reports = new ConflictReports(deps.validator, deps.documents);
  const router = Router();
  router.use(requireUser(deps.tokens));
  // Each report carries two documents of at most 64 KB.
  router.use(json({ limit: '4mb' }));

  /** `POST /api/conflicts` `{entries: [...]}` → `201 {ok, received, recorded}`. */
  router.post('/', async (req, res) => {
    const { user, deviceId } = callerOf(res);
    if (!user.districtId) throw forbidden(`Role "${user.role}" has no clinical documents to report conflicts on`);
    const { entries } = parseBody(conflictsBody, req.body);
    const checked = await reports.check(user, entries, now());
    const recorded = await deps.conflicts.append(user.districtId, { userId: user.id, deviceId }, checked);
    res.status(201).json({ ok: true, received: entries.length, recorded });
  });

  /** `GET /api/conflicts[?patientId=…][&limit=…]` → `{districtId, entries}`, newest first. */
  router.get('/', async (req, res) => {
    const { user } = callerOf(res);
    if (user.role !== 'coordinator' || !user.districtId) throw forbidden(`Role "${user.role}" may not open the conflict log`);
    const patientId = queryParam(req.query, 'patientId');
    if (patientId !== undefined && !ID_RE.test(patientId)) throw badRequest(`Query parameter "patientId" must match ${DOCUMENT_ID_PATTERN}`, 'patientId');
    const limit = limitOf(queryParam(req.query, 'limit'), MAX_LISTED, DEFAULT_LISTED);
    const entries = patientId
      ? await deps.conflicts.forPatient(user.districtId, patientId, limit)
      : await deps.conflicts.latest(user.districtId, limit);
    res.json({ districtId: user.districtId, ...(patientId ? { patientId } : {}), entries });
  });

  return router;
}
