import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CareplanDoc, VisitDoc } from '@prossima/domain';
import { of } from 'rxjs';
import {
  FakeClock,
  NURSE,
  patient,
  provideClock,
  provideMemoryStorage,
  provideTestTranslations,
  visit,
} from '../../../testing/test-helpers';
import { AuthStore } from '../../core/auth/auth-store';
import { LocalRecords } from '../../core/database/local-records';
import { AuditedPatch, LocalWrites } from '../../core/sync/local-writes';
import { VisitPage } from './visit-page';

describe('VisitPage', () => {
  let patches: AuditedPatch<VisitDoc>[];
  let current: VisitDoc;
  let careplans: CareplanDoc[];

  beforeEach(() => {
    patches = [];
    careplans = [];
    current = visit({ id: 'v-1', note: 'Prima nota' });
    const clock = new FakeClock(new Date('2025-11-22T09:30:00.000Z'));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideRouter([]),
        provideTestTranslations(),
        provideMemoryStorage(),
        provideClock(clock),
        {
          provide: LocalRecords,
          useValue: {
            visit$: () => of(current),
            patient$: () => of(patient()),
            careplansOfPatient$: () => of(careplans),
            assessmentsOfPatient$: () => of([]),
            observationsOfPatient$: () => of([]),
          } satisfies Partial<LocalRecords>,
        },
        {
          provide: LocalWrites,
          useValue: {
            patch: async (_collection: string, _id: string, decide: (v: VisitDoc) => AuditedPatch<VisitDoc>) => {
              const patch = decide(current);
              patches.push(patch);
              return { ...current, ...patch };
            },
          } as unknown as LocalWrites,
        },
      ],
    });
    TestBed.inject(AuthStore).writeSession({ user: NURSE, refreshToken: 'r' });
  });

  async function render() {
    const fixture = TestBed.createComponent(VisitPage);
    fixture.componentRef.setInput('id', 'v-1');
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('when the visit loads, then the heading names the patient and the note is in the labelled textarea', async () => {
    const { el } = await render();
    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Visita — Mario Rossi');
    const label = Array.from(el.querySelectorAll('label')).find((l) => l.textContent?.trim() === 'Nota della visita');
    const textarea = el.querySelector<HTMLTextAreaElement>(`#${label?.getAttribute('for')}`);
    expect(textarea?.tagName).toBe('TEXTAREA');
    expect(textarea?.value).toBe('Prima nota');
  });

  it('when the nurse saves the note, then the visit is patched locally and "Visita salvata" is announced', async () => {
    const { el, fixture } = await render();
    const textarea = el.querySelector('textarea')!;
    textarea.value = 'PA 130/80, medicazione eseguita';
    textarea.dispatchEvent(new Event('input'));
    Array.from(el.querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === 'Salva')!
      .click();
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();

    expect(patches).toEqual([
      {
        note: 'PA 130/80, medicazione eseguita',
        taskResults: [],
        status: 'in-progress',
        startedAt: '2025-11-22T09:30:00.000Z',
        updatedAt: '2025-11-22T09:30:00.000Z',
        updatedBy: 'u-anna',
      },
    ]);
    expect(el.querySelector('p.saved[aria-live="polite"]')?.textContent?.trim()).toBe('Visita salvata');
  });

  it('when the visit belongs to another nurse, then the note is shown read-only', async () => {
    current = visit({ id: 'v-1', nurseId: 'u-other', note: 'Nota di un collega' });
    const { el } = await render();
    expect(el.querySelector('textarea')).toBeNull();
    expect(el.textContent).toContain('Nota di un collega');
  });

  const button = (el: HTMLElement, text: string) => Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === text)!;
  async function settle(fixture: { whenStable(): Promise<unknown> }) {
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
  }

  it('when the nurse starts a planned visit, then it is in progress from now', async () => {
    const { el, fixture } = await render();
    button(el, 'Inizia la visita').click();
    await settle(fixture);
    expect(patches).toEqual([{ status: 'in-progress', startedAt: '2025-11-22T09:30:00.000Z', updatedAt: '2025-11-22T09:30:00.000Z', updatedBy: 'u-anna' }]);
  });

  it('when a visit is marked missed without a reason, then nothing is written and the reason is asked for', async () => {
    const { el, fixture } = await render();
    button(el, 'Visita non effettuata').click();
    await settle(fixture);
    button(el, 'Registra la visita non effettuata').click();
    await settle(fixture);
    expect(patches).toEqual([]);
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Indica il motivo');

    const reason = el.querySelector<HTMLTextAreaElement>('#missed-form textarea')!;
    reason.value = 'Paziente ricoverato';
    reason.dispatchEvent(new Event('input'));
    button(el, 'Registra la visita non effettuata').click();
    await settle(fixture);
    expect(patches).toEqual([expect.objectContaining({ status: 'missed', missedReason: 'Paziente ricoverato', endedAt: '2025-11-22T09:30:00.000Z' })]);
  });

  it('when the nurse closes a visit with a due task left without outcome, then it stays open and the task is named', async () => {
    current = visit({ id: 'v-1', status: 'in-progress', startedAt: '2025-11-22T09:00:00.000Z', date: '2025-11-22' });
    careplans = [
      {
        id: 'cp-1', districtId: 'd-roma1', patientId: current.patientId, status: 'active', needs: [], goals: [], reviewDate: '2026-02-01',
        interventions: [{ id: 'dressing', label: 'Medicazione', frequency: { kind: 'daily' }, responsibleRole: 'nurse', startDate: '2025-11-01' }],
        updatedAt: '2025-11-01T00:00:00.000Z', updatedBy: 'u-cot',
      },
    ];
    const { el, fixture } = await render();
    button(el, 'Chiudi la visita').click();
    await settle(fixture);
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Medicazione');
    expect(patches.some((p) => p.status === 'done')).toBe(false);
  });

  it('when nothing is due and the nurse confirms the summary, then the visit is done and ended now', async () => {
    current = visit({ id: 'v-1', status: 'in-progress', startedAt: '2025-11-22T09:00:00.000Z', note: 'Tutto regolare' });
    const { el, fixture } = await render();
    button(el, 'Chiudi la visita').click();
    await settle(fixture);
    expect(el.textContent).toContain('Riepilogo della visita');
    button(el, 'Conferma e chiudi la visita').click();
    await settle(fixture);
    expect(patches.at(-1)).toEqual({ status: 'done', endedAt: '2025-11-22T09:30:00.000Z', updatedAt: '2025-11-22T09:30:00.000Z', updatedBy: 'u-anna' });
  });
});
