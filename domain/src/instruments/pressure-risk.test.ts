import { describe, expect, it } from 'vitest';
import { BRADEN, EXTON_SMITH, NORTON } from './pressure-risk';
import { scoreInstrument } from './scoring';
import { answersAt } from './testing/answers';

/** Norton/Exton-Smith answers reaching `total` by lowering items from the top. */
function nortonAt(total: number) {
  const answers: Record<string, number> = { 'physical-condition': 4, 'mental-state': 4, activity: 4, mobility: 4, incontinence: 4 };
  let deficit = 20 - total;
  for (const id of Object.keys(answers)) {
    const drop = Math.min(3, deficit);
    answers[id] -= drop;
    deficit -= drop;
  }
  return answers;
}

describe('Norton scale', () => {
  it('when a patient is in good condition, then 20 and not at risk; bedfast, stuporous and doubly incontinent gives 5, high risk', () => {
    expect(scoreInstrument('norton', answersAt(NORTON, 'max'))).toMatchObject({ total: 20, band: { code: 'not-at-risk' } });
    expect(scoreInstrument('norton', answersAt(NORTON, 'min'))).toMatchObject({ total: 5, band: { code: 'high' } });
  });

  it('when totals sit on the edges, then ≤14 is at risk and ≤12 high risk', () => {
    expect(scoreInstrument('norton', nortonAt(15)).band?.code).toBe('not-at-risk');
    expect(scoreInstrument('norton', nortonAt(14)).band?.code).toBe('at-risk');
    expect(scoreInstrument('norton', nortonAt(13)).band?.code).toBe('at-risk');
    expect(scoreInstrument('norton', nortonAt(12)).band?.code).toBe('high');
  });

  it('when the 3-tier variant is asked for, then 16–20 low, 13–15 medium, 5–12 high', () => {
    const options = { convention: 'norton-3-tier' };
    expect(scoreInstrument('norton', nortonAt(16), options).band?.code).toBe('low');
    expect(scoreInstrument('norton', nortonAt(15), options)).toMatchObject({ band: { code: 'medium' }, convention: 'norton-3-tier' });
    expect(scoreInstrument('norton', nortonAt(12), options).band?.code).toBe('high');
  });
});

describe('Exton-Smith scale', () => {
  it('when scored, then the SVAMA bands apply (16–20 minimal, 10–15 moderate, 5–9 high) and are flagged unconfirmed', () => {
    expect(scoreInstrument('exton-smith', nortonAt(16)).band?.code).toBe('minimal');
    expect(scoreInstrument('exton-smith', nortonAt(15)).band?.code).toBe('moderate');
    expect(scoreInstrument('exton-smith', nortonAt(10)).band?.code).toBe('moderate');
    expect(scoreInstrument('exton-smith', nortonAt(9)).band?.code).toBe('high');
    expect(EXTON_SMITH.conventions[0].unconfirmed).toBe(true);
  });

  it('when compared with Norton, then it has the same items and anchors', () => {
    expect(EXTON_SMITH.items).toBe(NORTON.items);
  });
});

describe('Braden scale (licensed)', () => {
  /** Braden answers reaching `total` by lowering items from the top (min 1 each). */
  function bradenAt(total: number) {
    const answers: Record<string, number> = { 'sensory-perception': 4, moisture: 4, activity: 4, mobility: 4, nutrition: 4, 'friction-shear': 3 };
    let deficit = 23 - total;
    for (const id of Object.keys(answers)) {
      const drop = Math.min(answers[id] - 1, deficit);
      answers[id] -= drop;
      deficit -= drop;
    }
    return answers;
  }

  it('when the extremes are scored, then 6 is severe and 23 not at risk', () => {
    expect(scoreInstrument('braden', answersAt(BRADEN, 'min'))).toMatchObject({ total: 6, band: { code: 'severe' } });
    expect(scoreInstrument('braden', answersAt(BRADEN, 'max'))).toMatchObject({ total: 23, band: { code: 'not-at-risk' } });
  });

  it('when totals sit on the 5-tier edges, then 9/10, 12/13, 14/15 and 18/19 change band', () => {
    const codes = [9, 10, 12, 13, 14, 15, 18, 19].map((t) => scoreInstrument('braden', bradenAt(t)).band?.code);
    expect(codes).toEqual(['severe', 'high', 'high', 'moderate', 'moderate', 'mild', 'mild', 'not-at-risk']);
  });

  it('when the original or the Italian convention is asked for, then 16/17 and 12/13, 17/18 are the edges', () => {
    expect(scoreInstrument('braden', bradenAt(16), { convention: 'braden-1987' }).band?.code).toBe('at-risk');
    expect(scoreInstrument('braden', bradenAt(17), { convention: 'braden-1987' }).band?.code).toBe('not-at-risk');
    const italian = [12, 13, 17, 18].map((t) => scoreInstrument('braden', bradenAt(t), { convention: 'braden-it-3-tier' }).band?.code);
    expect(italian).toEqual(['high', 'medium', 'medium', 'none']);
  });

  it('when shipped, then it is licensed and disabled by default', () => {
    expect(BRADEN).toMatchObject({ licensed: true, enabledByDefault: false });
  });
});
