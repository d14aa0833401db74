import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { ObservationDoc } from '@prossima/domain';
import { BehaviorSubject, of } from 'rxjs';
import { FakeClock, NURSE, patient, provideClock, provideMemoryStorage, provideTestTranslations } from '../../../testing/test-helpers';
import { AuthStore } from '../../core/auth/auth-store';
import { LocalRecords } from '../../core/database/local-records';
import { LocalWrites } from '../../core/sync/local-writes';
import { VitalsFormPage } from './vitals-form-page';

describe('VitalsFormPage', () => {
  let stored: BehaviorSubject<ObservationDoc[]>;
  let navigations: (readonly unknown[])[];

  beforeEach(() => {
    stored = new BehaviorSubject<ObservationDoc[]>([]);
    navigations = [];
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideRouter([]),
        provideTestTranslations(),
        provideMemoryStorage(),
        provideClock(new FakeClock(new Date('2025-11-22T11:30:00.000Z'))),
        {
          provide: LocalRecords,
          useValue: { patient$: () => of(patient()), observationsOfPatient$: () => stored } satisfies Partial<LocalRecords>,
        },
        {
          provide: LocalWrites,
          useValue: {
            insert: async (_collection: string, doc: ObservationDoc) => {
              stored.next([...stored.value, doc]);
              return doc;
            },
          } as unknown as LocalWrites,
        },
      ],
    });
    TestBed.inject(AuthStore).writeSession({ user: NURSE, refreshToken: 'r' });
    const router = TestBed.inject(Router);
    vi.spyOn(router, 'navigate').mockImplementation(async (commands) => {
      navigations.push(commands);
      return true;
    });
  });

  async function render(visita?: string) {
    const fixture = TestBed.createComponent(VitalsFormPage);
    fixture.componentRef.setInput('patientId', 'p-mario');
    if (visita !== undefined) fixture.componentRef.setInput('visita', visita);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const saveTemperature = async (text: string) => {
      const label = Array.from(el.querySelectorAll('label')).find((l) => l.textContent?.trim() === 'Temperatura corporea');
      const input = el.querySelector<HTMLInputElement>(`[id="${label?.getAttribute('for')}"]`)!;
      input.value = text;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));
      Array.from(el.querySelectorAll('button'))
        .find((b) => b.textContent?.trim() === 'Salva parametri')!
        .click();
      for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r));
      await fixture.whenStable();
    };
    return { fixture, el, saveTemperature };
  }

  it('when opened from a visit, then saving stores the visit on the observation and goes back to the visit', async () => {
    const { el, saveTemperature } = await render('v-1');
    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Nuovi parametri vitali — Mario Rossi');
    expect(el.querySelector('.back a')?.getAttribute('href')).toBe('/visite/v-1');
    await saveTemperature('37,2');
    expect(stored.value).toEqual([expect.objectContaining({ code: '8310-5', value: 37.2, unit: 'Cel', visitId: 'v-1' })]);
    expect(navigations).toEqual([['/visite', 'v-1']]);
  });

  it('when opened without a visit, then it stays and the latest table shows the value just saved', async () => {
    const { el, saveTemperature } = await render();
    expect(el.querySelector('.back a')?.getAttribute('href')).toBe('/pazienti/p-mario');
    await saveTemperature('36,8');
    expect(navigations).toEqual([]);
    expect(stored.value[0].visitId).toBeUndefined();
    expect(el.querySelector('app-latest-vitals tbody tr')?.textContent).toContain('36,8 °C');
    expect(el.textContent).toContain('Parametri salvati');
  });

  it('when the visit in the address is not a valid id, then it is ignored', async () => {
    const { saveTemperature } = await render('Not a visit!');
    await saveTemperature('36,8');
    expect(stored.value[0].visitId).toBeUndefined();
    expect(navigations).toEqual([]);
  });
});
