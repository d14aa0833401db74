import { provideHttpClient } from '@angular/common/http';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { CareplanDoc, SessionUser } from '@prossima/domain';
import { of } from 'rxjs';
import { FakeClock, NURSE, patient, provideClock, provideMemoryStorage, provideTestTranslations } from '../../../testing/test-helpers';
import { AuthStore } from '../../core/auth/auth-store';
import { LocalRecords } from '../../core/database/local-records';
import { AuditedPatch, LocalWrites } from '../../core/sync/local-writes';
import { CareplanEditorPage, REPLACED_REASON } from './careplan-editor-page';
import { RANDOM_TOKEN } from './careplan-ids';
import { careplan, intervention } from './careplan-testing';

const DISTRICT_NURSE: SessionUser = { ...NURSE, id: 'u-dn', username: 'dn', displayName: 'Daria Neri', role: 'district-nurse' };

@Component({ template: '' })
class PlanStub {}

describe('CareplanEditorPage', () => {
  let stored: Map<string, CareplanDoc>;
  let inserted: CareplanDoc[];
  let patches: { id: string; patch: AuditedPatch<CareplanDoc> }[];

  beforeEach(() => {
    stored = new Map();
    inserted = [];
    patches = [];
    let token = 0;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideRouter([{ path: 'pazienti/:patientId/pai', component: PlanStub }]),
        provideTestTranslations(),
        provideMemoryStorage(),
        provideClock(new FakeClock(new Date('2025-11-22T09:30:00.000Z'))),
        { provide: RANDOM_TOKEN, useValue: () => `tok${++token}` },
        {
          provide: LocalRecords,
          useValue: {
            patient$: () => of(patient({ careTeam: ['u-anna', 'u-luca'] })),
            careplansOfPatient$: () => of([...stored.values()]),
            careplan$: (id: string) => of(stored.get(id) ?? null),
            visitsOfPatient$: () => of([]),
          } satisfies Partial<LocalRecords>,
        },
        {
          provide: LocalWrites,
          useValue: {
            insert: async (_collection: string, doc: CareplanDoc) => {
              inserted.push(doc);
              return doc;
            },
            patch: async (_collection: string, id: string, decide: (c: CareplanDoc) => AuditedPatch<CareplanDoc>) => {
              const patch = decide(stored.get(id)!);
              patches.push({ id, patch });
              return { ...stored.get(id)!, ...patch };
            },
          } as unknown as LocalWrites,
        },
      ],
    });
    TestBed.inject(AuthStore).writeSession({ user: DISTRICT_NURSE, refreshToken: 'r' });
  });

  async function render(careplanId?: string) {
    const fixture = TestBed.createComponent(CareplanEditorPage);
    fixture.componentRef.setInput('patientId', 'p-mario');
    if (careplanId) fixture.componentRef.setInput('careplanId', careplanId);
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  /** The control labelled `text` inside `scope`. */
  function control<T extends HTMLElement = HTMLInputElement>(scope: ParentNode, text: string): T {
    const label = Array.from(scope.querySelectorAll('label')).find((l) => l.textContent?.replace(/\s+/g, ' ').trim() === text);
    if (!label) throw new Error(`no label "${text}"`);
    return (label.control ?? scope.querySelector(`#${label.htmlFor}`)) as unknown as T;
  }

  function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  function choose(select: HTMLSelectElement, value: string) {
    select.value = value;
    select.dispatchEvent(new Event('change'));
  }

  function button(el: HTMLElement, text: string): HTMLButtonElement {
    const found = Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
    if (!found) throw new Error(`no button "${text}"`);
    return found;
  }

  async function settle(fixture: ComponentFixture<unknown>) {
    fixture.detectChanges();
    await fixture.whenStable();
    await new Promise((r) => setTimeout(r));
    fixture.detectChanges();
  }

  async function fillValidNewPlan(fixture: ComponentFixture<unknown>, el: HTMLElement) {
    type(control(el, 'Data di revisione'), '2026-02-22');
    choose(control<HTMLSelectElement>(el, 'Stato'), 'active');
    control(el, 'Ossigenoterapia').click();
    button(el, 'Aggiungi un obiettivo').click();
    await settle(fixture);
    type(control<HTMLTextAreaElement>(el, 'Obiettivo'), 'Saturazione stabile sopra il 92%');
    button(el, 'Aggiungi un intervento').click();
    await settle(fixture);
    const row = el.querySelector<HTMLElement>('#iv-0')!;
    type(control(row, "Descrizione dell'intervento"), 'Controllo della saturazione');
    choose(control<HTMLSelectElement>(row, 'Frequenza'), 'weekdays');
    await settle(fixture);
    control(row, 'Lunedì').click();
    control(row, 'Giovedì').click();
    type(control(row, 'Minuti per accesso (facoltativo)'), '20');
    await settle(fixture);
    return row;
  }

  it('when a valid new plan is saved, then the stored document has the new ids, the coded need and the frequency, and the PAI page opens', async () => {
    const { fixture, el } = await render();
    await fillValidNewPlan(fixture, el);
    button(el, 'Salva il PAI').click();
    await settle(fixture);

    expect(inserted).toEqual([
      {
        id: 'cp-p-mario-tok3',
        districtId: 'd-roma1',
        patientId: 'p-mario',
        status: 'active',
        needs: [{ code: 'oxygen-therapy', label: 'Ossigenoterapia' }],
        goals: [{ id: 'g-tok1', text: 'Saturazione stabile sopra il 92%' }],
        interventions: [
          {
            id: 'i-tok2',
            label: 'Controllo della saturazione',
            frequency: { kind: 'weekdays', weekdays: [1, 4] },
            responsibleRole: 'nurse',
            minutesPerVisit: 20,
            startDate: '2025-11-22',
          },
        ],
        reviewDate: '2026-02-22',
        updatedAt: '2025-11-22T09:30:00.000Z',
        updatedBy: 'u-dn',
      },
    ]);
    expect(TestBed.inject(Router).url).toBe('/pazienti/p-mario/pai');
  });

  it('when a weekly intervention has no times per week, then the field says it is required and nothing is saved', async () => {
    const { fixture, el } = await render();
    const row = await fillValidNewPlan(fixture, el);
    choose(control<HTMLSelectElement>(row, 'Frequenza'), 'weekly');
    await settle(fixture);
    button(el, 'Salva il PAI').click();
    await settle(fixture);

    const times = control(row, 'Volte a settimana');
    const errorIds = times.getAttribute('aria-describedby')?.split(' ') ?? [];
    const messages = errorIds.map((id) => el.querySelector(`#${id}`)?.textContent?.trim());
    expect(messages).toContain('Campo obbligatorio.');
    expect(el.querySelector('[role="alert"]')?.textContent?.trim()).toBe('Il PAI non è stato salvato: correggi i campi segnalati.');
    expect(inserted).toEqual([]);
  });

  it('when the weekdays kind has no day ticked, then the group error is linked to the checkboxes and nothing is saved', async () => {
    const { fixture, el } = await render();
    const row = await fillValidNewPlan(fixture, el);
    control(row, 'Lunedì').click();
    control(row, 'Giovedì').click();
    button(el, 'Salva il PAI').click();
    await settle(fixture);

    const monday = control(row, 'Lunedì');
    expect(monday.getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector(`#${monday.getAttribute('aria-describedby')}`)?.textContent?.trim()).toBe('Scegli almeno un giorno della settimana.');
    expect(inserted).toEqual([]);
  });

  it('when a plan is closed without a reason, then the reason is required and nothing is saved', async () => {
    stored.set('cp-1', careplan({ id: 'cp-1' }));
    const { fixture, el } = await render('cp-1');
    choose(control<HTMLSelectElement>(el, 'Stato'), 'closed');
    await settle(fixture);
    button(el, 'Salva il PAI').click();
    await settle(fixture);

    const reason = control<HTMLTextAreaElement>(el, 'Motivo della chiusura');
    const described = (reason.getAttribute('aria-describedby') ?? '').split(' ').map((id) => el.querySelector(`#${id}`)?.textContent?.trim());
    expect(described).toContain('Campo obbligatorio.');
    expect(patches).toEqual([]);
  });

  it('when the plan breaks a document rule (a need not on the SIAD list), then the rule\'s sentence is shown and nothing is saved', async () => {
    stored.set('cp-1', careplan({ id: 'cp-1', needs: [{ code: 'old-code', label: 'Vecchio bisogno' }] }));
    const { fixture, el } = await render('cp-1');
    expect(control(el, 'Vecchio bisogno (codice «old-code» non presente nella lista SIAD)').checked).toBe(true);
    button(el, 'Salva il PAI').click();
    await settle(fixture);

    expect(el.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Il PAI non è stato salvato perché non rispetta le regole: need "old-code" is not a code of the national SIAD need list',
    );
    expect(patches).toEqual([]);
  });

  it('when an active plan has no intervention, then the plan-level message is shown and nothing is saved', async () => {
    const { fixture, el } = await render();
    type(control(el, 'Data di revisione'), '2026-02-22');
    choose(control<HTMLSelectElement>(el, 'Stato'), 'active');
    button(el, 'Salva il PAI').click();
    await settle(fixture);

    expect(el.querySelector('#plan-error')?.textContent?.trim()).toBe('Un PAI attivo deve avere almeno un intervento.');
    expect(inserted).toEqual([]);
  });

  it('when an existing plan is edited, then it is patched with its fields and the audit pair, and a cleared field is removed', async () => {
    stored.set('cp-1', careplan({ id: 'cp-1', status: 'draft', assessmentDate: '2025-10-30' }));
    const { fixture, el } = await render('cp-1');
    type(control(el, 'Data della valutazione multidimensionale'), '');
    type(control(el, 'Data di revisione'), '2026-03-01');
    button(el, 'Salva il PAI').click();
    await settle(fixture);

    expect(patches).toHaveLength(1);
    const { id, patch } = patches[0];
    expect(id).toBe('cp-1');
    expect(patch).toMatchObject({ reviewDate: '2026-03-01', status: 'draft', updatedAt: '2025-11-22T09:30:00.000Z', updatedBy: 'u-dn' });
    expect('assessmentDate' in patch && patch.assessmentDate === undefined).toBe(true);
    expect(patch.interventions).toEqual([intervention()]);
  });

  it('when a new plan is activated while another is active, then closing the other is offered and done on confirmation', async () => {
    stored.set('cp-old', careplan({ id: 'cp-old', status: 'active', reviewDate: '2025-12-01' }));
    const { fixture, el } = await render();
    await fillValidNewPlan(fixture, el);
    button(el, 'Salva il PAI').click();
    await settle(fixture);

    expect(inserted).toEqual([]);
    expect(el.querySelector('#replace-confirm')?.textContent).toContain('revisione del 01/12/2025');
    button(el, 'Chiudi il PAI precedente e salva').click();
    await settle(fixture);

    expect(inserted.map((doc) => doc.status)).toEqual(['active']);
    expect(patches).toEqual([
      { id: 'cp-old', patch: { status: 'closed', closureReason: REPLACED_REASON, updatedAt: '2025-11-22T09:30:00.000Z', updatedBy: 'u-dn' } },
    ]);
  });

  it('when the offer to close the other plan is cancelled, then nothing is saved', async () => {
    stored.set('cp-old', careplan({ id: 'cp-old', status: 'active' }));
    const { fixture, el } = await render();
    await fillValidNewPlan(fixture, el);
    button(el, 'Salva il PAI').click();
    await settle(fixture);
    button(el, 'Annulla').click();
    await settle(fixture);

    expect(el.querySelector('#replace-confirm')).toBeNull();
    expect(inserted).toEqual([]);
    expect(patches).toEqual([]);
  });

  it('when the plan to edit belongs to another patient, then the editor is not shown', async () => {
    stored.set('cp-x', careplan({ id: 'cp-x', patientId: 'p-other' }));
    const { el } = await render('cp-x');
    expect(el.querySelector('form')).toBeNull();
    expect(el.textContent).toContain('Questo PAI non è su questo dispositivo.');
  });
});
