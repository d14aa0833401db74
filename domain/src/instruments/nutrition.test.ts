import { describe, expect, it } from 'vitest';
import { MNA_SF, MUST } from './nutrition';
import { scoreInstrument } from './scoring';

describe('MNA-SF (licensed)', () => {
  const well = { 'food-intake': '2', 'weight-loss': '3', mobility: '2', 'acute-stress': '2', neuropsychological: '2' };

  it('when BMI is known, then F1 scores and the total bands 12–14 normal', () => {
    expect(scoreInstrument('mna-sf', { ...well, bmi: '23-or-more' })).toMatchObject({ total: 14, band: { code: 'normal' } });
  });

  it('when intake fell moderately, 1–3 kg were lost, mild dementia and BMI 21–23, then 10, at risk', () => {
    const answers = { 'food-intake': '1', 'weight-loss': '2', mobility: '2', 'acute-stress': '2', neuropsychological: '1', bmi: '21-to-23' };
    expect(scoreInstrument('mna-sf', answers)).toMatchObject({ total: 10, band: { code: 'at-risk' } });
  });

  it('when BMI is not available, then F2 calf circumference scores instead', () => {
    expect(scoreInstrument('mna-sf', { ...well, bmi: 'not-available', calf: '31-or-more' })).toMatchObject({ total: 14, band: { code: 'normal' } });
    expect(scoreInstrument('mna-sf', { ...well, bmi: 'not-available', calf: 'under-31' })).toMatchObject({ total: 11, band: { code: 'at-risk' } });
  });

  it('when BMI is not available and F2 is not answered, then F2 is missing; F2 with a BMI is refused', () => {
    expect(() => scoreInstrument('mna-sf', { ...well, bmi: 'not-available' })).toThrowError(expect.objectContaining({ code: 'missing-answer', itemId: 'calf' }));
    expect(() => scoreInstrument('mna-sf', { ...well, bmi: '23-or-more', calf: 'under-31' })).toThrowError(expect.objectContaining({ code: 'not-applicable', itemId: 'calf' }));
  });

  it('when totals sit on the edges, then 7 malnourished, 8 at risk, 11 at risk, 12 normal', () => {
    const base = { 'food-intake': '0', 'weight-loss': '3', mobility: '2', 'acute-stress': '2', neuropsychological: '0', bmi: 'under-19' };
    // 0 + 3 + 2 + 2 + 0 + 0 = 7
    expect(scoreInstrument('mna-sf', base)).toMatchObject({ total: 7, band: { code: 'malnourished' } });
    expect(scoreInstrument('mna-sf', { ...base, bmi: '19-to-21' })).toMatchObject({ total: 8, band: { code: 'at-risk' } });
    expect(scoreInstrument('mna-sf', { ...base, bmi: '23-or-more', 'food-intake': '1' })).toMatchObject({ total: 11, band: { code: 'at-risk' } });
    expect(scoreInstrument('mna-sf', { ...base, bmi: '23-or-more', 'food-intake': '2' })).toMatchObject({ total: 12, band: { code: 'normal' } });
  });

  it('when shipped, then it is licensed and disabled by default', () => {
    expect(MNA_SF).toMatchObject({ licensed: true, enabledByDefault: false });
  });
});

describe('MUST (licensed)', () => {
  it('when BMI is over 20, no weight loss and no acute disease, then 0, low risk', () => {
    expect(scoreInstrument('must', { bmi: '0', 'weight-loss': '0', 'acute-disease': '0' })).toMatchObject({ total: 0, band: { code: 'low' } });
  });

  it('when BMI is 18.5–20 only, then 1, medium; adding 5–10% weight loss gives 2, high', () => {
    expect(scoreInstrument('must', { bmi: '1', 'weight-loss': '0', 'acute-disease': '0' })).toMatchObject({ total: 1, band: { code: 'medium' } });
    expect(scoreInstrument('must', { bmi: '1', 'weight-loss': '1', 'acute-disease': '0' })).toMatchObject({ total: 2, band: { code: 'high' } });
  });

  it('when acutely ill with no intake for over 5 days, then the 2 points alone make high risk; the maximum is 6', () => {
    expect(scoreInstrument('must', { bmi: '0', 'weight-loss': '0', 'acute-disease': '2' }).band?.code).toBe('high');
    expect(scoreInstrument('must', { bmi: '2', 'weight-loss': '2', 'acute-disease': '2' }).total).toBe(6);
  });

  it('when shipped, then it is licensed and disabled by default', () => {
    expect(MUST).toMatchObject({ licensed: true, enabledByDefault: false });
  });
});
