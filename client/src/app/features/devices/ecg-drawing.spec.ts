import type { EcgStrip } from '@prossima/device-bridge';
import { drawEcg, ecgLayout, LABEL_MM, MM_PER_MV, PX_PER_MM, ROW_MM, segmentCount, type EcgContext } from './ecg-drawing';

const strip = (leads: EcgStrip['leads'], sampleRateHz = 100, unit: EcgStrip['unit'] = 'uV', scale = 1): EcgStrip => ({ sampleRateHz, unit, scale, leads });
const ramp = (count: number) => Array.from({ length: count }, (_, i) => i);

describe('ecgLayout', () => {
  it('when one lead lasts 30 s, then it is three rows of 10 s, in mV, on paper 25 mm/s wide', () => {
    const layout = ecgLayout(strip({ I: ramp(3000) }));
    expect(layout.rows.map((r) => [r.lead, r.fromS, r.toS, r.millivolts.length])).toEqual([
      ['I', 0, 10, 1000],
      ['I', 10, 20, 1000],
      ['I', 20, 30, 1000],
    ]);
    expect(layout.rows[1].millivolts[0]).toBeCloseTo(1); // sample 1000 µV
    expect(layout.widthMm).toBe(LABEL_MM + 250);
    expect(layout.heightMm).toBe(3 * ROW_MM);
  });

  it('when a strip has several leads, then each lead is one row of the chosen 10 s stretch', () => {
    const s = strip({ I: ramp(2500), II: ramp(2500), V1: ramp(2500) });
    expect(segmentCount(s)).toBe(3);
    const layout = ecgLayout(s, 2);
    expect(layout.rows.map((r) => [r.lead, r.fromS, r.toS, r.millivolts.length])).toEqual([
      ['I', 20, 25, 500],
      ['II', 20, 25, 500],
      ['V1', 20, 25, 500],
    ]);
    expect(ecgLayout(s, 9).rows[0].fromS).toBe(20);
  });

  it('when samples are counts of a mV scale, then they are converted with it', () => {
    const layout = ecgLayout(strip({ I: [0, 405, -405] }, 125, 'mV', 0.0024672));
    expect(layout.rows[0].millivolts[1]).toBeCloseTo(1, 2);
  });
});

describe('drawEcg', () => {
  it('when a layout is drawn, then the grid goes down first and each row gets its label and one trace at 10 mm/mV', () => {
    const calls: string[] = [];
    const points: [number, number][] = [];
    const context = {
      fillStyle: '',
      strokeStyle: '',
      lineWidth: 1,
      font: '',
      textBaseline: 'alphabetic',
      fillRect: () => calls.push('fillRect'),
      beginPath: () => calls.push('beginPath'),
      moveTo: (x: number, y: number) => points.push([x, y]),
      lineTo: (x: number, y: number) => points.push([x, y]),
      stroke: () => calls.push('stroke'),
      fillText: (text: string) => calls.push(`text ${text}`),
    } as unknown as EcgContext;
    drawEcg(context, ecgLayout(strip({ II: [0, 1000] }, 25)));
    expect(calls[0]).toBe('fillRect');
    expect(calls).toContain('text II');
    // The last point: 1 mV, one sample (1 mm at 25 Hz and 25 mm/s) after the first, above the baseline by 10 mm.
    const [x, y] = points.at(-1)!;
    expect(x).toBeCloseTo((LABEL_MM + 1) * PX_PER_MM);
    expect(y).toBeCloseTo((ROW_MM / 2 - MM_PER_MV) * PX_PER_MM);
  });
});
