import { describe, expect, it } from 'vitest';
import { PAINAD } from './pain';
import { scoreInstrument } from './scoring';
import { answersAt } from './testing/answers';

describe('NRS pain', () => {
  it('when ratings sit on the default edges, then 0 none, 1–3 mild, 4–6 moderate, 7–10 severe', () => {
    const codes = [0, 1, 3, 4, 6, 7, 10].map((n) => scoreInstrument('nrs', { intensity: String(n) }).band?.code);
    expect(codes).toEqual(['none', 'mild', 'mild', 'moderate', 'moderate', 'severe', 'severe']);
  });

  it('when the 1–4 / 5–6 / 7–10 convention is asked for, then 4 is mild and 5 moderate', () => {
    expect(scoreInstrument('nrs', { intensity: '4' }, { convention: 'nrs-0-4-6-10' })).toMatchObject({ band: { code: 'mild' }, convention: 'nrs-0-4-6-10' });
    expect(scoreInstrument('nrs', { intensity: '5' }, { convention: 'nrs-0-4-6-10' }).band?.code).toBe('moderate');
  });

  it('when a stored document uses the old id "nrs-pain" and a number, then it scores as NRS', () => {
    expect(scoreInstrument('nrs-pain', { intensity: 2 })).toMatchObject({ instrumentId: 'nrs', total: 2, band: { code: 'mild' }, convention: 'nrs-0-3-6-10' });
  });

  it('when a rating is outside 0–10, then it is refused', () => {
    expect(() => scoreInstrument('nrs', { intensity: 11 })).toThrowError(expect.objectContaining({ code: 'unknown-option', itemId: 'intensity' }));
  });
});

describe('PAINAD', () => {
  it('when every behaviour is normal, then 0, no pain; the worst on all five gives 10, severe', () => {
    expect(scoreInstrument('painad', answersAt(PAINAD, 'min'))).toMatchObject({ total: 0, band: { code: 'none' } });
    expect(scoreInstrument('painad', answersAt(PAINAD, 'max'))).toMatchObject({ total: 10, band: { code: 'severe' } });
  });

  it('when occasional laboured breathing, moaning and a frown are seen, then 3, mild; adding tension gives 4, moderate', () => {
    const answers = { ...answersAt(PAINAD, 'min'), breathing: '1', vocalisation: '1', 'facial-expression': '1' };
    expect(scoreInstrument('painad', answers)).toMatchObject({ total: 3, band: { code: 'mild' } });
    expect(scoreInstrument('painad', { ...answers, 'body-language': '1' })).toMatchObject({ total: 4, band: { code: 'moderate' } });
  });

  it('when the total is 6 or 7, then moderate or severe', () => {
    const six = { breathing: '2', vocalisation: '2', 'facial-expression': '2', 'body-language': '0', consolability: '0' };
    expect(scoreInstrument('painad', six).band?.code).toBe('moderate');
    expect(scoreInstrument('painad', { ...six, consolability: '1' }).band?.code).toBe('severe');
  });
});
