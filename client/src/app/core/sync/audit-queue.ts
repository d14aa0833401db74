import { inject, Injectable } from '@angular/core';
import type { Role } from '@prossima/domain';
import { AuthSession } from '../auth/auth-session';
import { CLOCK } from '../clock';
import { ReportQueue } from './report-queue';

/** One opening of a patient's record by staff. */
export interface RecordOpening {
  patientId: string;
  /** ISO instant. */
  at: string;
}

/** Staff whose openings of a record are audited (the patient opening their own is not). */
const STAFF: ReadonlySet<Role> = new Set<Role>(['nurse', 'district-nurse', 'coordinator']);

/**
 * The audit of record openings: when staff open a patient's record, the
 * opening is queued (also offline) and sent in batches to
 * `POST /api/audit/record-opened`, which adds it to the patient's
 * append-only audit trail.
 */
@Injectable({ providedIn: 'root' })
export class RecordOpenings {
  private readonly auth = inject(AuthSession);
  private readonly clock = inject(CLOCK);
  private readonly queue = new ReportQueue<RecordOpening>({
    what: 'openings',
    path: '/api/audit/record-opened',
    // The server takes at most 500 per request.
    maxBatch: 200,
    body: (events) => ({ events }),
  });

  /** The signed-in user opened `patientId`'s record: audited when the user is staff. */
  recordOpened(patientId: string): void {
    const role = this.auth.user()?.role;
    if (!role || !STAFF.has(role)) return;
    this.queue.add({ patientId, at: this.clock().toISOString() });
  }

  /** Openings not yet received by the server. */
  waiting(): number {
    return this.queue.size();
  }

  /** Sends the queued openings; `false` when the server could not be reached. */
  flush(): Promise<boolean> {
    return this.queue.flush();
  }
}
