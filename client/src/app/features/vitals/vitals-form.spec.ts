import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ObservationDoc, SessionUser } from '@prossima/domain';
import { FakeClock, NURSE, patient, provideClock, provideMemoryStorage, provideTestTranslations } from '../../../testing/test-helpers';
import { AuthStore } from '../../core/auth/auth-store';
import { AppError } from '../../core/errors/app-errors';
import { LocalWrites } from '../../core/sync/local-writes';
import { VitalsFormComponent } from './vitals-form';

describe('VitalsFormComponent', () => {
  let inserted: ObservationDoc[];
  /** LOINC codes whose insert fails (storage full, say). */
  let failingCodes: string[];

  function setUp(user: SessionUser = NURSE) {
    inserted = [];
    failingCodes = [];
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideRouter([]),
        provideTestTranslations(),
        provideMemoryStorage(),
        provideClock(new FakeClock(new Date('2025-11-22T09:30:00.000Z'))),
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

  async function render(visitId?: string) {
    const fixture = TestBed.createComponent(VitalsFormComponent);
    fixture.componentRef.setInput('patient', patient());
    if (visitId) fixture.componentRef.setInput('visitId', visitId);
    const emitted: ObservationDoc[][] = [];
    fixture.componentInstance.saved.subscribe((docs) => emitted.push(docs));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    const settle = async () => {
      for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r));
      await fixture.whenStable();
    };
    /** The input whose label reads `label`. */
    const field = (label: string) => {
      const found = Array.from(el.querySelectorAll('label')).find((l) => l.textContent?.trim() === label);
      const input = el.querySelector<HTMLInputElement>(`[id="${found?.getAttribute('for')}"]`);
      if (!input) throw new Error(`no field labelled "${label}"`);
      return input;
    };
    const type = async (label: string, text: string) => {
      const input = field(label);
      input.value = text;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));
      await fixture.whenStable();
    };
    const choosePain = async (score: string) => {
      const radio = Array.from(el.querySelectorAll<HTMLInputElement>('.pain input[type="radio"]')).find(
        (r) => r.closest('label')?.textContent?.trim() === score,
      );
      radio!.click();
      await fixture.whenStable();
    };
    const save = async () => {
      Array.from(el.querySelectorAll('button'))
        .find((b) => b.textContent?.trim() === 'Salva parametri')!
        .click();
      await settle();
    };
    const confirm = async () => {
      el.querySelector<HTMLInputElement>('.confirm input[type="checkbox"]')!.click();
      await fixture.whenStable();
    };
    /** The texts an input's aria-describedby points at. */
    const description = (input: HTMLInputElement) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' | ');
    const alertText = () => el.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return { fixture, el, emitted, field, type, choosePain, save, confirm, description, alertText };
  }

  it('when the form shows, then each field is labelled and carries its unit, and pain is a 0–10 scale in a fieldset', async () => {
    setUp();
    const { el, field, description } = await render();
    const temperature = field('Temperatura corporea');
    expect(temperature.getAttribute('inputmode')).toBe('decimal');
    expect(temperature.type).toBe('text');
    expect(description(temperature)).toBe('°C');
    expect(description(field('Pressione sistolica'))).toBe('mmHg');
    const legends = Array.from(el.querySelectorAll('fieldset legend')).map((l) => l.textContent?.trim());
    expect(legends).toEqual(['Pressione arteriosa', 'Dolore (NRS 0–10)']);
    const scores = Array.from(el.querySelectorAll('.pain label')).map((l) => l.textContent?.trim());
    expect(scores).toEqual(['Non rilevato', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('when a temperature of 48 is saved with a valid heart rate, then nothing is saved and the domain message is on the field, in the alert, and focused', async () => {
    setUp();
    const { field, type, save, description, alertText } = await render();
    await type('Frequenza cardiaca', '72');
    await type('Temperatura corporea', '48');
    await save();

    expect(inserted).toEqual([]);
    const temperature = field('Temperatura corporea');
    const message = 'Temperatura corporea: 48 °C è sopra il massimo possibile di 45 °C.';
    expect(temperature.getAttribute('aria-invalid')).toBe('true');
    expect(description(temperature)).toContain(message);
    expect(alertText()).toContain('Nessun parametro salvato. Correggi questi valori:');
    expect(alertText()).toContain(message);
    expect(document.activeElement).toBe(temperature);
    expect(field('Frequenza cardiaca').getAttribute('aria-invalid')).toBe('false');
  });

  it('when an SpO2 of 120 is typed, then leaving the field shows the refusal before any save', async () => {
    setUp();
    const { field, type, description } = await render();
    await type('Saturazione di ossigeno (SpO₂)', '120');
    const spo2 = field('Saturazione di ossigeno (SpO₂)');
    expect(spo2.getAttribute('aria-invalid')).toBe('true');
    expect(description(spo2)).toContain('Saturazione di ossigeno (SpO₂): 120 % è sopra il massimo possibile di 100 %.');
  });

  it('when the diastolic is not below the systolic, then the pair is refused and nothing is saved', async () => {
    setUp();
    const { field, type, save, alertText } = await render();
    await type('Pressione sistolica', '80');
    await type('Pressione diastolica', '90');
    await type('Peso', '70');
    await save();

    expect(inserted).toEqual([]);
    expect(alertText()).toContain('Pressione diastolica: 90 mmHg deve essere inferiore alla sistolica (80 mmHg).');
    expect(document.activeElement).toBe(field('Pressione diastolica'));
  });

  it('when only the systolic is typed, then saving says the diastolic is missing', async () => {
    setUp();
    const { field, type, save, description } = await render();
    await type('Pressione sistolica', '130');
    expect(field('Pressione diastolica').getAttribute('aria-invalid')).toBe('false');
    await save();

    expect(inserted).toEqual([]);
    const diastolic = field('Pressione diastolica');
    expect(description(diastolic)).toContain('Pressione diastolica: manca.');
    expect(document.activeElement).toBe(diastolic);
  });

  it('when a value cannot be read, then the field says so in words', async () => {
    setUp();
    const { field, type, save, description } = await render();
    await type('Temperatura corporea', '3,,6');
    await save();
    expect(inserted).toEqual([]);
    expect(description(field('Temperatura corporea'))).toContain('Temperatura corporea: «3,,6» ha più di un separatore decimale.');
  });

  it('when nothing is typed, then saving asks for at least one value', async () => {
    setUp();
    const { save, alertText } = await render();
    await save();
    expect(inserted).toEqual([]);
    expect(alertText()).toBe('Nessun parametro salvato: inserisci almeno un valore.');
  });

  it('when a value is out of range, then it is warned next to the field and saved only after "Confermo i valori"', async () => {
    setUp();
    const { el, field, type, save, confirm, description, alertText } = await render();
    await type('Pressione sistolica', '150');
    await type('Pressione diastolica', '85');
    expect(description(field('Pressione sistolica'))).toContain("Fuori dall'intervallo atteso 90–139 mmHg: controlla");
    expect(field('Pressione sistolica').getAttribute('aria-invalid')).toBe('false');

    await save();
    expect(inserted).toEqual([]);
    expect(alertText()).toContain('spunta «Confermo i valori»');
    expect(el.querySelector('.confirm')?.textContent).toContain('Pressione sistolica: 150 mmHg è sopra i valori attesi (90–139 mmHg).');
    expect(document.activeElement).toBe(el.querySelector('.confirm input[type="checkbox"]'));

    await confirm();
    await save();
    expect(inserted.map((d) => d.code)).toEqual(['85354-9']);
  });

  it('when a confirmed value is changed, then it must be confirmed again', async () => {
    setUp();
    const { el, type, save, confirm } = await render();
    await type('Glicemia capillare', '250');
    await confirm();
    await type('Glicemia capillare', '260');
    expect(el.querySelector<HTMLInputElement>('.confirm input[type="checkbox"]')!.checked).toBe(false);
    await save();
    expect(inserted).toEqual([]);
  });

  it('when valid values are saved with a decimal comma, then LOINC/UCUM-coded observations are stored, emitted and the form resets', async () => {
    setUp();
    const { el, emitted, field, type, choosePain, save } = await render('v-1');
    await type('Pressione sistolica', '130');
    await type('Pressione diastolica', '80');
    await type('Temperatura corporea', '36,8');
    await choosePain('2');
    await save();

    expect(inserted).toEqual([
      {
        id: 'obs-p-mario-1763803800000-blood-pressure',
        districtId: 'd-roma1',
        patientId: 'p-mario',
        visitId: 'v-1',
        code: '85354-9',
        components: [
          { code: '8480-6', value: 130, unit: 'mm[Hg]' },
          { code: '8462-4', value: 80, unit: 'mm[Hg]' },
        ],
        effectiveAt: '2025-11-22T09:30:00.000Z',
        source: { kind: 'manual' },
        updatedAt: '2025-11-22T09:30:00.000Z',
        updatedBy: 'u-anna',
      },
      expect.objectContaining({ id: 'obs-p-mario-1763803800000-body-temperature', code: '8310-5', value: 36.8, unit: 'Cel' }),
      expect.objectContaining({ id: 'obs-p-mario-1763803800000-pain-nrs', code: '72514-3', value: 2, unit: '{score}' }),
    ]);
    expect(emitted).toEqual([inserted]);
    expect(field('Temperatura corporea').value).toBe('');
    expect(el.querySelector<HTMLInputElement>('.pain input:checked')?.closest('label')?.textContent?.trim()).toBe('Non rilevato');
    expect(el.querySelector('p.saved[aria-live="polite"]')?.textContent?.trim()).toBe('✓ Parametri salvati');
  });

  it('when one write fails, then the alert names what was and was not saved and only the unsaved value stays', async () => {
    setUp();
    const { emitted, field, type, save, alertText } = await render();
    failingCodes = ['8310-5'];
    await type('Frequenza cardiaca', '72');
    await type('Temperatura corporea', '36,8');
    await save();

    expect(inserted.map((d) => d.code)).toEqual(['8867-4']);
    expect(emitted).toEqual([inserted]);
    expect(alertText()).toContain('Salvataggio non riuscito');
    expect(alertText()).toContain('Non salvati: Temperatura corporea.');
    expect(alertText()).toContain('Già salvati: Frequenza cardiaca.');
    expect(field('Temperatura corporea').value).toBe('36,8');
    expect(field('Frequenza cardiaca').value).toBe('');
  });

  it('when the role may only read observations, then no form is offered', async () => {
    setUp({ ...NURSE, id: 'u-dn', role: 'district-nurse' });
    const { el } = await render();
    expect(el.querySelector('form')).toBeNull();
    expect(el.textContent).toContain('Il tuo ruolo può consultare i parametri vitali ma non registrarli.');
  });
});
