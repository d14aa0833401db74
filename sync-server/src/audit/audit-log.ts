import { randomBytes } from 'node:crypto';
import type { CollectionName } from '@prossima/domain';
import { districtDatabase, type CouchStore } from '../store/couch-store';

/** One accepted write: who, from which device, when, which document and revision. No document content. */
export interface AuditEntry {
  at: string;
  userId: string;
  deviceId: string;
  collection: CollectionName;
  docId: string;
  rev: string;
  action: 'create' | 'update' | 'delete';
}

/** Append-only audit trail, one store database per district. */
export class AuditLog {
  constructor(
    private readonly store: CouchStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Append entries for one district; the ids sort by time. */
  async append(districtId: string, entries: Omit<AuditEntry, 'at'>[]): Promise<void> {
    if (entries.length === 0) return;
    const db = districtDatabase(districtId, 'audit');
    await this.store.ensureDatabase(db);
    const at = this.now().toISOString();
    const docs = entries.map((entry) => ({ _id: `${at}-${randomBytes(6).toString('hex')}`, at, ...entry }));
    await this.store.request({ db, path: '_bulk_docs', method: 'POST', body: { docs } });
  }
}
