import { TestBed } from '@angular/core/testing';
import type { ObservationDoc } from '@prossima/domain';
import { driver, setUpDevices } from './devices-spec-setup';
import { flowVolumeChartConfig, flowVolumeSummary } from './spirometry-chart';
import { SpirometryView } from './spirometry-view';

const panel: ObservationDoc = {
  id: 'o',
  districtId: 'd-roma1',
  patientId: 'p-mario',
  code: '81458-2',
  components: [
    { code: '19868-9', value: 3.2, unit: 'L' },
    { code: '20150-9', value: 1.9, unit: 'L' },
    { code: '19926-5', value: 59.4, unit: '%' },
    { code: '65821-1', value: 4.1, unit: 'L/s' },
  ],
  effectiveAt: '2025-11-22T09:30:00.000Z',
  source: { kind: 'device' },
  updatedAt: '2025-11-22T09:30:00.000Z',
  updatedBy: 'u-anna',
};
const curve = [
  { volumeL: 0, flowLps: 0 },
  { volumeL: 0.3, flowLps: 6.2 },
  { volumeL: 1.5, flowLps: 3 },
  { volumeL: 3.2, flowLps: 0 },
];

describe('SpirometryView', () => {
  async function render(flowVolume?: typeof curve) {
    const fixture = TestBed.createComponent(SpirometryView);
    fixture.componentRef.setInput('observation', panel);
    if (flowVolume) fixture.componentRef.setInput('flowVolume', flowVolume);
    await fixture.whenStable();
    return driver(fixture);
  }

  it('when the indices are shown, then each is a row with its value and expected range, a low ratio flagged in words', async () => {
    setUpDevices();
    const { el, text } = await render();
    const rows = Array.from(el.querySelectorAll('tbody tr')).map((row) => Array.from(row.children).map((cell) => text(cell)));
    expect(rows[0]).toEqual(['Capacità vitale forzata (FVC)', '3,20 L', '1,00–7,00 L']);
    expect(rows[2]).toEqual(['Rapporto FEV1/FVC', '59,4 % ⚠ fuori dall’intervallo atteso', '70,0–100,0 %']);
    expect(rows[3][2]).toBe('nessuno fisso');
    expect(text()).toContain('Lo spirometro non ha inviato la curva flusso–volume.');
  });

  it('when the curve is given, then a chart of flow over volume is drawn and named by its peak and total volume', async () => {
    const world = setUpDevices();
    const { el } = await render(curve);
    const canvas = el.querySelector('canvas')!;
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toBe('Curva flusso–volume: picco di flusso 6,20 L/s a 0,30 L espirati, volume totale 3,20 L');
    const config = world.chartsDrawn.at(-1)!;
    expect(config.type).toBe('scatter');
    expect(config.data.datasets[0].data[1]).toEqual({ x: 0.3, y: 6.2 });
  });

  it('when the chart config is built, then the axes carry the titles given and nothing animates', () => {
    const config = flowVolumeChartConfig(curve, 'en', { volume: 'Volume (L)', flow: 'Flow (L/s)' });
    expect(config.options?.animation).toBe(false);
    expect(flowVolumeSummary(curve, 'en')).toEqual({ pef: '6.20 L/s', volume: '0.30 L', fvc: '3.20 L' });
  });
});
