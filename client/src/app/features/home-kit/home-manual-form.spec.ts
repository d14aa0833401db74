import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ObservationDoc, SessionUser } from '@prossima/domain';
import { FakeClock, patient, provideClock, provideMemoryStorage, provideTestTranslations } from '../../../testing/test-helpers';
import { AuthStore } from '../../core/auth/auth-store';
import { AppError } from '../../core/errors/app-errors';
import { LocalWrites } from '../../core/sync/local-writes';
import { MARIO } from './home-kit-test-data';
import type { HomeKind } from './home-kinds';
import { HomeManualForm } from './home-manual-form';

describe('HomeManualForm', () => {
  let inserted: ObservationDoc[];
  /** LOINC codes whose insert fails (storage full, say). */
  let failingCodes: string[];

  function setUp(user: SessionUser = MARIO) {
    inserted = [];
    failingCodes = [];
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideRouter([]),
        provideTestTranslations(),
        provideMemoryStorage(),
        provideClock(new FakeClock(new Date('2025-11-22T06:30:00.000Z'))),
        {
          provide: LocalWrites,
          useValue: {
            insert: async (_collection: string, doc: ObservationDoc) => {
              if (failingCodes.includes(doc.code)) throw new AppError('save-failed', 'QuotaExceededError');
              inserted.push(doc);
              return doc;
            },
          } as unknown as LocalWrites,
        },
      ],
    });
    TestBed.inject(AuthStore).writeSession({ user, refreshToken: 'r' });
  }

  async function render(kind: HomeKind) {
    const fixture = TestBed.createComponent(HomeManualForm);
    fixture.componentRef.setInput('patient', patient());
    fixture.componentRef.setInput('kind', kind);
    const emitted: ObservationDoc[][] = [];
    fixture.componentInstance.saved.subscribe((docs) => emitted.push(docs));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r));
      await fixture.whenStable();
    };
    const field = (label: string) => {
      const found = Array.from(el.querySelectorAll('label')).find((l) => l.textContent?.replace(/\s+/g, ' ').trim().startsWith(label));
      const input = el.querySelector<HTMLInputElement>(`[id="${found?.getAttribute('for')}"]`);
      if (!input) throw new Error(`no field labelled "${label}"`);
      return input;
    };
    const type = async (label: string, text: string) => {
      const input = field(label);
      input.value = text;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const button = () => el.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    const save = async () => {
      button().click();
      await settle();
    };
    const description = (input: HTMLInputElement) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
        .join(' | ');
    const alertText = () => el.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return { el, emitted, field, type, save, button, description, alertText };
  }

  it('when the pressure form shows, then its fields are in plain words with an example, and the pulse is optional', async () => {
    setUp();
    const { el, field, description } = await render('pressione');
    const labels = Array.from(el.querySelectorAll('mat-label')).map((l) => l.textContent?.trim());
    expect(labels).toEqual(['Pressione massima (sistolica)', 'Pressione minima (diastolica)', 'Battiti al minuto (polso)']);
    expect(field('Pressione massima').getAttribute('inputmode')).toBe('decimal');
    expect(field('Pressione massima').required).toBe(true);
    expect(description(field('Pressione massima'))).toBe('Per esempio 130');
    expect(description(field('Battiti al minuto'))).toBe('Per esempio 72 — se lo vedi');
  });

  it('when both pressures and the pulse are saved, then a panel and a pulse are stored, emitted, and the form empties', async () => {
    setUp();
    const { emitted, type, save, field } = await render('pressione');
    await type('Pressione massima', '128');
    await type('Pressione minima', '82');
    await type('Battiti al minuto', '72');
    await save();
    expect(inserted.map((d) => [d.code, d.source.kind, d.updatedBy])).toEqual([
      ['85354-9', 'manual', 'u-mario'],
      ['8867-4', 'manual', 'u-mario'],
    ]);
    expect(emitted).toEqual([inserted]);
    expect(field('Pressione massima').value).toBe('');
  });

  it('when the minimum pressure is missing, then nothing is saved and the field says why, focused', async () => {
    setUp();
    const { type, save, field, description, alertText } = await render('pressione');
    await type('Pressione massima', '128');
    await save();
    expect(inserted).toEqual([]);
    // Material leaves aria-invalid off an empty required field (aria-required says it); the message is linked.
    const minimum = field('Pressione minima');
    expect(description(minimum)).toBe('Scrivi questo valore: lo trovi sullo schermo del dispositivo.');
    expect(alertText()).toBe('Controlla i valori segnati in rosso.');
    expect(document.activeElement).toBe(minimum);
  });

  it('when a temperature cannot be real, then the domain’s sentence is on the field and nothing is saved', async () => {
    setUp();
    const { type, save, field, description } = await render('temperatura');
    await type('Temperatura', '48');
    await save();
    expect(inserted).toEqual([]);
    expect(field('Temperatura').getAttribute('aria-invalid')).toBe('true');
    expect(description(field('Temperatura'))).toBe('Temperatura corporea: 48 °C è sopra il massimo possibile di 45 °C.');
  });

  it('when the oxygen is outside the limits, then the first save asks if it is right and the second stores it', async () => {
    setUp();
    const { type, save, button, alertText } = await render('ossigeno');
    await type('Ossigeno', '90');
    await save();
    expect(inserted).toEqual([]);
    expect(alertText()).toContain('Questo valore sembra fuori dai limiti:');
    expect(alertText()).toContain('Ossigeno (SpO₂): 90 %');
    expect(button().textContent?.trim()).toBe('Sì, è giusto: salva');
    await save();
    expect(inserted.map((d) => [d.code, d.value])).toEqual([['59408-5', 90]]);
  });

  it('when one write fails, then what was stored leaves the form and a retry stores only the rest, emitted once', async () => {
    setUp();
    const { el, emitted, type, save, alertText } = await render('pressione');
    failingCodes = ['8867-4'];
    await type('Pressione massima', '128');
    await type('Pressione minima', '82');
    await type('Battiti al minuto', '72');
    await save();
    expect(inserted.map((d) => d.code)).toEqual(['85354-9']);
    expect(emitted).toEqual([]);
    expect(alertText()).toBe('Salvataggio non riuscito. Riprova: se non funziona, chiama il tuo infermiere.');
    expect(Array.from(el.querySelectorAll('mat-label')).map((l) => l.textContent?.trim())).toEqual(['Battiti al minuto (polso)']);
    failingCodes = [];
    await save();
    expect(inserted.map((d) => d.code)).toEqual(['85354-9', '8867-4']);
    expect(emitted.map((docs) => docs.map((d) => d.code))).toEqual([['85354-9', '8867-4']]);
  });

  it('when the measurement is an ECG, then there is no form but a plain explanation', async () => {
    setUp();
    const { el } = await render('ecg');
    expect(el.querySelector('form')).toBeNull();
    expect(el.textContent).toContain('L’ECG non si può scrivere a mano');
  });

  it('when the account may not write observations, then no form is offered', async () => {
    setUp({ ...MARIO, role: 'coordinator', patientId: undefined });
    const { el } = await render('peso');
    expect(el.querySelector('form')).toBeNull();
    expect(el.textContent).toContain('Con questo accesso non puoi salvare misure.');
  });
});
