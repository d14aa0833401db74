import { frequencyLabel, isKnownResponsibleRole, needLabel, targetLevelLabel, weekdayLong, weekdayShort } from './careplan-labels';

describe('frequencyLabel', () => {
  it('when the frequency is daily, then it reads "Ogni giorno" / "Every day"', () => {
    expect(frequencyLabel({ kind: 'daily' }, 'it')).toBe('Ogni giorno');
    expect(frequencyLabel({ kind: 'daily' }, 'en')).toBe('Every day');
  });

  it('when the frequency is n times a week, then it gives the count', () => {
    expect(frequencyLabel({ kind: 'weekly', timesPerWeek: 2 }, 'it')).toBe('2 volte a settimana');
    expect(frequencyLabel({ kind: 'weekly', timesPerWeek: 2 }, 'en')).toBe('2 times a week');
    expect(frequencyLabel({ kind: 'weekly', timesPerWeek: 14 }, 'it')).toBe('14 volte a settimana');
  });

  it('when the frequency is once a week, then the singular is used', () => {
    expect(frequencyLabel({ kind: 'weekly', timesPerWeek: 1 }, 'it')).toBe('1 volta a settimana');
    expect(frequencyLabel({ kind: 'weekly', timesPerWeek: 1 }, 'en')).toBe('Once a week');
  });

  it('when the frequency is every n days, then it gives the interval', () => {
    expect(frequencyLabel({ kind: 'every-n-days', everyDays: 3 }, 'it')).toBe('Ogni 3 giorni');
    expect(frequencyLabel({ kind: 'every-n-days', everyDays: 3 }, 'en')).toBe('Every 3 days');
  });

  it('when the interval is one day, then it reads as every day', () => {
    expect(frequencyLabel({ kind: 'every-n-days', everyDays: 1 }, 'it')).toBe('Ogni giorno');
    expect(frequencyLabel({ kind: 'every-n-days', everyDays: 1 }, 'en')).toBe('Every day');
  });

  it('when the frequency is on weekdays, then the short day names are listed in week order', () => {
    expect(frequencyLabel({ kind: 'weekdays', weekdays: [5, 1, 3] }, 'it')).toBe('Lun, Mer, Ven');
    expect(frequencyLabel({ kind: 'weekdays', weekdays: [5, 1, 3] }, 'en')).toBe('Mon, Wed, Fri');
    expect(frequencyLabel({ kind: 'weekdays', weekdays: [7] }, 'it')).toBe('Dom');
  });
});

describe('weekday names', () => {
  it('when asked for ISO weekday 1 and 7, then Monday and Sunday are named', () => {
    expect(weekdayShort(1, 'it')).toBe('Lun');
    expect(weekdayLong(7, 'it')).toBe('Domenica');
    expect(weekdayLong(7, 'en')).toBe('Sunday');
  });
});

describe('targetLevelLabel', () => {
  it('when the level is an ADI or palliative one, then the decree wording of care-intensity is used', () => {
    expect(targetLevelLabel('adi-2', 'it')).toBe('ADI di II livello (CIA 0,31–0,50)');
    expect(targetLevelLabel('palliative-specialist', 'en')).toBe('Specialist palliative home care (CIA > 0.50)');
  });
});

describe('needLabel', () => {
  it('when the code is on the SIAD list, then its label in the current language is shown', () => {
    expect(needLabel({ code: 'oxygen-therapy', label: 'x' }, 'en')).toBe('Oxygen therapy');
    expect(needLabel({ code: 'oxygen-therapy', label: 'x' }, 'it')).toBe('Ossigenoterapia');
  });

  it('when the code is unknown, then the stored label is shown', () => {
    expect(needLabel({ code: 'old-code', label: 'Vecchio bisogno' }, 'en')).toBe('Vecchio bisogno');
  });
});

describe('isKnownResponsibleRole', () => {
  it('when the role is one of the seven, then it is known; otherwise not', () => {
    expect(isKnownResponsibleRole('oss')).toBe(true);
    expect(isKnownResponsibleRole('speech-therapist')).toBe(false);
  });
});
