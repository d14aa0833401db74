import { VITALS, type VitalKind } from '@prossima/domain';
import type { ChartConfiguration } from 'chart.js';
import type { Language } from '../../core/i18n/language';
import { formatInstant, formatReading, formatVitalWithUnit } from './format-vital';
import { valueKindsOf, valueOf, type ReadingSeries } from './vital-readings';

/** A line chart of one kind: one line per value kind (systolic and diastolic for blood pressure). */
export type TrendChartConfig = ChartConfiguration<'line', (number | null)[], string>;

const LOCALES: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };

/**
 * Each line differs in more than colour (WCAG 1.4.1): the PA blue with round
 * points and a solid line, then the dark text colour with triangles and a dash.
 */
const LINE_STYLES = [
  { color: '#0066cc', pointStyle: 'circle', borderDash: [] as number[] },
  { color: '#17324d', pointStyle: 'triangle', borderDash: [6, 4] },
  { color: '#008055', pointStyle: 'rect', borderDash: [2, 3] },
] as const;

/**
 * The chart.js configuration of a trend: instants (local date and time) on
 * the x axis, the values in the kind's unit on the y axis, numbers written the
 * language's way (chart.js formats ticks and tooltips with `locale`). No
 * animation: a chart that moves helps nobody reading a trend.
 */
export function trendChartConfig(series: ReadingSeries, lang: Language, timeZone?: string): TrendChartConfig {
  const kinds = valueKindsOf(series.kind);
  const symbol = VITALS[kinds[0]].symbol;
  return {
    type: 'line',
    data: {
      labels: series.readings.map((r) => formatInstant(r.effectiveAt, lang, timeZone)),
      datasets: kinds.map((kind, index) => {
        const style = LINE_STYLES[index % LINE_STYLES.length];
        return {
          label: `${VITALS[kind].label[lang]} (${symbol})`,
          data: series.readings.map((r) => valueOf(r, kind) ?? null),
          borderColor: style.color,
          backgroundColor: style.color,
          pointStyle: style.pointStyle,
          borderDash: [...style.borderDash],
          pointRadius: 4,
          pointHoverRadius: 6,
          borderWidth: 2,
          spanGaps: true,
        };
      }),
    },
    options: {
      locale: LOCALES[lang],
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: true, position: 'bottom' }, tooltip: { enabled: true } },
      scales: {
        x: { type: 'category', ticks: { autoSkip: true, maxRotation: 45 } },
        y: { type: 'linear', title: { display: true, text: symbol } },
      },
    },
  };
}

/** The parameters of the `vitals.history.chartSummary` sentence a chart's `aria-label` reads. */
export interface TrendSummary {
  [param: string]: string;
  label: string;
  count: string;
  from: string;
  to: string;
  last: string;
  span: string;
}

function lowestAndHighest(series: ReadingSeries, kind: VitalKind, lang: Language): string {
  const values = series.readings.map((r) => valueOf(r, kind)).filter((v): v is number => v !== undefined);
  const low = formatVitalWithUnit(kind, Math.min(...values), lang);
  const high = formatVitalWithUnit(kind, Math.max(...values), lang);
  return low === high ? low : `${low} – ${high}`;
}

/** What a chart shows, in words: how many readings, from when to when, the last, the lowest and highest of each line. */
export function trendSummary(series: ReadingSeries, label: string, lang: Language, timeZone?: string): TrendSummary {
  const first = series.readings[0];
  const last = series.readings[series.readings.length - 1];
  const kinds = valueKindsOf(series.kind);
  return {
    label,
    count: String(series.readings.length),
    from: first ? formatInstant(first.effectiveAt, lang, timeZone) : '',
    to: last ? formatInstant(last.effectiveAt, lang, timeZone) : '',
    last: last ? formatReading(last, lang) : '',
    span: kinds.map((kind) => `${VITALS[kind].label[lang]} ${lowestAndHighest(series, kind, lang)}`).join('; '),
  };
}
