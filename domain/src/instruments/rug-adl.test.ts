import { describe, expect, it } from 'vitest';
import { RUG_ADL, rugAdlValueFromMds } from './rug-adl';
import { scoreInstrument } from './scoring';
import { answersAt } from './testing/answers';

describe('RUG-III ADL sum', () => {
  it('when independent in all four, then 4; two helpers everywhere and dependent eating give 18', () => {
    expect(scoreInstrument('rug-adl', answersAt(RUG_ADL, 'min'))).toMatchObject({ total: 4, band: null });
    expect(scoreInstrument('rug-adl', answersAt(RUG_ADL, 'max')).total).toBe(18);
  });

  it('when the answers come from MDS 2.0 codes, then they map as published and add up', () => {
    const answers = {
      'bed-mobility': rugAdlValueFromMds('bed-mobility', 2, 1), // limited assistance → 3
      'toilet-use': rugAdlValueFromMds('toilet-use', 3, 2), // extensive, one helper → 4
      transfer: rugAdlValueFromMds('transfer', 4, 3), // total, two helpers → 5
      eating: rugAdlValueFromMds('eating', 2, 0), // limited → 2
    };
    expect(answers).toEqual({ 'bed-mobility': '3', 'toilet-use': '4', transfer: '5', eating: '2' });
    expect(scoreInstrument('rug-adl', answers).total).toBe(14);
  });

  it('when MDS self-performance is 0–1 or 8, then 1, or 4 and 3 for eating', () => {
    expect(rugAdlValueFromMds('transfer', 1, 3)).toBe('1');
    expect(rugAdlValueFromMds('transfer', 8, 8)).toBe('4');
    expect(rugAdlValueFromMds('eating', 8, 3)).toBe('3');
  });

  it('when shipped, then it needs a licence (interRAI/RUG forms) and is disabled by default', () => {
    expect(RUG_ADL).toMatchObject({ licensed: true, enabledByDefault: false });
  });
});
