import { describe, expect, it } from 'vitest';
import {
  ADI_LEVEL_LABELS,
  adiLevel,
  CareIntensityError,
  careIntensity,
  careIntensityIndex,
  PALLIATIVE_LEVEL_LABELS,
  palliativeLevel,
  roundCia,
} from './care-intensity';

/** The first `count` days from 2026-01-01 (a 100-day period ends on 2026-04-10). */
function firstDays(count: number): string[] {
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
}

describe('careIntensityIndex', () => {
  it('when visits fall on some days of the period, then CIA = days with visits ÷ days in care, both ends counted', () => {
    expect(careIntensity(firstDays(13), '2026-01-01', '2026-04-10')).toEqual({ daysWithVisits: 13, daysInCare: 100, cia: 0.13 });
    expect(careIntensityIndex(['2026-01-01', '2026-01-10'], '2026-01-01', '2026-01-10')).toBe(0.2);
    expect(careIntensityIndex(['2026-01-01'], '2026-01-01', '2026-01-01')).toBe(1);
  });

  it('when several visits share a day, then the day counts once', () => {
    expect(careIntensityIndex(['2026-01-02', '2026-01-02', '2026-01-02', '2026-01-05'], '2026-01-01', '2026-01-10')).toBe(0.2);
  });

  it('when visits fall outside the period, then they are ignored', () => {
    expect(careIntensity(['2025-12-31', '2026-01-01', '2026-01-10', '2026-01-11'], '2026-01-01', '2026-01-10')).toEqual({
      daysWithVisits: 2,
      daysInCare: 10,
      cia: 0.2,
    });
  });

  it('when there are no visits, then the CIA is 0', () => {
    expect(careIntensityIndex([], '2026-01-01', '2026-01-31')).toBe(0);
  });

  it('when the ratio has more decimals, then it is rounded half up to two', () => {
    // 1/3 → 0.33; 2/3 → 0.67; 27/200 = 0.135 → 0.14; 1/8 = 0.125 → 0.13.
    expect(careIntensityIndex(['2026-01-01'], '2026-01-01', '2026-01-03')).toBe(0.33);
    expect(careIntensityIndex(['2026-01-01', '2026-01-02'], '2026-01-01', '2026-01-03')).toBe(0.67);
    expect(careIntensity(firstDays(27), '2026-01-01', '2026-07-19')).toMatchObject({ daysInCare: 200, cia: 0.14 });
    expect(careIntensityIndex(['2026-01-01'], '2026-01-01', '2026-01-08')).toBe(0.13);
  });

  it('when the period spans a leap day and the DST change, then each calendar day counts once', () => {
    expect(careIntensity([], '2028-02-28', '2028-03-01').daysInCare).toBe(3);
    expect(careIntensity([], '2026-03-28', '2026-03-30').daysInCare).toBe(3);
    expect(careIntensity([], '2026-10-24', '2026-10-26').daysInCare).toBe(3);
  });

  it('when the end is before the start, then a CareIntensityError says so', () => {
    expect(() => careIntensityIndex([], '2026-02-01', '2026-01-31')).toThrow(CareIntensityError);
    expect(() => careIntensityIndex([], '2026-02-01', '2026-01-31')).toThrow(expect.objectContaining({ code: 'end-before-start' }));
    expect(careIntensityIndex(['2026-02-01'], '2026-02-01', '2026-02-01')).toBe(1);
  });

  it('when a date is not a real calendar date, then a CareIntensityError names it', () => {
    expect(() => careIntensityIndex([], '2026-02-30', '2026-03-31')).toThrow(/careStart/);
    expect(() => careIntensityIndex([], '2026-02-01', '31/03/2026')).toThrow(/careEnd/);
    expect(() => careIntensityIndex(['2026-02-10T09:00:00.000Z'], '2026-02-01', '2026-03-31')).toThrow(/visit date/);
    expect(() => careIntensityIndex([], '2026-02-30', '2026-03-31')).toThrow(expect.objectContaining({ code: 'invalid-date' }));
  });
});

describe('adiLevel', () => {
  it('when the CIA sits on each band edge, then the DPCM 12/1/2017 art. 22 level comes out', () => {
    expect(adiLevel(0)).toBe('base');
    expect(adiLevel(0.13)).toBe('base');
    expect(adiLevel(0.14)).toBe('adi-1');
    expect(adiLevel(0.3)).toBe('adi-1');
    expect(adiLevel(0.31)).toBe('adi-2');
    expect(adiLevel(0.5)).toBe('adi-2');
    expect(adiLevel(0.51)).toBe('adi-3');
    expect(adiLevel(1)).toBe('adi-3');
  });

  it('when a raw ratio falls between bands, then it is rounded to two decimals first', () => {
    expect(adiLevel(0.1349)).toBe('base');
    expect(adiLevel(0.135)).toBe('adi-1');
    expect(adiLevel(0.3049)).toBe('adi-1');
    expect(adiLevel(0.305)).toBe('adi-2');
    expect(adiLevel(0.5049)).toBe('adi-2');
    expect(adiLevel(0.505)).toBe('adi-3');
    expect(adiLevel(13 / 100)).toBe(adiLevel(careIntensityIndex(firstDays(13), '2026-01-01', '2026-04-10')));
  });

  it('when the value is not a ratio, then it is refused', () => {
    expect(() => adiLevel(Number.NaN)).toThrow(CareIntensityError);
    expect(() => adiLevel(-0.1)).toThrow(/between 0 and 1/);
    expect(() => adiLevel(1.2)).toThrow(/between 0 and 1/);
  });

  it('when a level is shown, then it has Italian and English labels', () => {
    expect(ADI_LEVEL_LABELS[adiLevel(0.2)].it).toContain('I livello');
    expect(ADI_LEVEL_LABELS['adi-3'].en).toContain('level III');
  });
});

describe('palliativeLevel', () => {
  it('when the CIA is below, at or above 0.50, then base, base (our reading of the gap) and specialist', () => {
    expect(palliativeLevel(0.49)).toBe('palliative-base');
    expect(palliativeLevel(0.5)).toBe('palliative-base');
    expect(palliativeLevel(0.5049)).toBe('palliative-base');
    expect(palliativeLevel(0.505)).toBe('palliative-specialist');
    expect(palliativeLevel(0.51)).toBe('palliative-specialist');
    expect(PALLIATIVE_LEVEL_LABELS['palliative-specialist'].it).toContain('specialistico');
  });
});

describe('roundCia', () => {
  it('when binary noise sits under a half, then it still rounds half up', () => {
    expect(roundCia(0.145)).toBe(0.15);
    expect(roundCia(0.135)).toBe(0.14);
    expect(roundCia(0.1349999)).toBe(0.13);
    expect(roundCia(2 / 3)).toBe(0.67);
  });
});
