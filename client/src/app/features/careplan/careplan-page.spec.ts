import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CareplanDoc, SessionUser, VisitDoc } from '@prossima/domain';
import { of } from 'rxjs';
import { FakeClock, NURSE, patient, provideClock, provideMemoryStorage, provideTestTranslations, visit } from '../../../testing/test-helpers';
import { AuthStore } from '../../core/auth/auth-store';
import { LocalRecords } from '../../core/database/local-records';
import { CareplanPage } from './careplan-page';
import { careplan, intervention } from './careplan-testing';

const COORDINATOR: SessionUser = { ...NURSE, id: 'u-coord', username: 'coord', displayName: 'Carla Verdi', role: 'coordinator' };
const PATIENT_USER: SessionUser = { ...NURSE, id: 'u-mario', username: 'mario', displayName: 'Mario Rossi', role: 'patient', patientId: 'p-mario' };

describe('CareplanPage', () => {
  let plans: CareplanDoc[];
  let visits: VisitDoc[];

  beforeEach(() => {
    // Saturday 22 November 2025, 10:30 in Rome.
    const clock = new FakeClock(new Date('2025-11-22T09:30:00.000Z'));
    plans = [
      careplan({
        id: 'cp-active',
        status: 'active',
        caseManagerId: 'u-anna',
        consent: { given: true, date: '2025-10-31' },
        targetLevel: 'adi-2',
        reviewDate: '2025-11-15',
        needs: [{ code: 'oxygen-therapy', label: 'Ossigenoterapia' }],
        interventions: [
          intervention({ id: 'i-med', label: 'Medicazione', frequency: { kind: 'weekdays', weekdays: [1, 3, 5] }, minutesPerVisit: 30 }),
          intervention({ id: 'i-pv', label: 'Parametri vitali', frequency: { kind: 'daily' }, responsibleRole: 'caregiver' }),
          intervention({ id: 'i-fkt', label: 'Fisioterapia', frequency: { kind: 'weekly', timesPerWeek: 2 }, responsibleRole: 'physiotherapist' }),
          intervention({ id: 'i-cvc', label: 'Gestione CVC', frequency: { kind: 'every-n-days', everyDays: 3 } }),
        ],
      }),
      careplan({ id: 'cp-old', status: 'closed', closureReason: 'Sostituito da un nuovo PAI', reviewDate: '2025-09-01' }),
    ];
    visits = [
      visit({ id: 'v-old', date: '2025-11-18', nurseId: 'u-other', paiProposal: 'Ridurre la fisioterapia' }),
      visit({ id: 'v-new', date: '2025-11-21', paiProposal: 'Aggiungere il controllo della glicemia' }),
      visit({ id: 'v-none', date: '2025-11-20' }),
    ];
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
            patient$: () => of(patient()),
            careplansOfPatient$: () => of(plans),
            visitsOfPatient$: () => of(visits),
          } satisfies Partial<LocalRecords>,
        },
      ],
    });
  });

  async function render(user: SessionUser = NURSE) {
    TestBed.inject(AuthStore).writeSession({ user, refreshToken: 'r' });
    const fixture = TestBed.createComponent(CareplanPage);
    fixture.componentRef.setInput('patientId', 'p-mario');
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function activeSection(el: HTMLElement): HTMLElement {
    return el.querySelector('section[aria-labelledby="active-heading"]')!;
  }

  function intervention_(el: HTMLElement, label: string): HTMLElement {
    return Array.from(activeSection(el).querySelectorAll<HTMLElement>('li.intervention')).find((li) => li.querySelector('strong')?.textContent?.trim() === label)!;
  }

  it('when the plan loads, then the header shows the level, consent, case manager and an overdue review warning', async () => {
    const el = await render();
    expect(el.querySelector('h1')?.textContent?.trim()).toBe('PAI — Mario Rossi');
    const text = activeSection(el).textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('ADI di II livello (CIA 0,31–0,50)');
    expect(text).toContain('Dato il 31/10/2025');
    expect(text).toContain('Anna Bianchi (tu)');
    expect(text).toContain('Revisione scaduta: era prevista il 15/11/2025.');
    expect(text).toContain('Ossigenoterapia');
  });

  it('when the interventions are listed, then each frequency is in words with the responsible role and minutes', async () => {
    const el = await render();
    expect(intervention_(el, 'Medicazione').textContent).toContain('Lun, Mer, Ven');
    expect(intervention_(el, 'Medicazione').textContent).toContain('30 min');
    expect(intervention_(el, 'Parametri vitali').textContent).toContain('Ogni giorno');
    expect(intervention_(el, 'Parametri vitali').textContent).toContain('Caregiver');
    expect(intervention_(el, 'Fisioterapia').textContent).toContain('2 volte a settimana');
    expect(intervention_(el, 'Fisioterapia').textContent).toContain('Fisioterapista');
    expect(intervention_(el, 'Gestione CVC').textContent).toContain('Ogni 3 giorni');
  });

  it('when today is Saturday, then "Da fare oggi" marks only the interventions due today', async () => {
    const el = await render();
    const badge = (label: string) => intervention_(el, label).querySelector('.due-badge')?.textContent?.trim() ?? null;
    // Started Saturday 1 November: daily, every 3 days (day 21) and twice a week (Saturday and Tuesday) are due; Mon/Wed/Fri is not.
    expect(badge('Parametri vitali')).toContain('Da fare oggi');
    expect(badge('Gestione CVC')).toContain('Da fare oggi');
    expect(badge('Fisioterapia')).toContain('Da fare oggi');
    expect(badge('Medicazione')).toBeNull();
  });

  it('when a nurse opens the page, then the proposals are listed newest first and no edit link is offered', async () => {
    const el = await render();
    const proposals = Array.from(el.querySelectorAll('section[aria-labelledby="proposals-heading"] li')).map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(proposals).toHaveLength(2);
    expect(proposals[0]).toContain('21/11/2025');
    expect(proposals[0]).toContain('Infermiere: tu');
    expect(proposals[0]).toContain('Aggiungere il controllo della glicemia');
    expect(proposals[1]).toContain('Infermiere: u-other');
    expect(el.textContent).not.toContain('Modifica questo PAI');
    expect(el.textContent).not.toContain('Nuovo PAI');
  });

  it('when a coordinator opens the page, then the new-plan and edit links lead to the editor', async () => {
    const el = await render(COORDINATOR);
    const links = Array.from(el.querySelectorAll('a')).map((a) => [a.textContent?.trim(), a.getAttribute('href')]);
    expect(links).toContainEqual(['Nuovo PAI', '/pazienti/p-mario/pai/nuovo']);
    expect(links).toContainEqual(['Modifica questo PAI', '/pazienti/p-mario/pai/cp-active/modifica']);
  });

  it('when there is a closed plan, then it is listed among the other plans with its closure reason', async () => {
    const el = await render();
    const others = el.querySelector('section[aria-labelledby="others-heading"]')!;
    expect(others.querySelector('summary')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Chiuso Revisione del 01/09/2025');
    expect(others.textContent).toContain('Sostituito da un nuovo PAI');
  });

  it('when the patient reads his own plan, then he sees it without the nurses\' proposals', async () => {
    const el = await render(PATIENT_USER);
    expect(activeSection(el).textContent).toContain('Medicazione');
    expect(el.querySelector('section[aria-labelledby="proposals-heading"]')).toBeNull();
  });

  it('when a patient account opens another patient\'s plan, then nothing is shown', async () => {
    const el = await render({ ...PATIENT_USER, patientId: 'p-other' });
    expect(el.querySelector('h1')?.textContent?.trim()).toBe('PAI non disponibile');
    expect(el.textContent).not.toContain('Medicazione');
  });

  it('when no plan is active, then the page says so', async () => {
    plans = [plans[1]];
    const el = await render();
    expect(activeSection(el).textContent).toContain('Nessun PAI attivo per questo paziente.');
  });
});
