import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { BARTHEL, NRS, type AssessmentDoc } from '@prossima/domain';
import { of } from 'rxjs';
import { NURSE, patient, provideMemoryStorage, provideTestTranslations } from '../../../testing/test-helpers';
import { AuthStore } from '../../core/auth/auth-store';
import { LocalRecords } from '../../core/database/local-records';
import { AssessmentHistoryPage } from './assessment-history-page';
import { fullAnswers, storedAssessment } from './assessment-test-data';
import { TREND_CHART_FACTORY, TrendPoint } from './score-trend-chart';

describe('AssessmentHistoryPage', () => {
  let results: AssessmentDoc[];
  let charts: { points: readonly TrendPoint[]; destroyed: boolean }[];

  function configure(role: 'nurse' | 'coordinator' = 'nurse'): void {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideRouter([]),
        provideTestTranslations(),
        provideMemoryStorage(),
        {
          provide: LocalRecords,
          useValue: { patient$: () => of(patient()), assessmentsOfPatient$: () => of(results) } satisfies Partial<LocalRecords>,
        },
        {
          provide: TREND_CHART_FACTORY,
          useValue: (_canvas: HTMLCanvasElement, points: readonly TrendPoint[]) => {
            const chart = { points, destroyed: false };
            charts.push(chart);
            return { destroy: () => (chart.destroyed = true) };
          },
        },
      ],
    });
    TestBed.inject(AuthStore).writeSession({ user: { ...NURSE, role }, refreshToken: 'r' });
  }

  beforeEach(() => {
    charts = [];
    results = [
      storedAssessment(NRS, { intensity: '7' }, { id: 'a-1', takenAt: '2025-11-01T09:00:00.000Z' }),
      storedAssessment(NRS, { intensity: '3' }, { id: 'a-2', takenAt: '2025-11-12T09:00:00.000Z' }),
      storedAssessment(BARTHEL, fullAnswers(BARTHEL), { id: 'a-3', takenAt: '2025-11-05T09:00:00.000Z' }),
    ];
  });

  async function render() {
    const fixture = TestBed.createComponent(AssessmentHistoryPage);
    fixture.componentRef.setInput('patientId', 'p-mario');
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  function section(el: HTMLElement, title: string): HTMLElement {
    const found = Array.from(el.querySelectorAll<HTMLElement>('section')).find((s) => s.querySelector('h2')?.textContent?.trim() === title);
    if (!found) throw new Error(`no section "${title}"`);
    return found;
  }

  const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('when a patient has results, then each instrument shows its latest date, total, band and convention', async () => {
    configure();
    const { el } = await render();
    expect(text(el.querySelector('h1'))).toBe('Valutazioni — Mario Rossi');
    expect(Array.from(el.querySelectorAll('section h2')).map((h) => text(h))).toEqual(['Indice di Barthel', 'Scala numerica del dolore (NRS)']);
    const nrs = section(el, 'Scala numerica del dolore (NRS)');
    expect(Array.from(nrs.querySelectorAll('dt, dd')).map((n) => text(n))).toEqual([
      'Ultima valutazione',
      '12/11/2025',
      'Punteggio',
      '3',
      'Fascia',
      'Dolore lieve',
      'Convenzione',
      '0 / 1–3 / 4–6 / 7–10',
    ]);
  });

  it('when there is a previous result, then the change since it is said in words, not only by colour', async () => {
    configure();
    const { el } = await render();
    expect(text(section(el, 'Scala numerica del dolore (NRS)').querySelector('.change'))).toBe('✓ −4 rispetto al 01/11/2025, migliorato');
    expect(text(section(el, 'Indice di Barthel').querySelector('.change'))).toBe('• Prima valutazione: nessun confronto');
  });

  it('when an instrument has several results, then its trend is drawn with a spoken summary and the same data as a table', async () => {
    configure();
    const { fixture, el } = await render();
    const nrs = section(el, 'Scala numerica del dolore (NRS)');
    const canvas = nrs.querySelector('canvas')!;
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toBe(
      'Andamento di Scala numerica del dolore (NRS): 2 valutazioni dal 01/11/2025 al 12/11/2025, punteggio da 7 a 3; ultima variazione: migliorato',
    );
    expect(charts).toHaveLength(1);
    expect(charts[0].points.map((p) => p.value)).toEqual([7, 3]);
    const rows = Array.from(nrs.querySelectorAll('tbody tr')).map((r) => Array.from(r.querySelectorAll('td')).map((td) => text(td)));
    expect(rows).toEqual([
      ['01/11/2025', '7', 'Dolore grave'],
      ['12/11/2025', '3', 'Dolore lieve'],
    ]);
    expect(text(nrs.querySelector('caption'))).toBe('Punteggi di Scala numerica del dolore (NRS)');
    // A single result has no chart.
    expect(section(el, 'Indice di Barthel').querySelector('canvas')).toBeNull();

    fixture.destroy();
    expect(charts[0].destroyed).toBe(true);
  });

  it('when the nurse opens "Nuova valutazione", then only enabled instruments are offered as links to the form', async () => {
    configure();
    const { fixture, el } = await render();
    Array.from(el.querySelectorAll('button'))
      .find((b) => text(b) === 'Nuova valutazione')!
      .click();
    await fixture.whenStable();
    const items = Array.from(document.querySelectorAll<HTMLAnchorElement>('.mat-mdc-menu-panel a[mat-menu-item]'));
    expect(items.map((a) => text(a))).toContain('Indice di Barthel');
    expect(items.map((a) => text(a)).some((t) => t.includes('Braden'))).toBe(false);
    expect(items.find((a) => text(a) === 'Indice di Barthel')?.getAttribute('href')).toBe('/pazienti/p-mario/valutazioni/nuova/barthel');
    document.querySelectorAll('.cdk-overlay-container').forEach((n) => n.remove());
  });

  it('when a coordinator reads the history, then no new assessment is offered', async () => {
    configure('coordinator');
    const { el } = await render();
    expect(Array.from(el.querySelectorAll('button')).some((b) => text(b) === 'Nuova valutazione')).toBe(false);
  });

  it('when the patient has no result, then the page says so', async () => {
    results = [];
    configure();
    const { el } = await render();
    expect(el.textContent).toContain('Nessuna valutazione registrata per questo paziente.');
  });
});
