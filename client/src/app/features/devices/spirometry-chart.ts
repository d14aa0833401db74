/**
 * The flow–volume curve of a forced expiration as a chart.js scatter chart
 * with a line (volume exhaled on x, flow on y), and the sentence a screen
 * reader reads for it (the peak flow, where it falls, the total volume).
 */
import type { FlowVolumePoint } from '@prossima/device-bridge';
import type { ChartConfiguration } from 'chart.js';
import type { Language } from '../../core/i18n/language';

/** A scatter chart of {x: volume, y: flow}. */
export type FlowVolumeChartConfig = ChartConfiguration<'scatter', { x: number; y: number }[]>;

const LOCALES: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };

function litres(value: number, unit: string, lang: Language): string {
  return `${new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(value)} ${unit}`;
}

/** The chart of `points`; axis titles come translated from the caller. No animation. */
export function flowVolumeChartConfig(points: readonly FlowVolumePoint[], lang: Language, axes: { volume: string; flow: string }): FlowVolumeChartConfig {
  return {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: axes.flow,
          data: points.map((p) => ({ x: p.volumeL, y: p.flowLps })),
          showLine: true,
          borderColor: '#0066cc',
          backgroundColor: '#0066cc',
          borderWidth: 2,
          pointRadius: 0,
        },
      ],
    },
    options: {
      locale: LOCALES[lang],
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: false }, tooltip: { enabled: true } },
      scales: {
        x: { type: 'linear', min: 0, title: { display: true, text: axes.volume } },
        y: { type: 'linear', title: { display: true, text: axes.flow } },
      },
    },
  };
}

/** The parameters of `devices.spirometry.curveLabel`: peak flow, the volume where it falls, total volume. */
export function flowVolumeSummary(points: readonly FlowVolumePoint[], lang: Language): { pef: string; volume: string; fvc: string } {
  const peak = points.reduce((best, p) => (p.flowLps > best.flowLps ? p : best), points[0] ?? { volumeL: 0, flowLps: 0 });
  const total = Math.max(0, ...points.map((p) => p.volumeL));
  return { pef: litres(peak.flowLps, 'L/s', lang), volume: litres(peak.volumeL, 'L', lang), fvc: litres(total, 'L', lang) };
}
