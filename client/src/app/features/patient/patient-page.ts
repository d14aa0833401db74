import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { localDate } from '@prossima/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { switchMap } from 'rxjs';
import { AuthSession } from '../../core/auth/auth-session';
import { CLOCK } from '../../core/clock';
import { LocalRecords } from '../../core/database/local-records';
import { ShortDatePipe } from '../../core/i18n/format-pipes';
import { LanguageService } from '../../core/i18n/language';
import { RecordOpenings } from '../../core/sync/audit-queue';
import { fullName, newestFirst } from '../visits/round';
import { LatestScores } from '../assessments/latest-scores';
import { LatestVitalsComponent } from '../vitals/latest-vitals';
import { careIntensityOf, codiceFiscaleCheck } from './patient-summary';

/**
 * A patient's record: demographics (the codice fiscale checked against them),
 * contacts, caregiver and family doctor, conditions, allergies and alerts, the
 * care intensity (CIA, ADI level), links to the PAI, the scores and the vital
 * signs, and the visits.
 */
@Component({
  selector: 'app-patient-page',
  imports: [RouterLink, TranslatePipe, ShortDatePipe, LatestVitalsComponent, LatestScores],
  templateUrl: './patient-page.html',
  styleUrl: './patient-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientPage {
  /** The patient id (route parameter). */
  readonly id = input.required<string>();

  private readonly records = inject(LocalRecords);
  private readonly user = inject(AuthSession).user;
  private readonly clock = inject(CLOCK);
  protected readonly lang = inject(LanguageService).current;
  protected readonly fullName = fullName;

  private readonly id$ = toObservable(this.id);
  /** `undefined` while loading, `null` when not on this device. */
  protected readonly patient = toSignal(this.id$.pipe(switchMap((id) => this.records.patient$(id))));
  private readonly visitList = toSignal(this.id$.pipe(switchMap((id) => this.records.visitsOfPatient$(id))));
  /** Whether this role sees visits at all (the patient role does not, yet). */
  protected readonly showVisits = toSignal(this.records.hasVisits$(), { initialValue: false });
  protected readonly visits = computed(() => newestFirst(this.visitList() ?? []));
  /** The signed-in nurse's visit to this patient today, if any: its note is one click away. */
  protected readonly todayVisit = computed(() => {
    const user = this.user();
    if (user?.role !== 'nurse') return null;
    const today = localDate(this.clock());
    return this.visits().find((v) => v.date === today && v.nurseId === user.id) ?? null;
  });

  /** What the codice fiscale contradicts in the record (empty when it agrees). */
  protected readonly cfProblems = computed(() => {
    const p = this.patient();
    return p ? codiceFiscaleCheck(p) : [];
  });
  /** CIA and ADI level from the start of care to today; `null` without a start of care. */
  protected readonly intensity = computed(() => {
    const p = this.patient();
    return p ? careIntensityOf(p, this.visitList() ?? [], localDate(this.clock())) : null;
  });
  /** Staff see the clinical sections (PAI, scores, vital signs) as pages of their own. */
  protected readonly isStaff = computed(() => {
    const role = this.user()?.role;
    return role === 'nurse' || role === 'district-nurse' || role === 'coordinator';
  });

  constructor() {
    // Staff opening a record is audited once per record shown (the live query re-emits on every change).
    const openings = inject(RecordOpenings);
    let audited: string | null = null;
    effect(() => {
      const shown = this.patient();
      if (shown && shown.id !== audited) {
        audited = shown.id;
        untracked(() => openings.recordOpened(shown.id));
      }
    });
  }
}
