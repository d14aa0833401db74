import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { VisitDoc } from '@prossima/domain';
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

  beforeEach(() => {
    patches = [];
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
          useValue: { visit$: () => of(current), patient$: () => of(patient()) } satisfies Partial<LocalRecords>,
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

  it('when the nurse saves the note, then the visit is patched locally and "Nota salvata" is announced', async () => {
    const { el, fixture } = await render();
    const textarea = el.querySelector('textarea')!;
    textarea.value = 'PA 130/80, medicazione eseguita';
    textarea.dispatchEvent(new Event('input'));
    Array.from(el.querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === 'Salva nota')!
      .click();
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();

    expect(patches).toEqual([
      {
        note: 'PA 130/80, medicazione eseguita',
        status: 'in-progress',
        startedAt: '2025-11-22T09:30:00.000Z',
        updatedAt: '2025-11-22T09:30:00.000Z',
        updatedBy: 'u-anna',
      },
    ]);
    expect(el.querySelector('p.saved[aria-live="polite"]')?.textContent?.trim()).toBe('Nota salvata');
  });

  it('when the visit belongs to another nurse, then the note is shown read-only', async () => {
    current = visit({ id: 'v-1', nurseId: 'u-other', note: 'Nota di un collega' });
    const { el } = await render();
    expect(el.querySelector('textarea')).toBeNull();
    expect(el.textContent).toContain('Nota di un collega');
  });
});
