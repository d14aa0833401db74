import type { VisitDoc } from '@prossima/domain';
import type { AuditedPatch } from '../../core/sync/local-writes';

/**
 * The change that saves a visit note: the note; a planned visit becomes
 * in progress and gets its start time (kept if already set); the audit fields.
 */
export function visitNotePatch(visit: VisitDoc, note: string, userId: string, now: Date): AuditedPatch<VisitDoc> {
  const at = now.toISOString();
  return {
    note,
    ...(visit.status === 'planned' ? { status: 'in-progress' as const } : {}),
    ...(visit.startedAt ? {} : { startedAt: at }),
    updatedAt: at,
    updatedBy: userId,
  };
}
