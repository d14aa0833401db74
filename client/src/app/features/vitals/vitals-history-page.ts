import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { canWriteCollection, VITALS } from '@prossima/domain';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { switchMap } from 'rxjs';
import { AuthSession } from '../../core/auth/auth-session';
import { LocalRecords } from '../../core/database/local-records';
import { LanguageService } from '../../core/i18n/language';
import { fullName } from '../visits/round';
import { formatExpectedRange, formatInstant, formatVitalWithUnit, readingLabel } from './format-vital';
import { TrendChart } from './trend-chart';
import { trendChartConfig, trendSummary } from './trend-chart-config';
import { readingsByKind, valueKindsOf } from './vital-readings';

/** A patient's vital signs over time: per kind a trend chart, its expected range and every value in a table. */
@Component({
  selector: 'app-vitals-history-page',
  imports: [RouterLink, TranslatePipe, TrendChart],
  templateUrl: './vitals-history-page.html',
  styleUrl: './vitals-history-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VitalsHistoryPage {
  /** The patient id (route parameter). */
  readonly patientId = input.required<string>();

  private readonly records = inject(LocalRecords);
  private readonly user = inject(AuthSession).user;
  private readonly lang = inject(LanguageService).current;
  private readonly bloodPressureLabel = toSignal(inject(TranslateService).stream('vitals.bloodPressure'), { initialValue: '' });
  protected readonly fullName = fullName;

  private readonly patientId$ = toObservable(this.patientId);
  /** `undefined` while loading, `null` when not on this device. */
  protected readonly patient = toSignal(this.patientId$.pipe(switchMap((id) => this.records.patient$(id))));
  private readonly observations = toSignal(this.patientId$.pipe(switchMap((id) => this.records.observationsOfPatient$(id))));
  /** Staff who may record see the way to the form (the patient role reads only here). */
  protected readonly canRecord = computed(() => {
    const role = this.user()?.role;
    return role !== undefined && role !== 'patient' && canWriteCollection(role, 'observations');
  });

  /** One section per kind, blood pressure first; `undefined` while loading. */
  protected readonly sections = computed(() => {
    const observations = this.observations();
    if (!observations) return undefined;
    const lang = this.lang();
    return readingsByKind(observations).map((series) => {
      const label = readingLabel(series.kind, lang, this.bloodPressureLabel() as string);
      const kinds = valueKindsOf(series.kind);
      return {
        kind: series.kind,
        label,
        ranges: kinds.flatMap((kind) => {
          const range = formatExpectedRange(kind, lang);
          return range ? [{ label: VITALS[kind].label[lang], range }] : [];
        }),
        chart: trendChartConfig(series, lang),
        summary: trendSummary(series, label, lang),
        columns: kinds.map((kind) => `${VITALS[kind].label[lang]} (${VITALS[kind].symbol})`),
        rows: [...series.readings].reverse().map((reading) => ({
          id: reading.observationId,
          when: formatInstant(reading.effectiveAt, lang),
          values: kinds.map((kind) => {
            const value = reading.values.find((v) => v.kind === kind);
            return { text: value ? formatVitalWithUnit(kind, value.value, lang) : '—', outOfRange: value?.outOfRange ?? false };
          }),
          source: reading.source,
        })),
      };
    });
  });
}
