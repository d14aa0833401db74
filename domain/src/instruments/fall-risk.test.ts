import { describe, expect, it } from 'vitest';
import { CONLEY, TINETTI } from './fall-risk';
import { scoreInstrument } from './scoring';
import { answersAt } from './testing/answers';

/** Tinetti answers reaching `total` by lowering items from the best, gait first. */
function tinettiAt(total: number) {
  const answers = answersAt(TINETTI, 'max');
  let deficit = 28 - total;
  for (const item of [...TINETTI.items].reverse()) {
    const max = Math.max(...item.options.map((o) => o.points));
    const drop = Math.min(max, deficit);
    answers[item.id] = String(max - drop);
    deficit -= drop;
  }
  return answers;
}

describe('Tinetti POMA', () => {
  it('when balance and gait are both perfect, then 16 + 12 = 28, low fall risk', () => {
    expect(scoreInstrument('tinetti', answersAt(TINETTI, 'max'))).toMatchObject({
      total: 28, subscores: { balance: 16, gait: 12 }, band: { code: 'low' }, convention: 'poma-18-23',
    });
  });

  it('when gait is lost entirely and balance is partly kept, then the sub-scores say where the points went', () => {
    const answers = { ...answersAt(TINETTI, 'min'), arises: '1', 'attempts-to-arise': '1', 'sitting-balance': '1', 'sitting-down': '1' };
    expect(scoreInstrument('tinetti', answers)).toMatchObject({ total: 4, subscores: { balance: 4, gait: 0 }, band: { code: 'high' } });
  });

  it('when totals sit on the default edges, then 18 high, 19 moderate, 23 moderate, 24 low', () => {
    expect([18, 19, 23, 24].map((t) => scoreInstrument('tinetti', tinettiAt(t)).band?.code)).toEqual(['high', 'moderate', 'moderate', 'low']);
  });

  it('when the 19–24 convention is asked for, then 24 is moderate and 25 low', () => {
    const options = { convention: 'poma-18-24' };
    expect([18, 19, 24, 25].map((t) => scoreInstrument('tinetti', tinettiAt(t), options).band?.code)).toEqual(['high', 'moderate', 'moderate', 'low']);
  });
});

describe('Conley scale', () => {
  const none = answersAt(CONLEY, 'min');

  it('when nothing applies, then 0 and not at risk; everything gives 10', () => {
    expect(scoreInstrument('conley', none)).toMatchObject({ total: 0, band: { code: 'not-at-risk' } });
    expect(scoreInstrument('conley', answersAt(CONLEY, 'max'))).toMatchObject({ total: 10, band: { code: 'at-risk' } });
  });

  it('when the patient fell in the last three months, then 2 points and at risk; dizziness alone is 1, not at risk', () => {
    expect(scoreInstrument('conley', { ...none, 'previous-falls': 'yes' })).toMatchObject({ total: 2, band: { code: 'at-risk' } });
    expect(scoreInstrument('conley', { ...none, dizziness: 'yes' })).toMatchObject({ total: 1, band: { code: 'not-at-risk' } });
  });

  it('when the patient does not know, then that counts as no', () => {
    const unknown = { ...none, 'previous-falls': 'unknown', dizziness: 'unknown', incontinence: 'unknown' };
    expect(scoreInstrument('conley', unknown).total).toBe(0);
  });

  it('when judgement is impaired and the patient is agitated, then 3 + 2 = 5', () => {
    expect(scoreInstrument('conley', { ...none, 'impaired-judgement': 'yes', agitation: 'yes' }).total).toBe(5);
  });
});
