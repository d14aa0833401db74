import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { canWriteCollection } from '@prossima/domain';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { switchMap } from 'rxjs';
import { AuthSession } from '../../core/auth/auth-session';
import { LocalRecords } from '../../core/database/local-records';
import { formatShortDate } from '../../core/i18n/format';
import { LanguageService } from '../../core/i18n/language';
import { fullName } from '../visits/round';
import { bandLabel, historyByInstrument, InstrumentHistory, resultDate, signedChange } from './assessment-history';
import { offeredInstruments } from './assessment-record';
import { ScoreTrendChart, TrendPoint } from './score-trend-chart';

/** One instrument's card, with its texts ready for the template. */
interface HistoryCard {
  history: InstrumentHistory;
  title: string;
  date: string;
  band: string | null;
  convention: string;
  /** "+5 rispetto al 12/11/2025, migliorato", or the first-result note. */
  change: string;
  trend: string;
  points: TrendPoint[];
  summary: string;
  caption: string;
}

/** "Valutazioni": a patient's assessment results by instrument, the change since the previous one and the trend. */
@Component({
  selector: 'app-assessment-history-page',
  imports: [RouterLink, MatButton, MatMenu, MatMenuItem, MatMenuTrigger, TranslatePipe, ScoreTrendChart],
  templateUrl: './assessment-history-page.html',
  styleUrl: './assessment-history-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssessmentHistoryPage {
  /** The patient id (route parameter). */
  readonly patientId = input.required<string>();

  private readonly records = inject(LocalRecords);
  private readonly translate = inject(TranslateService);
  private readonly user = inject(AuthSession).user;
  protected readonly lang = inject(LanguageService).current;
  protected readonly fullName = fullName;

  private readonly id$ = toObservable(this.patientId);
  /** `undefined` while loading, `null` when not on this device. */
  protected readonly patient = toSignal(this.id$.pipe(switchMap((id) => this.records.patient$(id))));
  private readonly results = toSignal(this.id$.pipe(switchMap((id) => this.records.assessmentsOfPatient$(id))));
  /** Re-read texts when the language's translations arrive. */
  private readonly translations = toSignal(this.translate.onLangChange);

  protected readonly canWrite = computed(() => {
    const user = this.user();
    return !!user && canWriteCollection(user.role, 'assessments');
  });
  protected readonly instruments = offeredInstruments();
  /** A shape beside each change (decorative: the words say it). */
  protected readonly trendIcon: Record<string, string> = { better: '✓', worse: '⚠', unchanged: '=', 'not-comparable': '≠', first: '•' };
  protected readonly loaded = computed(() => this.results() !== undefined);
  protected readonly cards = computed<HistoryCard[]>(() => {
    this.translations();
    const lang = this.lang();
    return historyByInstrument(this.results() ?? []).map((history) => this.card(history, lang));
  });

  private card(history: InstrumentHistory, lang: 'it' | 'en'): HistoryCard {
    const { definition, latest, previous, comparison, results } = history;
    const t = (key: string, params?: Record<string, unknown>) => this.translate.instant(`assessments.history.${key}`, params) as string;
    const title = definition?.title[lang] ?? t('unknownInstrument', { id: history.instrumentId });
    const dateOf = (takenAt: string) => formatShortDate(resultDate({ takenAt }), lang);
    const bandOf = (doc: typeof latest) => bandLabel(definition, doc.convention, doc.band)?.[lang] ?? (doc.band || undefined);
    const conventionLabel = definition?.conventions.find((c) => c.id === latest.convention)?.label[lang] ?? latest.convention;
    const change =
      comparison && previous
        ? t('change', { change: signedChange(comparison.change), date: dateOf(previous.takenAt), trend: t(`trend.${comparison.trend}`) })
        : previous
          ? t('notComparable', { date: dateOf(previous.takenAt) })
          : t('firstResult');
    const points = results.map((doc) => ({ label: dateOf(doc.takenAt), value: doc.total, band: bandOf(doc) }));
    const first = results[0];
    return {
      history,
      title,
      date: dateOf(latest.takenAt),
      band: bandOf(latest) ?? null,
      convention: conventionLabel,
      change,
      trend: comparison?.trend ?? 'first',
      points,
      summary: t('chartSummary', {
        title,
        count: results.length,
        from: dateOf(first.takenAt),
        to: dateOf(latest.takenAt),
        first: first.total,
        last: latest.total,
        trend: comparison ? t(`trend.${comparison.trend}`) : '',
      }),
      caption: t('tableCaption', { title }),
    };
  }
}
