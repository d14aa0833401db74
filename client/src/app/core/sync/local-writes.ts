import { inject, Injectable } from '@angular/core';
import type { CollectionName } from '@prossima/domain';
import { firstValueFrom, of } from 'rxjs';
import { DatabaseService } from '../database/database';
import { DocumentOf } from '../database/database-types';
import { AppError } from '../errors/app-errors';
import { PendingChanges } from './pending-changes';

/** A change to a synced document: it must say when and by whom (DESIGN.md, "Data"). */
export type AuditedPatch<T> = Partial<T> & { updatedAt: string; updatedBy: string };

/** A new synced document: it carries its id and the audited pair. */
export type NewDocument<T> = T & { id: string; updatedAt: string; updatedBy: string };

/**
 * Local writes to synced collections. Every write of every collection goes
 * through here (screens never call RxDB's insert or patch themselves) so it is
 * counted as pending until the replication reports it sent. Writes are local
 * only: they work offline, and sync carries them to the server later.
 */
@Injectable({ providedIn: 'root' })
export class LocalWrites {
  private readonly database = inject(DatabaseService);
  private readonly pending = inject(PendingChanges);

  /**
   * Inserts a new document (an append-only record, a new mutable one);
   * returns it as stored. Throws `save-failed` when the collection is not on
   * this device or the write fails (e.g. the id exists).
   */
  async insert<C extends CollectionName>(collection: C, doc: NewDocument<DocumentOf[C]>): Promise<DocumentOf[C]> {
    const target = (await this.openDatabase()).collections[collection];
    if (!target) throw new AppError('save-failed', `${collection} is not on this device`);
    const undo = this.pending.record({ collection, id: doc.id, updatedAt: doc.updatedAt });
    try {
      // The collection's type is a union over the collections; the document fits this one.
      const written = await (target as unknown as { insert(d: unknown): Promise<{ toMutableJSON(): unknown }> }).insert(doc);
      return written.toMutableJSON() as DocumentOf[C];
    } catch (err) {
      undo();
      throw new AppError('save-failed', err instanceof Error ? err.message : String(err));
    }
  }

  /**
   * Patches one document with the change `decide` computes from its current
   * state (RxDB `incrementalPatch`); returns the new state. Throws
   * `save-failed` when the document is missing or the write fails.
   */
  async patch<C extends CollectionName>(
    collection: C,
    id: string,
    decide: (current: DocumentOf[C]) => AuditedPatch<DocumentOf[C]>,
  ): Promise<DocumentOf[C]> {
    const target = (await this.openDatabase()).collections[collection];
    const doc = target ? await target.findOne(id).exec() : null;
    if (!doc) throw new AppError('save-failed', `${collection}/${id} is not on this device`);
    const patch = decide(doc.toMutableJSON() as DocumentOf[C]);
    const undo = this.pending.record({ collection, id, updatedAt: patch.updatedAt });
    try {
      // The RxDocument's type is a union over the collections; the patch fits this one.
      const written = await (doc as { incrementalPatch(p: unknown): Promise<{ toMutableJSON(): unknown }> }).incrementalPatch(patch);
      return written.toMutableJSON() as DocumentOf[C];
    } catch (err) {
      undo();
      throw new AppError('save-failed', err instanceof Error ? err.message : String(err));
    }
  }

  private openDatabase() {
    return firstValueFrom(this.database.watch((open) => of(open)));
  }
}
