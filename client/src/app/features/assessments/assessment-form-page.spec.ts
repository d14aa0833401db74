import { provideHttpClient } from '@angular/common/http';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { BARTHEL_SHAH, documentRuleProblem, scoreInstrument, type AssessmentDoc, type SessionUser } from '@prossima/domain';
import { of } from 'rxjs';
import { FakeClock, NURSE, patient, provideClock, provideTestTranslations } from '../../../testing/test-helpers';
import { LocalRecords } from '../../core/database/local-records';
import { formatTime } from '../../core/i18n/format';
import { LOCAL_STORE, MemoryStore, SESSION_STORE } from '../../core/storage';
import { LocalWrites } from '../../core/sync/local-writes';
import { AssessmentFormPage } from './assessment-form-page';
import { fullAnswers, unlockedDevice } from './assessment-test-data';

@Component({ template: '' })
class Blank {}

describe('AssessmentFormPage', () => {
  let local: MemoryStore;
  let tab: MemoryStore;
  let inserted: AssessmentDoc[];
  let clock: FakeClock;

  function configure(): void {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideRouter([
          { path: 'pazienti/:patientId/valutazioni', component: Blank },
          { path: 'visite/:id', component: Blank },
        ]),
        provideTestTranslations(),
        { provide: LOCAL_STORE, useValue: local },
        { provide: SESSION_STORE, useValue: tab },
        provideClock(clock),
        { provide: LocalRecords, useValue: { patient$: () => of(patient()) } satisfies Partial<LocalRecords> },
        {
          provide: LocalWrites,
          useValue: {
            insert: async (_collection: string, doc: AssessmentDoc) => {
              inserted.push(doc);
              return doc;
            },
          } as unknown as LocalWrites,
        },
      ],
    });
  }

  async function signIn(user: SessionUser = NURSE): Promise<void> {
    ({ local, tab } = await unlockedDevice(user));
    configure();
  }

  beforeEach(async () => {
    inserted = [];
    clock = new FakeClock(new Date('2025-11-22T09:30:00.000Z'));
    await signIn();
  });

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((n) => n.remove()));

  async function render(instrumentId: string, visita?: string): Promise<{ fixture: ComponentFixture<AssessmentFormPage>; el: HTMLElement }> {
    const fixture = TestBed.createComponent(AssessmentFormPage);
    fixture.componentRef.setInput('patientId', 'p-mario');
    fixture.componentRef.setInput('instrumentId', instrumentId);
    if (visita) fixture.componentRef.setInput('visita', visita);
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  function fieldset(el: HTMLElement, itemLabel: string): HTMLFieldSetElement {
    const found = Array.from(el.querySelectorAll('fieldset')).find((f) => f.querySelector('legend')?.textContent?.includes(itemLabel));
    if (!found) throw new Error(`no item "${itemLabel}"`);
    return found;
  }

  /** Chooses the answer labelled `optionLabel` of the item labelled `itemLabel`, as a tap would. */
  async function choose(fixture: ComponentFixture<unknown>, itemLabel: string, optionLabel: string): Promise<void> {
    const option = Array.from(fieldset(fixture.nativeElement, itemLabel).querySelectorAll('label')).find(
      (l) => l.querySelector('.option-label')?.textContent?.trim() === optionLabel,
    );
    if (!option) throw new Error(`no answer "${optionLabel}" for "${itemLabel}"`);
    option.querySelector('input')!.click();
    await fixture.whenStable();
  }

  /** Answers by value, item by item in form order (for long instruments). */
  async function answerAll(fixture: ComponentFixture<unknown>, answers: Record<string, string>): Promise<void> {
    for (const [itemId, value] of Object.entries(answers)) {
      const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>(`#asm-item-${itemId} input[value="${value}"]`);
      if (!input) throw new Error(`no answer ${value} for ${itemId}`);
      input.click();
      await fixture.whenStable();
    }
  }

  function summary(el: HTMLElement): string {
    return el.querySelector('[aria-live="polite"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  function button(el: HTMLElement, text: string): HTMLButtonElement {
    const found = Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
    if (!found) throw new Error(`no button "${text}"`);
    return found;
  }

  function draftEntries(): string[] {
    return Array.from({ length: local.length }, (_, i) => local.key(i)!).filter((k) => k.startsWith('prossima.assessmentDraft-'));
  }

  async function settle(fixture: ComponentFixture<unknown>, check: () => void): Promise<void> {
    await vi.waitFor(async () => {
      await fixture.whenStable();
      check();
    });
  }

  it('when answers are chosen, then the running score, the band and the count of required items are shown live', async () => {
    const { fixture, el } = await render('nrs');
    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Scala numerica del dolore (NRS)');
    expect(summary(el)).toContain('Punteggio: 0');
    expect(summary(el)).toContain('Voci obbligatorie compilate: 0 di 1');
    expect(summary(el)).not.toContain('Fascia: Dolore');

    await choose(fixture, 'Intensità del dolore', '6');
    expect(summary(el)).toContain('Punteggio: 6');
    expect(summary(el)).toContain('Fascia: Dolore moderato');
    expect(summary(el)).toContain('Voci obbligatorie compilate: 1 di 1');
    expect(fieldset(el, 'Intensità del dolore').querySelector<HTMLInputElement>('input[value="6"]')?.checked).toBe(true);
  });

  it('when each item renders, then it is a fieldset with a legend and radios labelled with the answer and its points', async () => {
    const { el } = await render('nrs');
    const item = fieldset(el, 'Intensità del dolore (0–10)');
    const first = item.querySelector('label.option')!;
    expect(first.querySelector('input[type="radio"]')).not.toBeNull();
    expect(first.textContent?.replace(/\s+/g, ' ').trim()).toBe('0 (nessun dolore) 0 punti');
  });

  it('when the patient cannot walk, then the wheelchair item appears; when she walks again, it goes with its answer', async () => {
    const { fixture, el } = await render('barthel-shah');
    expect(el.querySelector('#asm-item-wheelchair')).toBeNull();
    await answerAll(fixture, { ambulation: '0', wheelchair: '5' });
    expect(el.querySelector('#asm-item-wheelchair legend')?.textContent).toContain('Uso della carrozzina');
    await answerAll(fixture, { ambulation: '15' });
    expect(el.querySelector('#asm-item-wheelchair')).toBeNull();
  });

  it('when a required item is unanswered at save, then a message names it, focus goes to it and nothing is saved', async () => {
    const { fixture, el } = await render('barthel-shah');
    const { feeding: _left, ...answers } = fullAnswers(BARTHEL_SHAH);
    await answerAll(fixture, answers);
    button(el, 'Salva valutazione').click();
    await fixture.whenStable();

    const alert = el.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Valutazione non salvata: mancano le risposte a queste voci');
    expect(Array.from(alert.querySelectorAll('li')).map((li) => li.textContent?.trim())).toEqual(['Alimentazione']);
    const feeding = el.querySelector('#asm-item-feeding')!;
    expect(feeding.contains(document.activeElement)).toBe(true);
    const error = el.querySelector(`#${feeding.getAttribute('aria-describedby')}`);
    expect(error?.textContent).toContain('Risposta obbligatoria');
    expect(inserted).toEqual([]);

    await answerAll(fixture, { feeding: '10' });
    expect(alert.querySelectorAll('li')).toHaveLength(0);
    expect(feeding.getAttribute('aria-describedby')).toBeNull();
  });

  it('when the form is complete and saved, then the document is the engine score, passes the server rule, the draft goes and the history opens', async () => {
    const { fixture, el } = await render('barthel-shah');
    const answers = fullAnswers(BARTHEL_SHAH, { ambulation: '0', wheelchair: '3' });
    await answerAll(fixture, answers);
    await settle(fixture, () => expect(draftEntries()).toHaveLength(1));

    button(el, 'Salva valutazione').click();
    await settle(fixture, () => expect(TestBed.inject(Router).url).toBe('/pazienti/p-mario/valutazioni'));

    const score = scoreInstrument(BARTHEL_SHAH, answers);
    expect(inserted).toHaveLength(1);
    const [doc] = inserted;
    expect(doc).toMatchObject({
      districtId: 'd-roma1',
      patientId: 'p-mario',
      instrumentId: 'barthel-shah',
      total: score.total,
      band: score.band?.code ?? '',
      convention: score.convention,
      takenAt: '2025-11-22T09:30:00.000Z',
      updatedAt: '2025-11-22T09:30:00.000Z',
      updatedBy: 'u-anna',
    });
    expect(doc.id).toMatch(/^asm-p-mario-[a-z0-9]+$/);
    expect(doc.answers).toContainEqual({ itemId: 'wheelchair', value: '3' });
    expect(doc.details).toContainEqual({ key: 'subscore:mobility', value: score.subscores!['mobility'] });
    expect('visitId' in doc).toBe(false);
    expect(documentRuleProblem('assessments', { ...doc, _id: doc.id })).toBeNull();
    expect(draftEntries()).toEqual([]);
    await settle(fixture, () => expect(document.body.textContent).toContain(`Valutazione salvata: Indice di Barthel`));
  });

  it('when the form was opened from a visit, then the result is linked to it and saving returns to the visit', async () => {
    const { fixture, el } = await render('nrs', 'v-1');
    await choose(fixture, 'Intensità del dolore', '3');
    button(el, 'Salva valutazione').click();
    await settle(fixture, () => expect(TestBed.inject(Router).url).toBe('/visite/v-1'));
    expect(inserted[0]).toMatchObject({ visitId: 'v-1', total: 3, band: 'mild' });
  });

  it('when an answer is chosen, then a draft is written at once, and after a reload the answers come back with a note', async () => {
    const first = await render('nrs');
    await choose(first.fixture, 'Intensità del dolore', '8');
    await settle(first.fixture, () => expect(draftEntries()).toHaveLength(1));
    first.fixture.destroy();

    // A reload: new app, same device storage, ten minutes later.
    clock.advance(10 * 60_000);
    configure();
    const { fixture, el } = await render('nrs');
    const time = formatTime('2025-11-22T09:30:00.000Z', 'it');
    await settle(fixture, () => expect(el.querySelector('.draft-note')?.textContent).toContain(`Bozza ripristinata (salvata alle ${time})`));
    expect(el.querySelector<HTMLInputElement>('#asm-item-intensity input[value="8"]')?.checked).toBe(true);
    expect(summary(el)).toContain('Punteggio: 8');
    // Another visit's form of the same instrument starts empty.
    const other = await render('nrs', 'v-2');
    await other.fixture.whenStable();
    expect(other.el.querySelector('.draft-note')).toBeNull();
  });

  it('when the nurse chooses "Ricomincia", then the draft is discarded and the form is empty', async () => {
    const first = await render('nrs');
    await choose(first.fixture, 'Intensità del dolore', '8');
    await settle(first.fixture, () => expect(draftEntries()).toHaveLength(1));
    first.fixture.destroy();

    configure();
    const { fixture, el } = await render('nrs');
    await settle(fixture, () => expect(el.querySelector('.draft-note')).not.toBeNull());
    button(el, 'Ricomincia').click();
    await settle(fixture, () => expect(draftEntries()).toEqual([]));
    expect(el.querySelector('.draft-note')).toBeNull();
    expect(el.querySelector('#asm-item-intensity input:checked')).toBeNull();
    expect(summary(el)).toContain('Punteggio: 0');
  });

  it('when the instrument is licensed and not enabled, then it is not offered', async () => {
    const { el } = await render('braden');
    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Strumento non disponibile');
    expect(el.querySelector('fieldset')).toBeNull();
  });

  it('when a coordinator opens the form, then she is told her role cannot record assessments', async () => {
    await signIn({ ...NURSE, id: 'u-coord', role: 'coordinator' });
    const { el } = await render('nrs');
    expect(el.textContent).toContain('Il tuo ruolo può consultare le valutazioni ma non registrarle.');
    expect(el.querySelector('fieldset')).toBeNull();
  });

  it('when the language is English, then items and answers are in English', async () => {
    local.setItem('prossima.language', 'en');
    configure();
    const { el } = await render('nrs');
    expect(el.querySelector('legend')?.textContent).toContain('Pain intensity (0–10)');
    expect(el.querySelector('.option-label')?.textContent?.trim()).toBe('0 (no pain)');
  });
});
