import { afterRenderEffect, ChangeDetectionStrategy, Component, DestroyRef, ElementRef, inject, InjectionToken, input, viewChild } from '@angular/core';
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { TrendChartConfig } from './trend-chart-config';

/** A chart drawn on a canvas, to be destroyed with the view. */
export interface DrawnChart {
  destroy(): void;
}

/** Draws a trend chart on a canvas (injected, so specs need no canvas: jsdom has none). */
export type DrawTrendChart = (canvas: HTMLCanvasElement, config: TrendChartConfig) => DrawnChart;

/** chart.js with only what a line chart needs registered (keeps the bundle small). */
export function drawWithChartJs(canvas: HTMLCanvasElement, config: TrendChartConfig): DrawnChart {
  // Registering again is a no-op: chart.js keeps one registry.
  Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip, Legend);
  return new Chart(canvas, config);
}

/** How trend charts are drawn: chart.js by default. */
export const TREND_CHART_RENDERER = new InjectionToken<DrawTrendChart>('TREND_CHART_RENDERER', {
  providedIn: 'root',
  factory: () => drawWithChartJs,
});

/**
 * One trend chart. The canvas is an image with `summary` as its accessible
 * name; the page shows the same values in a table for screen readers and zoom.
 * Inputs: `config` (from `trendChartConfig`), `summary` (the sentence read out).
 */
@Component({
  selector: 'app-trend-chart',
  template: `<div class="chart-box"><canvas #canvas role="img" [attr.aria-label]="summary()"></canvas></div>`,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .chart-box {
      position: relative;
      width: 100%;
      height: 16rem;
    }
    /* Chart.js sizes the canvas in pixels and follows the box on resize: never let it push the page wider meanwhile. */
    canvas {
      max-width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrendChart {
  /** What to draw. */
  readonly config = input.required<TrendChartConfig>();
  /** The sentence a screen reader reads for the chart. */
  readonly summary = input.required<string>();

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly draw = inject(TREND_CHART_RENDERER);
  private chart: DrawnChart | null = null;

  constructor() {
    // Redrawn when the data changes (a new observation synced in); the old chart is destroyed first.
    afterRenderEffect({
      write: () => {
        const config = this.config();
        const canvas = this.canvas().nativeElement;
        this.chart?.destroy();
        this.chart = this.draw(canvas, config);
      },
    });
    inject(DestroyRef).onDestroy(() => {
      this.chart?.destroy();
      this.chart = null;
    });
  }
}
