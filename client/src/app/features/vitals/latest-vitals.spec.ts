import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ObservationDoc } from '@prossima/domain';
import { BehaviorSubject } from 'rxjs';
import { provideMemoryStorage, provideTestTranslations } from '../../../testing/test-helpers';
import { LocalRecords } from '../../core/database/local-records';
import { LatestVitalsComponent } from './latest-vitals';
import { observation, pressurePanel } from './vitals-test-data';

describe('LatestVitalsComponent', () => {
  let observations: BehaviorSubject<ObservationDoc[]>;

  beforeEach(() => {
    observations = new BehaviorSubject<ObservationDoc[]>([
      observation({ id: 't-old', value: 36.5, effectiveAt: '2025-11-18T11:00:00.000Z' }),
      observation({ id: 't-new', value: 38.4, effectiveAt: '2025-11-22T11:00:00.000Z' }),
      pressurePanel(128, 78, { id: 'bp', effectiveAt: '2025-11-21T11:00:00.000Z', source: { kind: 'device', deviceId: 'dev-1' } }),
    ]);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideTestTranslations(),
        provideMemoryStorage(),
        { provide: LocalRecords, useValue: { observationsOfPatient$: () => observations } satisfies Partial<LocalRecords> },
      ],
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(LatestVitalsComponent);
    fixture.componentRef.setInput('patientId', 'p-mario');
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const rows = () =>
      Array.from(el.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map((c) => c.textContent?.replace(/\s+/g, ' ').trim()));
    return { fixture, el, rows };
  }

  it('when a kind was measured several times, then the table shows its newest value, with unit, date and source', async () => {
    const { el, rows } = await render();
    expect(el.querySelector('caption')?.textContent?.trim()).toBe('Ultimo valore di ogni parametro');
    const [pressure, temperature] = rows();
    expect(pressure[0]).toBe('Pressione arteriosa');
    expect(pressure[1]).toBe('128/78 mmHg');
    expect(pressure[2]).toContain('21/11/2025');
    expect(pressure[3]).toBe('Dispositivo');
    expect(temperature[0]).toBe('Temperatura corporea');
    expect(temperature[1]).toBe('38,4 °C ⚠ fuori intervallo');
    expect(temperature[2]).toContain('22/11/2025');
    expect(temperature[3]).toBe('Manuale');
    expect(rows()).toHaveLength(2);
  });

  it('when a newer value arrives (saved or synced), then the table shows it', async () => {
    const { fixture, rows } = await render();
    observations.next([...observations.value, observation({ id: 't-newest', value: 36.9, effectiveAt: '2025-11-23T11:00:00.000Z' })]);
    await fixture.whenStable();
    expect(rows()[1][1]).toBe('36,9 °C');
  });

  it('when nothing was measured, then it says so', async () => {
    observations.next([]);
    const { el } = await render();
    expect(el.querySelector('table')).toBeNull();
    expect(el.textContent).toContain('Nessun parametro vitale registrato.');
  });

  it('when values exist, then a link leads to the trends page', async () => {
    const { el } = await render();
    expect(el.querySelector('a')?.getAttribute('href')).toBe('/pazienti/p-mario/parametri');
  });
});
