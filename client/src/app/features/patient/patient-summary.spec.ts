import { computeCodiceFiscale } from '@prossima/domain';
import { patient, visit } from '../../../testing/test-helpers';
import { careIntensityOf, codiceFiscaleCheck } from './patient-summary';

describe('patient summary', () => {
  it('when the codice fiscale agrees with the record, then nothing is reported; when the sex differs, then the field is named', () => {
    const record = patient({ givenName: 'Mario', familyName: 'Rossi', birthDate: '1940-01-01', sex: 'M', birthplaceCode: 'H501' });
    const code = computeCodiceFiscale({ givenName: 'Mario', familyName: 'Rossi', birthDate: '1940-01-01', sex: 'M', birthplaceCode: 'H501' });
    expect(codiceFiscaleCheck({ ...record, codiceFiscale: code })).toEqual([]);
    expect(codiceFiscaleCheck({ ...record, codiceFiscale: code, sex: 'F' }).map((m) => m.field)).toEqual(['sex']);
  });

  it('when a code has a wrong check character, then the code itself is reported', () => {
    const [problem] = codiceFiscaleCheck(patient({ codiceFiscale: 'RSSMRA40A01H501A' }));
    expect(problem).toMatchObject({ field: 'codiceFiscale', problem: 'check-character' });
  });

  it('when 3 of 10 days in care had a visit done, then CIA 0.30 is ADI level I; missed visits do not count', () => {
    const visits = [
      visit({ id: 'a', date: '2025-11-01', status: 'done' }),
      visit({ id: 'b', date: '2025-11-04', status: 'done' }),
      visit({ id: 'c', date: '2025-11-04', status: 'done' }),
      visit({ id: 'd', date: '2025-11-07', status: 'done' }),
      visit({ id: 'e', date: '2025-11-08', status: 'missed' }),
    ];
    expect(careIntensityOf({ careStart: '2025-11-01' }, visits, '2025-11-10')).toMatchObject({ cia: 0.3, level: 'adi-1', daysWithVisits: 3, daysInCare: 10 });
  });

  it('when there is no start of care, or it is in the future, then there is no CIA', () => {
    expect(careIntensityOf({}, [], '2025-11-10')).toBeNull();
    expect(careIntensityOf({ careStart: '2025-12-01' }, [], '2025-11-10')).toBeNull();
  });
});
