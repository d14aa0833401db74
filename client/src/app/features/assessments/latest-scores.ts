import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { switchMap } from 'rxjs';
import { AuthSession } from '../../core/auth/auth-session';
import { LocalRecords } from '../../core/database/local-records';
import { formatShortDate } from '../../core/i18n/format';
import { LanguageService } from '../../core/i18n/language';
import { bandLabel, historyByInstrument, resultDate } from './assessment-history';

/** Roles that may open the assessment history page. */
const STAFF = ['nurse', 'district-nurse', 'coordinator'];

/**
 * The latest result of each instrument for a patient (date, total, band),
 * for the patient record. Reads the local database only.
 *
 * Input: `patientId` (required). No outputs. The host page gives it a
 * heading; staff also get a link to the full history
 * (`/pazienti/:patientId/valutazioni`).
 */
@Component({
  selector: 'app-latest-scores',
  imports: [RouterLink, TranslatePipe],
  template: `
    @if (rows(); as list) {
      @if (list.length === 0) {
        <p>{{ 'assessments.latest.empty' | translate }}</p>
      } @else {
        <ul class="scores plain-list">
          @for (row of list; track row.instrumentId) {
            <li>
              <span class="title">{{ row.title }}</span>
              <span>{{ 'assessments.latest.result' | translate: { total: row.total, date: row.date } }}</span>
              @if (row.band) {
                <span class="status-chip">{{ row.band }}</span>
              }
            </li>
          }
        </ul>
      }
      @if (isStaff()) {
        <p><a [routerLink]="['/pazienti', patientId(), 'valutazioni']">{{ 'assessments.latest.history' | translate }}</a></p>
      }
    } @else {
      <p>{{ 'common.loading' | translate }}</p>
    }
  `,
  styles: `
    .scores {
      display: grid;
      gap: 0.5rem;
    }
    .scores li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 1rem;
      padding: 0.5rem 0;
      border-bottom: 1px solid #a3b7cc;
    }
    .title {
      font-weight: 700;
    }
    a {
      display: inline-flex;
      align-items: center;
      min-height: 48px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LatestScores {
  /** The patient whose latest scores are shown. */
  readonly patientId = input.required<string>();

  private readonly records = inject(LocalRecords);
  private readonly user = inject(AuthSession).user;
  protected readonly lang = inject(LanguageService).current;

  private readonly results = toSignal(toObservable(this.patientId).pipe(switchMap((id) => this.records.assessmentsOfPatient$(id))));
  protected readonly isStaff = computed(() => STAFF.includes(this.user()?.role ?? ''));
  protected readonly rows = computed(() => {
    const results = this.results();
    if (results === undefined) return undefined;
    const lang = this.lang();
    return historyByInstrument(results).map(({ instrumentId, definition, latest }) => ({
      instrumentId,
      title: definition?.title[lang] ?? instrumentId,
      total: latest.total,
      date: formatShortDate(resultDate(latest), lang),
      band: bandLabel(definition, latest.convention, latest.band)?.[lang] ?? (latest.band || null),
    }));
  });
}
