import { describe, expect, it } from 'vitest';
import { LAWTON_IADL } from './lawton-iadl';
import { compareWithPrevious, runningScore, scoreInstrument } from './scoring';
import { answersAt } from './testing/answers';

describe('Lawton IADL', () => {
  it('when the full form is answered at the best level, then 8 of 8, stored as form "full", no band', () => {
    const result = scoreInstrument('lawton-iadl', answersAt(LAWTON_IADL, 'max', { form: 'full' }));
    expect(result).toMatchObject({ total: 8, band: null, convention: 'unbanded', extra: { form: 'full' }, answered: 9 });
  });

  it('when several answers score 1 (telephone answers only, light housework, taxi), then each counts one point', () => {
    const answers = {
      form: 'full', telephone: 'answers-only', shopping: 'small-purchases', food: 'heats-only', housekeeping: 'needs-help',
      laundry: 'small-items', transport: 'taxi-only', medications: 'if-prepared', finances: 'day-to-day',
    };
    expect(scoreInstrument('lawton-iadl', answers).total).toBe(5);
  });

  it("when the men's form is used, then food, housekeeping and laundry are not asked and the maximum is 5", () => {
    const men = answersAt(LAWTON_IADL, 'max', { form: 'men' });
    expect(Object.keys(men)).not.toContain('food');
    expect(scoreInstrument('lawton-iadl', men)).toMatchObject({ total: 5, extra: { form: 'men' }, missing: [] });
  });

  it("when the men's form carries an answer to food preparation, then it is refused as not applicable", () => {
    const men = { ...answersAt(LAWTON_IADL, 'max', { form: 'men' }), food: 'independent' };
    expect(() => scoreInstrument('lawton-iadl', men)).toThrowError(expect.objectContaining({ code: 'not-applicable', itemId: 'food' }));
  });

  it('when the form is not chosen yet, then the running score lists it as missing and the form items are not asked', () => {
    const result = runningScore('lawton-iadl', { telephone: 'initiative' });
    expect(result.missing).toEqual(['form', 'shopping', 'transport', 'medications', 'finances']);
  });

  it('when two results used different forms, then they are not compared', () => {
    const full = scoreInstrument('lawton-iadl', answersAt(LAWTON_IADL, 'max', { form: 'full' }));
    const men = scoreInstrument('lawton-iadl', answersAt(LAWTON_IADL, 'max', { form: 'men' }));
    expect(compareWithPrevious(men, full)).toEqual({ instrumentId: 'lawton-iadl', change: -3, trend: 'not-comparable' });
    expect(compareWithPrevious(full, full).trend).toBe('unchanged');
  });
});
