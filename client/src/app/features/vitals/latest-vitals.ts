/**
 * The newest value of each vital sign of a patient, as a table (the record,
 * the visit, the vitals page). Input: `patientId` (required); `historyLink`
 * (default true) adds a link to the trends page.
 */
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { switchMap } from 'rxjs';
import { LocalRecords } from '../../core/database/local-records';
import { LanguageService } from '../../core/i18n/language';
import { formatInstant, formatReading, readingLabel } from './format-vital';
import { latestByKind } from './vital-readings';

@Component({
  selector: 'app-latest-vitals',
  imports: [RouterLink, TranslatePipe],
  templateUrl: './latest-vitals.html',
  styleUrl: './latest-vitals.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LatestVitalsComponent {
  /** Whose values are shown. */
  readonly patientId = input.required<string>();
  /** Whether to link to the trends page. */
  readonly historyLink = input(true);

  private readonly records = inject(LocalRecords);
  private readonly lang = inject(LanguageService).current;
  /** Follows the language, also when its translations arrive after the switch. */
  private readonly bloodPressureLabel = toSignal(inject(TranslateService).stream('vitals.bloodPressure'), { initialValue: '' });

  private readonly observations = toSignal(toObservable(this.patientId).pipe(switchMap((id) => this.records.observationsOfPatient$(id))));
  /** `undefined` while loading. */
  protected readonly rows = computed(() => {
    const observations = this.observations();
    if (!observations) return undefined;
    const lang = this.lang();
    return latestByKind(observations).map((reading) => ({
      id: reading.observationId,
      label: readingLabel(reading.kind, lang, this.bloodPressureLabel() as string),
      value: formatReading(reading, lang),
      when: formatInstant(reading.effectiveAt, lang),
      source: reading.source,
      outOfRange: reading.outOfRange,
    }));
  });
}
