import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { SessionUser } from '@prossima/domain';
import { of } from 'rxjs';
import { NURSE, patient, provideMemoryStorage, provideTestTranslations } from '../../../testing/test-helpers';
import { AuthStore } from '../../core/auth/auth-store';
import { LocalRecords } from '../../core/database/local-records';
import { TREND_CHART_RENDERER } from './trend-chart';
import type { TrendChartConfig } from './trend-chart-config';
import { VitalsHistoryPage } from './vitals-history-page';
import { observation, pressurePanel } from './vitals-test-data';

describe('VitalsHistoryPage', () => {
  let drawn: { canvas: HTMLCanvasElement; config: TrendChartConfig }[];
  let destroyed: number;

  function setUp(user: SessionUser = NURSE) {
    drawn = [];
    destroyed = 0;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideRouter([]),
        provideTestTranslations(),
        provideMemoryStorage(),
        {
          provide: LocalRecords,
          useValue: {
            patient$: () => of(patient()),
            observationsOfPatient$: () =>
              of([
                pressurePanel(130, 80, { id: 'bp1', effectiveAt: '2025-11-20T11:00:00.000Z' }),
                pressurePanel(152, 95, { id: 'bp2', effectiveAt: '2025-11-22T11:00:00.000Z' }),
                observation({ id: 't1', value: 36.6, effectiveAt: '2025-11-21T11:00:00.000Z' }),
              ]),
          } satisfies Partial<LocalRecords>,
        },
        {
          provide: TREND_CHART_RENDERER,
          useValue: (canvas: HTMLCanvasElement, config: TrendChartConfig) => {
            drawn.push({ canvas, config });
            return { destroy: () => destroyed++ };
          },
        },
      ],
    });
    TestBed.inject(AuthStore).writeSession({ user, refreshToken: 'r' });
  }

  async function render() {
    const fixture = TestBed.createComponent(VitalsHistoryPage);
    fixture.componentRef.setInput('patientId', 'p-mario');
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('when the patient has values, then each kind has a heading, its expected range, a chart and a table', async () => {
    setUp();
    const { el } = await render();
    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Parametri vitali — Mario Rossi');
    const sections = Array.from(el.querySelectorAll('section.trend'));
    expect(sections.map((s) => s.querySelector('h2')?.textContent?.trim())).toEqual(['Pressione arteriosa', 'Temperatura corporea']);
    const [pressure, temperature] = sections;
    expect(pressure.querySelector('.ranges')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Pressione sistolica, intervallo atteso: 90–139 mmHg Pressione diastolica, intervallo atteso: 60–89 mmHg',
    );
    expect(temperature.querySelector('.ranges')?.textContent?.trim()).toBe('Intervallo atteso: 35,5–37,5 °C');
  });

  it('when blood pressure is charted, then systolic and diastolic are two lines and the canvas is an image with a summary', async () => {
    setUp();
    const { el } = await render();
    expect(drawn).toHaveLength(2);
    expect(drawn[0].config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Pressione sistolica (mmHg)', [130, 152]],
      ['Pressione diastolica (mmHg)', [80, 95]],
    ]);
    const canvas = el.querySelector('section.trend canvas')!;
    expect(drawn[0].canvas).toBe(canvas);
    expect(canvas.getAttribute('role')).toBe('img');
    const label = canvas.getAttribute('aria-label') ?? '';
    expect(label).toContain("Pressione arteriosa, grafico dell’andamento. Misurazioni: 2");
    expect(label).toContain('Ultima: 152/95 mmHg');
  });

  it('when the values are listed in the table, then the newest comes first with the out-of-range marker in text', async () => {
    setUp();
    const { el } = await render();
    const table = el.querySelector('section.trend table')!;
    expect(table.querySelector('caption')?.textContent?.trim()).toBe('Pressione arteriosa: tutti i valori, dal più recente');
    const headers = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent?.trim());
    expect(headers).toEqual(['Data e ora', 'Pressione sistolica (mmHg)', 'Pressione diastolica (mmHg)', 'Fonte']);
    const first = Array.from(table.querySelectorAll('tbody tr')[0].children).map((c) => c.textContent?.replace(/\s+/g, ' ').trim());
    expect(first[0]).toContain('22/11/2025');
    expect(first.slice(1)).toEqual(['152 mmHg ⚠ fuori intervallo', '95 mmHg ⚠ fuori intervallo', 'Manuale']);
  });

  it('when the page closes, then its charts are destroyed', async () => {
    setUp();
    const { fixture } = await render();
    fixture.destroy();
    expect(destroyed).toBe(2);
  });

  it('when a nurse reads the trends, then she can go to the form; the patient cannot', async () => {
    setUp();
    const { el } = await render();
    expect(el.querySelector('a.action-link')?.getAttribute('href')).toBe('/pazienti/p-mario/parametri/nuovi');
    TestBed.resetTestingModule();
    setUp({ ...NURSE, id: 'u-mario', role: 'patient' });
    const { el: patientView } = await render();
    expect(patientView.querySelector('a.action-link')).toBeNull();
    expect(patientView.querySelectorAll('section.trend')).toHaveLength(2);
  });
});
