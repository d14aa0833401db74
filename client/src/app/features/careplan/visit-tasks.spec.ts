import { TestBed } from '@angular/core/testing';
import type { CareplanDoc, VisitDoc, VisitTaskResult } from '@prossima/domain';
import { provideMemoryStorage, provideTestTranslations, visit } from '../../../testing/test-helpers';
import { careplan, intervention } from './careplan-testing';
import { VisitTasksComponent } from './visit-tasks';

describe('VisitTasksComponent', () => {
  // 2025-11-22 is a Saturday.
  const plan = careplan({
    interventions: [
      intervention({ id: 'i-med', label: 'Medicazione', frequency: { kind: 'daily' } }),
      intervention({ id: 'i-pv', label: 'Parametri vitali', frequency: { kind: 'weekdays', weekdays: [6] } }),
      intervention({ id: 'i-fkt', label: 'Fisioterapia', frequency: { kind: 'weekdays', weekdays: [1] } }),
    ],
  });

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideTestTranslations(), provideMemoryStorage()] });
  });

  async function render(inputs: { visit?: VisitDoc; careplan?: CareplanDoc | null; editable?: boolean } = {}) {
    const fixture = TestBed.createComponent(VisitTasksComponent);
    fixture.componentRef.setInput('visit', inputs.visit ?? visit({ date: '2025-11-22' }));
    fixture.componentRef.setInput('careplan', inputs.careplan === undefined ? plan : inputs.careplan);
    fixture.componentRef.setInput('editable', inputs.editable ?? true);
    const results: VisitTaskResult[][] = [];
    const validity: boolean[] = [];
    fixture.componentInstance.resultsChange.subscribe((r) => results.push(r));
    fixture.componentInstance.validChange.subscribe((v) => validity.push(v));
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement, results, validity };
  }

  function group(el: HTMLElement, label: string): HTMLElement {
    const found = Array.from(el.querySelectorAll<HTMLElement>('.task')).find((t) => t.querySelector('.task-label')?.textContent?.trim() === label);
    if (!found) throw new Error(`no task "${label}"`);
    return found;
  }

  function radio(scope: HTMLElement, text: string): HTMLInputElement {
    const label = Array.from(scope.querySelectorAll('label')).find((l) => l.textContent?.trim() === text)!;
    return label.control as HTMLInputElement;
  }

  function field(scope: HTMLElement, text: string): HTMLTextAreaElement {
    const label = Array.from(scope.querySelectorAll('label')).find((l) => l.textContent?.trim() === text);
    return label?.control as HTMLTextAreaElement;
  }

  it('when the visit is on a Saturday, then only the interventions due that day are listed, each as a radio group', async () => {
    const { el } = await render();
    const legends = Array.from(el.querySelectorAll('fieldset legend .task-label')).map((l) => l.textContent?.trim());
    expect(legends).toEqual(['Medicazione', 'Parametri vitali']);
    expect(Array.from(group(el, 'Medicazione').querySelectorAll('label')).map((l) => l.textContent?.trim())).toEqual([
      'Fatto',
      'Non fatto',
      'Parzialmente',
      'Nota (facoltativa)',
    ]);
  });

  it('when an intervention is marked not done, then a reason is asked for, required, and the results are not valid until given', async () => {
    const { fixture, el, results, validity } = await render();
    const task = group(el, 'Medicazione');
    radio(task, 'Non fatto').click();
    await fixture.whenStable();

    const reason = field(task, 'Motivo');
    expect(reason.required).toBe(true);
    expect(results.at(-1)).toEqual([{ interventionId: 'i-med', label: 'Medicazione', outcome: 'not-done' }]);
    expect(validity.at(-1)).toBe(false);

    reason.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector(`#${reason.getAttribute('aria-describedby')}`)?.textContent?.trim()).toBe(
      'Indicare il motivo per cui non è stato eseguito.',
    );

    reason.value = 'Paziente ricoverato';
    reason.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(reason.getAttribute('aria-invalid')).toBeNull();
    expect(results.at(-1)).toEqual([{ interventionId: 'i-med', label: 'Medicazione', outcome: 'not-done', reason: 'Paziente ricoverato' }]);
    expect(validity.at(-1)).toBe(true);
  });

  it('when an intervention is done, then no reason field is shown and a note is emitted with the result', async () => {
    const { fixture, el, results } = await render();
    const task = group(el, 'Parametri vitali');
    radio(task, 'Fatto').click();
    await fixture.whenStable();
    expect(field(task, 'Motivo')).toBeUndefined();
    const note = field(task, 'Nota (facoltativa)');
    note.value = 'PA 130/80';
    note.dispatchEvent(new Event('input'));
    expect(results.at(-1)).toEqual([{ interventionId: 'i-pv', label: 'Parametri vitali', outcome: 'done', note: 'PA 130/80' }]);
  });

  it('when the visit already holds results, then they are the starting state', async () => {
    const { el } = await render({
      visit: visit({ date: '2025-11-22', taskResults: [{ interventionId: 'i-med', label: 'Medicazione', outcome: 'partial', reason: 'Materiale finito' }] }),
    });
    const task = group(el, 'Medicazione');
    expect(radio(task, 'Parzialmente').checked).toBe(true);
    expect(field(task, 'Motivo').value).toBe('Materiale finito');
  });

  it('when nothing of the plan is due (or there is no plan), then "Nessuna attività del PAI prevista oggi" is shown', async () => {
    const { el } = await render({ careplan: null });
    expect(el.textContent).toContain('Nessuna attività del PAI prevista oggi');
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideTestTranslations(), provideMemoryStorage()] });
    const onMonday = await render({ visit: visit({ date: '2025-11-25' }), careplan: { ...plan, interventions: [plan.interventions[2]] } });
    expect(onMonday.el.textContent).toContain('Nessuna attività del PAI prevista oggi');
  });

  it('when not editable, then the outcomes are shown as text without radios', async () => {
    const { el } = await render({
      editable: false,
      visit: visit({ date: '2025-11-22', taskResults: [{ interventionId: 'i-med', label: 'Medicazione', outcome: 'not-done', reason: 'Rifiutata' }] }),
    });
    expect(el.querySelector('input[type="radio"]')).toBeNull();
    expect(el.textContent).toContain('Non fatto');
    expect(el.textContent).toContain('Rifiutata');
    expect(el.textContent).toContain('Esito non registrato');
  });
});
