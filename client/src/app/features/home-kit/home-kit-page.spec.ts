import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ObservationDoc, SessionUser } from '@prossima/domain';
import { of } from 'rxjs';
import { FakeClock, patient, provideClock, provideMemoryStorage, provideTestTranslations } from '../../../testing/test-helpers';
import { AuthStore } from '../../core/auth/auth-store';
import { LocalRecords } from '../../core/database/local-records';
import { TREND_CHART_RENDERER } from '../vitals/trend-chart';
import type { TrendChartConfig } from '../vitals/trend-chart-config';
import { HOME_TIME_ZONE } from './home-format';
import { HomeKitPage } from './home-kit-page';
import { MARIO, observation, pressurePanel } from './home-kit-test-data';

describe('HomeKitPage', () => {
  let drawn: TrendChartConfig[];

  function setUp(observations: ObservationDoc[], user: SessionUser = MARIO) {
    drawn = [];
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideRouter([]),
        provideTestTranslations(),
        provideMemoryStorage(),
        // Saturday 22 November 2025, 08:15 in Rome.
        provideClock(new FakeClock(new Date('2025-11-22T07:15:00.000Z'))),
        { provide: HOME_TIME_ZONE, useValue: 'Europe/Rome' },
        {
          provide: LocalRecords,
          useValue: {
            patient$: (id: string) => of(id === 'p-mario' ? patient() : null),
            observationsOfPatient$: (id: string) => of(id === 'p-mario' ? observations : []),
          } satisfies Partial<LocalRecords>,
        },
        {
          provide: TREND_CHART_RENDERER,
          useValue: (_canvas: HTMLCanvasElement, config: TrendChartConfig) => {
            drawn.push(config);
            return { destroy: () => undefined };
          },
        },
      ],
    });
    TestBed.inject(AuthStore).writeSession({ user, refreshToken: 'r' });
  }

  async function render() {
    const fixture = TestBed.createComponent(HomeKitPage);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('when Mario opens his home screen, then he is greeted by name and sees six big links named by their word', async () => {
    setUp([]);
    const el = await render();
    expect(text(el.querySelector('h1'))).toBe('Buongiorno, Mario');
    const nav = el.querySelector('nav')!;
    expect(text(document.getElementById(nav.getAttribute('aria-labelledby')!))).toBe('Che cosa vuoi misurare?');
    const links = Array.from(nav.querySelectorAll('a'));
    // The picture is hidden from assistive technology: the accessible name is the word alone.
    expect(links.map((a) => text(a))).toEqual(['Pressione', 'Ossigeno', 'Temperatura', 'ECG', 'Spirometria', 'Peso']);
    expect(links.every((a) => a.querySelector('svg')?.getAttribute('aria-hidden') === 'true')).toBe(true);
    // Each picture is drawn (SVG shapes in the SVG namespace, not unknown HTML elements).
    expect(links.every((a) => a.querySelector('svg > :first-child')?.namespaceURI === 'http://www.w3.org/2000/svg')).toBe(true);
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/casa/misura/pressione',
      '/casa/misura/ossigeno',
      '/casa/misura/temperatura',
      '/casa/misura/ecg',
      '/casa/misura/spirometria',
      '/casa/misura/peso',
    ]);
  });

  it('when nothing was measured yet, then the history says so', async () => {
    setUp([]);
    const el = await render();
    expect(text(el.querySelector('.history .none'))).toBe('Non ci sono ancora misure. Scegli qui sopra che cosa misurare.');
    expect(drawn).toEqual([]);
  });

  it('when he measured his pressure yesterday at 07:30, then the history shows it last, in Italian, with its range message', async () => {
    setUp([
      pressurePanel(128, 82, { id: 'bp1', effectiveAt: '2025-11-19T06:30:00.000Z' }),
      pressurePanel(152, 95, { id: 'bp2', effectiveAt: '2025-11-21T06:30:00.000Z' }),
      observation({ id: 't1', value: 36.8, effectiveAt: '2025-11-22T06:00:00.000Z' }),
    ]);
    const el = await render();
    const sections = Array.from(el.querySelectorAll('section.kind'));
    expect(sections.map((s) => text(s.querySelector('h3')))).toEqual(['Pressione', 'Temperatura']);

    const [pressure, temperature] = sections;
    expect(text(pressure.querySelector('.last'))).toBe('Ultima misura: ieri alle 07:30');
    expect(text(pressure.querySelector('.value'))).toBe('152/95 mmHg');
    expect(text(pressure.querySelector('.range'))).toBe('⚠ Valore fuori dai limiti: il tuo infermiere lo vedrà');
    expect(text(temperature.querySelector('.last'))).toBe('Ultima misura: oggi alle 07:00');
    expect(text(temperature.querySelector('.value'))).toBe('36,8 °C');
    expect(text(temperature.querySelector('.range'))).toBe('✓ Valore nella norma');
  });

  it('when the history is charted, then each chart is an image with a spoken summary and a table holds the same values', async () => {
    setUp([
      pressurePanel(128, 82, { id: 'bp1', effectiveAt: '2025-11-19T06:30:00.000Z' }),
      pressurePanel(152, 95, { id: 'bp2', effectiveAt: '2025-11-21T06:30:00.000Z' }),
    ]);
    const el = await render();
    expect(drawn).toHaveLength(1);
    expect(drawn[0].data.datasets.map((d) => d.data)).toEqual([[128, 152], [82, 95]]);
    const canvas = el.querySelector('section.kind canvas')!;
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toBe(
      'Pressione, grafico delle ultime 2 misure, dal 19/11/2025 07:30 al 21/11/2025 07:30. Ultima: 152/95 mmHg. I valori sono anche nella tabella.',
    );
    const table = el.querySelector('section.kind table')!;
    expect(text(table.querySelector('caption'))).toBe('Pressione: le ultime misure, dalla più recente');
    const rows = Array.from(table.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map((c) => text(c)));
    expect(rows).toEqual([
      ['ieri alle 07:30', '152/95 mmHg', '⚠ fuori dai limiti'],
      ['il 19/11/2025 alle 07:30', '128/82 mmHg', '✓ nella norma'],
    ]);
  });

  it('when the account is not a patient’s, then the page says it is for patients and shows no buttons', async () => {
    setUp([], { ...MARIO, patientId: undefined });
    const el = await render();
    expect(text(el.querySelector('h1'))).toBe('Le mie misure');
    expect(el.querySelector('nav')).toBeNull();
  });
});
