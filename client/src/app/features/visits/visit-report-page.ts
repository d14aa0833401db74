import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { LocalRecords } from '../../core/database/local-records';
import { formatShortDate, formatTime } from '../../core/i18n/format';
import { patientLine, visitSummary } from './visit-report';

/**
 * The printable report of a visit (`/visite/:id/resoconto`): always in
 * Italian, laid out for A4 by the print stylesheet (the app's frame is hidden
 * when printing). Built from the local database, so it prints offline.
 */
@Component({
  selector: 'app-visit-report-page',
  imports: [RouterLink, TranslatePipe],
  templateUrl: './visit-report-page.html',
  styleUrl: './visit-report-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitReportPage {
  /** The visit id (route parameter). */
  readonly id = input.required<string>();

  private readonly records = inject(LocalRecords);
  private readonly document = inject(DOCUMENT);

  protected readonly visit = toSignal(toObservable(this.id).pipe(switchMap((id) => this.records.visit$(id))));
  private readonly patientId$ = toObservable(this.visit).pipe(
    map((v) => v?.patientId ?? null),
    distinctUntilChanged(),
  );
  protected readonly patient = toSignal(this.patientId$.pipe(switchMap((id) => (id ? this.records.patient$(id) : of(null)))));
  private readonly assessments = toSignal(this.patientId$.pipe(switchMap((id) => (id ? this.records.assessmentsOfPatient$(id) : of([])))));
  private readonly observations = toSignal(this.patientId$.pipe(switchMap((id) => (id ? this.records.observationsOfPatient$(id) : of([])))));

  protected readonly summary = computed(() => {
    const visit = this.visit();
    return visit ? visitSummary(visit, this.assessments() ?? [], this.observations() ?? []) : null;
  });
  protected readonly patientLine = computed(() => {
    const p = this.patient();
    return p ? patientLine(p) : '';
  });
  protected readonly when = computed(() => {
    const v = this.visit();
    if (!v) return '';
    const times = v.startedAt && v.endedAt ? `, dalle ${formatTime(v.startedAt, 'it')} alle ${formatTime(v.endedAt, 'it')}` : '';
    return `${formatShortDate(v.date, 'it')}${times}`;
  });

  protected print(): void {
    this.document.defaultView?.print();
  }
}
