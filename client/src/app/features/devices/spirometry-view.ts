/**
 * SpirometryView: the indices of one spirometry result as a table (value,
 * expected range, a flag in words when outside it) and, when the spirometer
 * sent it, the flow–volume curve (chart.js).
 *
 * Inputs:
 * - `observation` (required): the spirometry panel (81458-2) with its components.
 * - `flowVolume`: the curve's points (volume L, flow L/s), when the device gave them.
 */
import { afterRenderEffect, ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, InjectionToken, input, viewChild } from '@angular/core';
import { _IdGenerator } from '@angular/cdk/a11y';
import type { FlowVolumePoint } from '@prossima/device-bridge';
import { checkVital, vitalByLoinc, type ObservationDoc } from '@prossima/domain';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Chart, Legend, LinearScale, LineElement, PointElement, ScatterController, Tooltip } from 'chart.js';
import { LanguageService } from '../../core/i18n/language';
import { formatExpectedRange, formatVitalWithUnit } from '../vitals/format-vital';
import { flowVolumeChartConfig, flowVolumeSummary, type FlowVolumeChartConfig } from './spirometry-chart';

/** A chart drawn on a canvas, destroyed with the view. */
export interface DrawnFlowVolumeChart {
  destroy(): void;
}

/** Draws the flow–volume chart (injected, so specs need no canvas). */
export type DrawFlowVolumeChart = (canvas: HTMLCanvasElement, config: FlowVolumeChartConfig) => DrawnFlowVolumeChart;

/** chart.js with only what a scatter-with-line chart needs. */
export const SPIROMETRY_CHART_RENDERER = new InjectionToken<DrawFlowVolumeChart>('SPIROMETRY_CHART_RENDERER', {
  providedIn: 'root',
  factory: () => (canvas, config) => {
    Chart.register(ScatterController, LineElement, PointElement, LinearScale, Tooltip, Legend);
    return new Chart(canvas, config);
  },
});

@Component({
  selector: 'app-spirometry-view',
  imports: [TranslatePipe],
  template: `
    <section class="spirometry" [attr.aria-labelledby]="baseId + '-title'">
      <h3 [id]="baseId + '-title'">{{ 'devices.spirometry.title' | translate }}</h3>
      <div class="table-scroll">
        <table>
          <caption>{{ 'devices.spirometry.caption' | translate }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ 'devices.spirometry.index' | translate }}</th>
              <th scope="col">{{ 'devices.spirometry.value' | translate }}</th>
              <th scope="col">{{ 'devices.spirometry.expected' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.code) {
              <tr>
                <th scope="row">{{ row.label }}</th>
                <td [class.out]="row.outOfRange">
                  {{ row.value }}
                  @if (row.outOfRange) {
                    <span class="flag"><span aria-hidden="true">⚠ </span>{{ 'devices.spirometry.outOfRange' | translate }}</span>
                  }
                </td>
                <td>{{ row.expected ?? ('devices.spirometry.noExpected' | translate) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (curve(); as points) {
        <h4>{{ 'devices.spirometry.curveTitle' | translate }}</h4>
        <div class="chart-box">
          <canvas #canvas role="img" [attr.aria-label]="'devices.spirometry.curveLabel' | translate: summary()"></canvas>
        </div>
      } @else {
        <p class="muted">{{ 'devices.spirometry.noCurve' | translate }}</p>
      }
    </section>
  `,
  styles: `
    h3,
    h4 {
      margin: 0.5rem 0;
    }
    .table-scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    caption {
      text-align: left;
      font-weight: 700;
      padding-bottom: 0.25rem;
    }
    th,
    td {
      text-align: left;
      padding: 0.375rem 0.5rem;
      border-bottom: 1px solid #a3b7cc;
    }
    .out {
      font-weight: 700;
    }
    .flag {
      display: block;
      font-weight: 600;
    }
    .chart-box {
      position: relative;
      width: 100%;
      height: 16rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SpirometryView {
  /** The spirometry panel. */
  readonly observation = input.required<ObservationDoc>();
  /** The flow–volume curve, when the spirometer sent it. */
  readonly flowVolume = input<readonly FlowVolumePoint[] | undefined>(undefined);

  private readonly lang = inject(LanguageService).current;
  private readonly translate = inject(TranslateService);
  private readonly draw = inject(SPIROMETRY_CHART_RENDERER);
  private readonly canvas = viewChild<ElementRef<HTMLCanvasElement>>('canvas');
  protected readonly baseId = inject(_IdGenerator).getId('spirometry-');
  private chart: DrawnFlowVolumeChart | null = null;

  /** One row per index, in the panel's order. */
  protected readonly rows = computed(() => {
    const lang = this.lang();
    return (this.observation().components ?? []).flatMap((component) => {
      const vital = vitalByLoinc(component.code);
      if (!vital) return [];
      const check = checkVital(vital.kind, component.value);
      return [
        {
          code: component.code,
          label: vital.label[lang],
          value: formatVitalWithUnit(vital.kind, component.value, lang),
          expected: formatExpectedRange(vital.kind, lang),
          outOfRange: !check.ok || check.warnings.length > 0,
        },
      ];
    });
  });
  protected readonly curve = computed(() => {
    const points = this.flowVolume();
    return points && points.length > 1 ? points : null;
  });
  protected readonly summary = computed(() => flowVolumeSummary(this.curve() ?? [], this.lang()));

  constructor() {
    afterRenderEffect({
      write: () => {
        const canvas = this.canvas()?.nativeElement;
        const points = this.curve();
        this.chart?.destroy();
        this.chart = null;
        if (!canvas || !points) return;
        const axes = { volume: this.translate.instant('devices.spirometry.volumeAxis'), flow: this.translate.instant('devices.spirometry.flowAxis') };
        this.chart = this.draw(canvas, flowVolumeChartConfig(points, this.lang(), axes));
      },
    });
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }
}
