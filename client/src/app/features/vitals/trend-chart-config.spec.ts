import { trendChartConfig, trendSummary } from './trend-chart-config';
import { readingsByKind } from './vital-readings';
import { observation, pressurePanel } from './vitals-test-data';

const pressures = readingsByKind([
  pressurePanel(130, 80, { id: 'bp1', effectiveAt: '2025-11-20T09:00:00.000Z' }),
  pressurePanel(150, 95, { id: 'bp2', effectiveAt: '2025-11-22T09:00:00.000Z' }),
])[0];
const temperatures = readingsByKind([
  observation({ id: 't1', value: 36.6, effectiveAt: '2025-11-20T09:00:00.000Z' }),
  observation({ id: 't2', value: 37.9, effectiveAt: '2025-11-21T09:00:00.000Z' }),
  observation({ id: 't3', value: 36.8, effectiveAt: '2025-11-22T09:00:00.000Z' }),
])[0];

describe('trendChartConfig', () => {
  it('when the kind is blood pressure, then the chart has a systolic and a diastolic line that differ beyond colour', () => {
    const config = trendChartConfig(pressures, 'it', 'Europe/Rome');
    expect(config.type).toBe('line');
    expect(config.data.labels).toEqual(['20/11/2025 10:00', '22/11/2025 10:00']);
    expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Pressione sistolica (mmHg)', [130, 150]],
      ['Pressione diastolica (mmHg)', [80, 95]],
    ]);
    const [systolic, diastolic] = config.data.datasets;
    expect(systolic.pointStyle).not.toBe(diastolic.pointStyle);
    expect(systolic.borderDash).not.toEqual(diastolic.borderDash);
  });

  it('when the language is Italian, then chart.js formats numbers with the Italian locale and the unit names the axis', () => {
    const config = trendChartConfig(temperatures, 'it', 'Europe/Rome');
    expect(config.options?.locale).toBe('it-IT');
    expect(config.options?.animation).toBe(false);
    expect(config.data.datasets).toHaveLength(1);
    expect(config.data.datasets[0].data).toEqual([36.6, 37.9, 36.8]);
    expect(config.options?.scales?.['y']?.title).toEqual({ display: true, text: '°C' });
  });
});

describe('trendSummary', () => {
  it('when a trend is summarised, then it names the count, the period, the last value and the lowest and highest', () => {
    expect(trendSummary(temperatures, 'Temperatura corporea', 'it', 'Europe/Rome')).toEqual({
      label: 'Temperatura corporea',
      count: '3',
      from: '20/11/2025 10:00',
      to: '22/11/2025 10:00',
      last: '36,8 °C',
      span: 'Temperatura corporea 36,6 °C – 37,9 °C',
    });
  });

  it('when blood pressure is summarised, then both lines are described', () => {
    const summary = trendSummary(pressures, 'Pressione arteriosa', 'it', 'Europe/Rome');
    expect(summary.last).toBe('150/95 mmHg');
    expect(summary.span).toBe('Pressione sistolica 130 mmHg – 150 mmHg; Pressione diastolica 80 mmHg – 95 mmHg');
  });
});
