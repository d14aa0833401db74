import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  effect,
  inject,
  InjectionToken,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

/** One point of a trend: its date as shown and the score. */
export interface TrendPoint {
  /** The date as the user reads it ("12/11/2025"). */
  label: string;
  value: number;
  /** The band label, when the result has one. */
  band?: string;
}

/** What the chart needs to draw itself and to let go. */
export interface TrendChartHandle {
  destroy(): void;
}

/** Draws a line chart of `points` on `canvas`; injected so specs (jsdom has no canvas) pass a fake. */
export type TrendChartFactory = (canvas: HTMLCanvasElement, points: readonly TrendPoint[], yLabel: string) => TrendChartHandle;

let registered = false;

/** chart.js with only the parts a line of scores needs. */
function drawWithChartJs(canvas: HTMLCanvasElement, points: readonly TrendPoint[], yLabel: string): TrendChartHandle {
  if (!registered) {
    Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip);
    registered = true;
  }
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: points.map((p) => p.label),
      datasets: [
        {
          label: yLabel,
          data: points.map((p) => p.value),
          borderColor: '#0066cc',
          backgroundColor: '#0066cc',
          borderWidth: 3,
          pointRadius: 5,
          pointStyle: 'circle',
          tension: 0,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      // No motion: a chart of scores gains nothing from it (and some users are harmed by it).
      animation: false,
      scales: {
        x: { ticks: { color: '#17324d' } },
        y: { ticks: { color: '#17324d', precision: 0 }, title: { display: true, text: yLabel, color: '#17324d' } },
      },
    },
  });
}

/** The chart drawer: chart.js by default. */
export const TREND_CHART_FACTORY = new InjectionToken<TrendChartFactory>('TREND_CHART_FACTORY', {
  providedIn: 'root',
  factory: () => drawWithChartJs,
});

/**
 * A score trend: a line chart (an image with a spoken summary) and the same
 * data as a table, visually hidden until "Mostra i dati in tabella" is pressed
 * but always read by screen readers.
 *
 * Inputs: `points` (oldest first), `summary` (the chart's accessible name,
 * e.g. "Andamento di Barthel: 3 valutazioni dal … al …"), `caption` (the
 * table caption), `valueLabel` (the y axis and value column heading).
 */
@Component({
  selector: 'app-score-trend-chart',
  imports: [TranslatePipe],
  template: `
    <div class="chart-box">
      <canvas #canvas role="img" [attr.aria-label]="summary()"></canvas>
    </div>
    <button type="button" class="table-toggle" [attr.aria-expanded]="tableShown()" (click)="tableShown.set(!tableShown())">
      {{ (tableShown() ? 'assessments.chart.hideTable' : 'assessments.chart.showTable') | translate }}
    </button>
    <table class="trend-table" [class.visually-hidden]="!tableShown()">
      <caption>{{ caption() }}</caption>
      <thead>
        <tr>
          <th scope="col">{{ 'assessments.chart.date' | translate }}</th>
          <th scope="col">{{ valueLabel() }}</th>
          <th scope="col">{{ 'assessments.chart.band' | translate }}</th>
        </tr>
      </thead>
      <tbody>
        @for (point of points(); track $index) {
          <tr>
            <td>{{ point.label }}</td>
            <td>{{ point.value }}</td>
            <td>{{ point.band ?? '—' }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .chart-box {
      position: relative;
      height: 14rem;
      max-width: 40rem;
    }
    .table-toggle {
      min-height: 48px;
      padding: 0.25rem 0;
      border: none;
      background: none;
      color: #0066cc;
      font: inherit;
      text-decoration: underline;
      cursor: pointer;
    }
    .trend-table {
      border-collapse: collapse;
      margin-top: 0.5rem;
    }
    .trend-table caption {
      text-align: left;
      font-weight: 700;
    }
    .trend-table th,
    .trend-table td {
      padding: 0.25rem 0.75rem;
      border-bottom: 1px solid #a3b7cc;
      text-align: left;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScoreTrendChart {
  /** The results, oldest first. */
  readonly points = input.required<readonly TrendPoint[]>();
  /** The accessible name of the chart: a sentence summarising the trend. */
  readonly summary = input.required<string>();
  /** The caption of the data table. */
  readonly caption = input.required<string>();
  /** The y axis title and the value column heading. */
  readonly valueLabel = input.required<string>();

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly draw = inject(TREND_CHART_FACTORY);
  private chart: TrendChartHandle | null = null;
  protected readonly tableShown = signal(false);

  constructor() {
    effect(() => {
      const points = this.points();
      const yLabel = this.valueLabel();
      const canvas = this.canvas().nativeElement;
      this.chart?.destroy();
      this.chart = this.draw(canvas, points, yLabel);
    });
    inject(DestroyRef).onDestroy(() => {
      this.chart?.destroy();
      this.chart = null;
    });
  }
}
