import { describe, expect, it } from 'vitest';
import { CIRS } from './cirs';
import { scoreInstrument } from './scoring';
import { answersAt } from './testing/answers';

describe('CIRS (Italian geriatric version)', () => {
  const healthy = answersAt(CIRS, 'min');

  it('when no category is affected, then total 14, severity index 1, comorbidity index 0, no band', () => {
    expect(scoreInstrument('cirs', healthy)).toMatchObject({ total: 14, band: null, extra: { severityIndex: 1, comorbidityIndex: 0 } });
  });

  it('when heart failure, hypertension and COPD are moderate to severe, then the indices count only somatic categories', () => {
    const patient = { ...healthy, cardiac: 3, hypertension: 3, vascular: 2, respiratory: 4, eent: 2, psychiatric: 5 };
    // Somatic: 3 + 3 + 2 + 4 + 2 + 8 × 1 = 22 over 13 categories; three of them ≥3.
    expect(scoreInstrument('cirs', patient)).toMatchObject({
      total: 27, subscores: { somatic: 22 }, extra: { severityIndex: 1.69, comorbidityIndex: 3 },
    });
  });

  it('when only the psychiatric category changes, then neither index moves', () => {
    const mild = scoreInstrument('cirs', { ...healthy, kidney: 3, psychiatric: 1 });
    const severe = scoreInstrument('cirs', { ...healthy, kidney: 3, psychiatric: 5 });
    expect(severe.extra).toEqual(mild.extra);
    expect(severe.total - mild.total).toBe(4);
  });

  it('when every category is extremely severe, then total 70, severity index 5, comorbidity index 13', () => {
    expect(scoreInstrument('cirs', answersAt(CIRS, 'max'))).toMatchObject({ total: 70, extra: { severityIndex: 5, comorbidityIndex: 13 } });
  });
});
