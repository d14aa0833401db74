/**
 * The patient's own history on the home screen: for each measurement taken,
 * when the last one was ("Ultima misura: ieri alle 07:30"), its value in big
 * type with a plain range message, a trend chart (an image with a spoken
 * summary) and the same values in a table.
 *
 * Input: `observations: ObservationDoc[]` (the patient's, any order).
 */
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { ObservationDoc } from '@prossima/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { CLOCK } from '../../core/clock';
import { LanguageService } from '../../core/i18n/language';
import { TrendChart } from '../vitals/trend-chart';
import { trendChartConfig, trendSummary } from '../vitals/trend-chart-config';
import { HomeKindIcon } from './home-kind-icon';
import { HOME_TIME_ZONE, rangeKey, readingText, whenMessage } from './home-format';
import { chartSeries, homeHistories, latestOf } from './home-readings';

@Component({
  selector: 'app-home-history',
  imports: [TranslatePipe, TrendChart, HomeKindIcon],
  templateUrl: './home-history.html',
  styleUrl: './home-history.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomeHistory {
  /** The patient's observations. */
  readonly observations = input.required<readonly ObservationDoc[]>();

  private readonly clock = inject(CLOCK);
  private readonly timeZone = inject(HOME_TIME_ZONE);
  private readonly lang = inject(LanguageService).current;

  /** One entry per measurement taken, in the order of the home screen's buttons. */
  protected readonly sections = computed(() => {
    const lang = this.lang();
    const now = this.clock();
    return homeHistories(this.observations()).map((history) => {
      const latest = latestOf(history);
      const series = chartSeries(history);
      return {
        kind: history.kind,
        last: whenMessage(latest.effectiveAt, now, lang, this.timeZone),
        value: readingText(latest, lang),
        range: rangeKey({ outOfRange: latest.outOfRange, hasValue: true }),
        chart: trendChartConfig(series, lang, this.timeZone),
        summary: trendSummary(series, '', lang, this.timeZone),
        rows: [...history.readings].reverse().map((reading) => ({
          id: reading.observationId,
          when: whenMessage(reading.effectiveAt, now, lang, this.timeZone),
          value: readingText(reading, lang),
          outOfRange: reading.outOfRange,
        })),
      };
    });
  });
}
