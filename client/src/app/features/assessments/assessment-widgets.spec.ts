import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { NRS, type AssessmentDoc } from '@prossima/domain';
import { of } from 'rxjs';
import { NURSE, provideMemoryStorage, provideTestTranslations } from '../../../testing/test-helpers';
import { AuthStore } from '../../core/auth/auth-store';
import { LocalRecords } from '../../core/database/local-records';
import { AssessmentPicker } from './assessment-picker';
import { storedAssessment } from './assessment-test-data';
import { LatestScores } from './latest-scores';

describe('AssessmentPicker and LatestScores', () => {
  let results: AssessmentDoc[];

  beforeEach(() => {
    results = [];
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideRouter([]),
        provideTestTranslations(),
        provideMemoryStorage(),
        { provide: LocalRecords, useValue: { assessmentsOfPatient$: () => of(results) } satisfies Partial<LocalRecords> },
      ],
    });
    TestBed.inject(AuthStore).writeSession({ user: NURSE, refreshToken: 'r' });
  });

  it('when the picker is given a visit, then each enabled instrument links to the form of that visit', async () => {
    const fixture = TestBed.createComponent(AssessmentPicker);
    fixture.componentRef.setInput('patientId', 'p-mario');
    fixture.componentRef.setInput('visitId', 'v-1');
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('nav')?.getAttribute('aria-label')).toBe('Nuova valutazione');
    const links = Array.from(el.querySelectorAll('a'));
    const nrs = links.find((a) => a.textContent?.trim() === 'Scala numerica del dolore (NRS)');
    expect(nrs?.getAttribute('href')).toBe('/pazienti/p-mario/valutazioni/nuova/nrs?visita=v-1');
    expect(links.some((a) => a.textContent?.includes('Braden'))).toBe(false);
  });

  it('when the picker has no visit, then the links carry no visit', async () => {
    const fixture = TestBed.createComponent(AssessmentPicker);
    fixture.componentRef.setInput('patientId', 'p-mario');
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('a')?.getAttribute('href')).toBe('/pazienti/p-mario/valutazioni/nuova/barthel');
  });

  it('when a patient has results, then the latest of each instrument is listed with its band and a link to the history', async () => {
    results = [
      storedAssessment(NRS, { intensity: '7' }, { id: 'a-1', takenAt: '2025-11-01T09:00:00.000Z' }),
      storedAssessment(NRS, { intensity: '2' }, { id: 'a-2', takenAt: '2025-11-12T09:00:00.000Z' }),
    ];
    const fixture = TestBed.createComponent(LatestScores);
    fixture.componentRef.setInput('patientId', 'p-mario');
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const items = el.querySelectorAll('li');
    expect(items).toHaveLength(1);
    expect(Array.from(items[0].querySelectorAll('span')).map((span) => span.textContent?.trim())).toEqual([
      'Scala numerica del dolore (NRS)',
      '2 punti il 12/11/2025',
      'Dolore lieve',
    ]);
    expect(el.querySelector('a')?.getAttribute('href')).toBe('/pazienti/p-mario/valutazioni');
  });

  it('when a patient has no result, then the list says so', async () => {
    const fixture = TestBed.createComponent(LatestScores);
    fixture.componentRef.setInput('patientId', 'p-mario');
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Nessuna valutazione registrata.');
  });
});
