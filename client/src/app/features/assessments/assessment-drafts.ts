import { inject, Injectable } from '@angular/core';
import { DataKeyVault, WEB_CRYPTO } from '../../core/auth/data-key-vault';
import { InvalidWrapError, WrongPasswordError } from '../../core/auth/data-key-wrap';
import { CLOCK } from '../../core/clock';
import { KeyValueStore, LOCAL_STORE, userKey } from '../../core/storage';
import type { FormAnswers } from './assessment-record';

/** Whose draft of which form: one draft per user, patient, instrument and visit. */
export interface DraftKey {
  userId: string;
  patientId: string;
  instrumentId: string;
  visitId?: string | null;
}

/** A half-filled assessment form. */
export interface AssessmentDraft {
  answers: Record<string, string>;
  /** When it was last written (ISO instant). */
  savedAt: string;
}

/** What is sealed: the draft and the form it belongs to, so a sealed value copied under another key is refused. */
interface SealedDraft extends AssessmentDraft {
  v: 1;
  form: string;
}

/** The storage name prefix: entries are `prossima.assessmentDraft-<sha-256>.<userId>`. */
const WHAT = 'assessmentDraft';

/**
 * Drafts of assessment forms, written on every answer so a reload, a crash or
 * a flat battery never loses a half-filled form.
 *
 * Where: localStorage (durable, written synchronously once sealed), one entry
 * per form, named `prossima.<what>.<userId>` like every per-user entry so the
 * sign-out wipe removes them with the rest. The answers are clinical data, so
 * each entry is sealed with the user's data key (AES-GCM, `DataKeyVault.seal`)
 * and its name carries a SHA-256 of the form's ids, never the patient id in
 * clear. Why not RxDB local documents: they are not field-encrypted either,
 * and the local-documents plugin is not registered on the user's database.
 */
@Injectable({ providedIn: 'root' })
export class AssessmentDrafts {
  private readonly store: KeyValueStore = inject(LOCAL_STORE);
  private readonly vault = inject(DataKeyVault);
  private readonly crypto = inject(WEB_CRYPTO);
  private readonly clock = inject(CLOCK);
  /** The newest write or discard asked for each form: a slower, older seal never overwrites a newer one. */
  private readonly newest = new Map<string, number>();
  private sequence = 0;

  /**
   * Seals and stores the draft of `key`'s form; resolves once it is on disk
   * (or skipped because a newer save or a discard came first). Rejects when
   * the data key is locked or storage is full.
   */
  async save(key: DraftKey, answers: FormAnswers): Promise<AssessmentDraft> {
    const form = formOf(key);
    const ticket = this.ticket(form);
    const draft: AssessmentDraft = { answers: { ...answers }, savedAt: this.clock().toISOString() };
    const sealed = await this.vault.seal(key.userId, { v: 1, form, ...draft } satisfies SealedDraft);
    const entry = await this.entryName(key);
    if (this.newest.get(form) === ticket) this.store.setItem(entry, sealed);
    return draft;
  }

  /** The stored draft of `key`'s form, or `null`; an entry this key cannot open is dropped. */
  async load(key: DraftKey): Promise<AssessmentDraft | null> {
    const entry = await this.entryName(key);
    const sealed = this.store.getItem(entry);
    if (sealed === null) return null;
    let opened: SealedDraft;
    try {
      opened = await this.vault.unseal<SealedDraft>(key.userId, sealed);
    } catch (error) {
      // Sealed under a key this user no longer has, or damaged: nothing can ever read it.
      if (error instanceof WrongPasswordError || error instanceof InvalidWrapError) {
        this.store.removeItem(entry);
        return null;
      }
      throw error;
    }
    if (opened.v !== 1 || opened.form !== formOf(key) || typeof opened.answers !== 'object' || opened.answers === null) return null;
    return { answers: opened.answers, savedAt: opened.savedAt };
  }

  /** Deletes the draft of `key`'s form (saved, or the nurse starts again); a save still sealing is dropped too. */
  async discard(key: DraftKey): Promise<void> {
    this.ticket(formOf(key));
    this.store.removeItem(await this.entryName(key));
  }

  private ticket(form: string): number {
    const ticket = ++this.sequence;
    this.newest.set(form, ticket);
    return ticket;
  }

  private async entryName(key: DraftKey): Promise<string> {
    const digest = await this.crypto.subtle.digest('SHA-256', new TextEncoder().encode(formOf(key)));
    const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    return userKey(`${WHAT}-${hex}`, key.userId);
  }
}

/** The identity of a form, as one string. */
function formOf(key: DraftKey): string {
  return JSON.stringify([key.userId, key.patientId, key.instrumentId, key.visitId ?? '']);
}
