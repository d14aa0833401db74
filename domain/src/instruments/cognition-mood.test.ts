import { describe, expect, it } from 'vitest';
import { GDS_15, SPMSQ } from './cognition-mood';
import { scoreInstrument } from './scoring';

const QUESTIONS = SPMSQ.items.filter((item) => item.id !== 'education').map((item) => item.id);

/** SPMSQ answers with `errors` wrong answers and the given education. */
function spmsq(errors: number, education: string) {
  return { education, ...Object.fromEntries(QUESTIONS.map((id, i) => [id, i < errors ? 'error' : 'correct'])) };
}

describe('SPMSQ (Pfeiffer 1975)', () => {
  it('when a high-school patient makes 0–2, 3–4, 5–7, 8–10 errors, then intact, mild, moderate, severe', () => {
    const bands = [0, 2, 3, 4, 5, 7, 8, 10].map((e) => scoreInstrument('spmsq', spmsq(e, 'high-school')).band?.code);
    expect(bands).toEqual(['intact', 'intact', 'mild', 'mild', 'moderate', 'moderate', 'severe', 'severe']);
  });

  it('when the patient had elementary schooling or less, then one more error is allowed (3 errors stay intact)', () => {
    expect(scoreInstrument('spmsq', spmsq(3, 'elementary-or-less'))).toMatchObject({
      total: 3, band: { code: 'intact' }, extra: { errors: 3, adjustedErrors: 2, education: 'elementary-or-less' },
    });
    expect(scoreInstrument('spmsq', spmsq(5, 'elementary-or-less')).band?.code).toBe('mild');
    expect(scoreInstrument('spmsq', spmsq(0, 'elementary-or-less')).extra?.['adjustedErrors']).toBe(0);
  });

  it('when the patient studied beyond high school, then one fewer error is allowed (2 errors are mild)', () => {
    expect(scoreInstrument('spmsq', spmsq(2, 'beyond-high-school'))).toMatchObject({
      total: 2, band: { code: 'mild' }, extra: { adjustedErrors: 3 },
    });
    expect(scoreInstrument('spmsq', spmsq(7, 'beyond-high-school')).band?.code).toBe('severe');
    expect(scoreInstrument('spmsq', spmsq(10, 'beyond-high-school'))).toMatchObject({ total: 10, band: { code: 'severe' }, extra: { adjustedErrors: 10 } });
  });

  it('when education is not recorded, then the questionnaire cannot be scored', () => {
    const { education: _education, ...noEducation } = spmsq(1, 'high-school');
    expect(() => scoreInstrument('spmsq', noEducation)).toThrowError(expect.objectContaining({ code: 'missing-answer', itemId: 'education' }));
  });

  it('when its options are read, then there is no race adjustment', () => {
    const values = SPMSQ.items.flatMap((item) => item.options.map((o) => o.value));
    expect(values.some((v) => /race|black|white/i.test(v))).toBe(false);
  });
});

describe('GDS-15', () => {
  const NOT_DEPRESSED = { satisfied: 'yes', 'good-spirits': 'yes', happy: 'yes', 'wonderful-alive': 'yes', energy: 'yes' };
  const allNo = Object.fromEntries(GDS_15.items.map((item) => [item.id, 'no']));

  it('when the points are read from the definition, then "yes" scores on items 2,3,4,6,8,9,10,12,14,15 and "no" on 1,5,7,11,13', () => {
    const keyedYes = GDS_15.items.flatMap((item, i) => (item.options.find((o) => o.value === 'yes')?.points === 1 ? [i + 1] : []));
    expect(keyedYes).toEqual([2, 3, 4, 6, 8, 9, 10, 12, 14, 15]);
  });

  it('when every answer is the non-depressed one, then 0; every "yes" gives 10', () => {
    expect(scoreInstrument('gds-15', { ...allNo, ...NOT_DEPRESSED })).toMatchObject({ total: 0, band: { code: 'normal' } });
    const allYes = Object.fromEntries(GDS_15.items.map((item) => [item.id, 'yes']));
    expect(scoreInstrument('gds-15', allYes)).toMatchObject({ total: 10, band: { code: 'depression-suggested' } });
  });

  it('when every answer is "no", then the five reverse-keyed items give 5, still normal; one more "yes" gives 6', () => {
    expect(scoreInstrument('gds-15', allNo)).toMatchObject({ total: 5, band: { code: 'normal' } });
    expect(scoreInstrument('gds-15', { ...allNo, hopeless: 'yes' })).toMatchObject({ total: 6, band: { code: 'depression-suggested' } });
  });
});
