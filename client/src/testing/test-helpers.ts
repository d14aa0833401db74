// Shared set-up of the unit tests: real translations, in-memory storage, a fixed clock.
import { Provider } from '@angular/core';
import type { PatientDoc, SessionUser, VisitDoc } from '@prossima/domain';
import { provideTranslateLoader, provideTranslateService, TranslateLoader, TranslationObject } from '@ngx-translate/core';
import { Observable, of } from 'rxjs';
import en from '../../public/i18n/en.json';
import it from '../../public/i18n/it.json';
import { CLOCK } from '../app/core/clock';
import { LOCAL_STORE, MemoryStore, SESSION_STORE } from '../app/core/storage';

/** Serves the real it.json / en.json without HTTP. */
class StaticTranslations implements TranslateLoader {
  getTranslation(lang: string): Observable<TranslationObject> {
    return of((lang === 'en' ? en : it) as TranslationObject);
  }
}

/** ngx-translate with the app's own Italian (default) and English files. */
export function provideTestTranslations(): Provider[] {
  return provideTranslateService({ lang: 'it', fallbackLang: 'it', loader: provideTranslateLoader(StaticTranslations) });
}

/** Fresh in-memory local and session storage for one test. */
export function provideMemoryStorage(): Provider[] {
  return [
    { provide: LOCAL_STORE, useValue: new MemoryStore() },
    { provide: SESSION_STORE, useValue: new MemoryStore() },
  ];
}

/** A clock the test moves by hand. */
export class FakeClock {
  constructor(private now: Date) {}
  readonly read = (): Date => new Date(this.now);
  set(now: Date): void {
    this.now = now;
  }
  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }
}

/** Provides `clock` as the app's CLOCK. */
export function provideClock(clock: FakeClock): Provider {
  return { provide: CLOCK, useValue: clock.read };
}

/** A nurse account. */
export const NURSE: SessionUser = {
  id: 'u-anna',
  username: 'anna',
  displayName: 'Anna Bianchi',
  role: 'nurse',
  districtId: 'd-roma1',
};

/** A patient document with sensible defaults. */
export function patient(overrides: Partial<PatientDoc> = {}): PatientDoc {
  return {
    id: 'p-mario',
    districtId: 'd-roma1',
    givenName: 'Mario',
    familyName: 'Rossi',
    codiceFiscale: 'RSSMRA40A01H501U',
    birthDate: '1940-01-01',
    sex: 'M',
    address: { street: 'Via Appia 1', city: 'Roma', postalCode: '00179', province: 'RM' },
    careTeam: ['u-anna'],
    conditions: ['Scompenso cardiaco'],
    allergies: [],
    paiSummary: 'Controllo parametri vitali due volte a settimana.',
    status: 'active',
    updatedAt: '2025-11-20T08:00:00.000Z',
    updatedBy: 'u-coord',
    ...overrides,
  };
}

/** A visit document with sensible defaults. */
export function visit(overrides: Partial<VisitDoc> = {}): VisitDoc {
  return {
    id: 'v-1',
    districtId: 'd-roma1',
    patientId: 'p-mario',
    nurseId: 'u-anna',
    date: '2025-11-22',
    order: 1,
    windowStart: '09:00',
    windowEnd: '10:00',
    status: 'planned',
    tasks: ['Parametri vitali'],
    note: '',
    updatedAt: '2025-11-20T08:00:00.000Z',
    updatedBy: 'u-coord',
    ...overrides,
  };
}
