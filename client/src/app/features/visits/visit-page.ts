import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal, untracked } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { canWriteCollection } from '@prossima/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { AuthSession } from '../../core/auth/auth-session';
import { CLOCK } from '../../core/clock';
import { LocalRecords } from '../../core/database/local-records';
import { errorMessageKey } from '../../core/errors/app-errors';
import { ShortDatePipe } from '../../core/i18n/format-pipes';
import { LanguageService } from '../../core/i18n/language';
import { LocalWrites } from '../../core/sync/local-writes';
import { fullName, timeWindow } from './round';
import { visitNotePatch } from './visit-note';

/** A visit: its plan and the note, saved locally (offline too) and synced later. */
@Component({
  selector: 'app-visit-page',
  imports: [RouterLink, MatFormField, MatLabel, MatInput, MatButton, TranslatePipe, ShortDatePipe],
  templateUrl: './visit-page.html',
  styleUrl: './visit-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitPage {
  /** The visit id (route parameter). */
  readonly id = input.required<string>();

  private readonly records = inject(LocalRecords);
  private readonly writes = inject(LocalWrites);
  private readonly clock = inject(CLOCK);
  private readonly user = inject(AuthSession).user;
  protected readonly lang = inject(LanguageService).current;
  protected readonly fullName = fullName;
  protected readonly timeWindow = timeWindow;

  /** The visit; `undefined` while loading, `null` when not on this device. */
  protected readonly visit = toSignal(toObservable(this.id).pipe(switchMap((id) => this.records.visit$(id))));
  protected readonly patient = toSignal(
    toObservable(this.visit).pipe(
      map((visit) => visit?.patientId ?? null),
      distinctUntilChanged(),
      switchMap((patientId) => (patientId ? this.records.patient$(patientId) : of(null))),
    ),
  );
  /** Only the visiting nurse (or a coordinator) edits the note; the server checks again. */
  protected readonly canEdit = computed(() => {
    const user = this.user();
    const visit = this.visit();
    if (!user || !visit || !canWriteCollection(user.role, 'visits')) return false;
    return user.role !== 'nurse' || visit.nurseId === user.id;
  });

  /** The text being edited: taken from the visit when it loads, then left to the user (sync does not clobber typing). */
  protected readonly draft = linkedSignal({
    source: () => this.visit()?.id,
    computation: () => untracked(this.visit)?.note ?? '',
  });
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected edit(event: Event): void {
    this.draft.set((event.target as HTMLTextAreaElement).value);
    this.saved.set(false);
  }

  protected async save(): Promise<void> {
    const user = this.user();
    if (!user || this.saving()) return;
    this.saving.set(true);
    this.saved.set(false);
    this.errorKey.set(null);
    try {
      const note = this.draft();
      await this.writes.patch('visits', this.id(), (visit) => visitNotePatch(visit, note, user.id, this.clock()));
      this.saved.set(true);
    } catch (err) {
      this.errorKey.set(errorMessageKey(err));
    } finally {
      this.saving.set(false);
    }
  }
}
