import { describe, expect, it } from 'vitest';
import { scoreInstrument } from './scoring';

const INDEPENDENT = {
  bathing: 'independent', dressing: 'independent', toileting: 'independent',
  transferring: 'independent', continence: 'independent', feeding: 'independent',
};

/** Katz answers with the named functions dependent. */
function dependentIn(...ids: (keyof typeof INDEPENDENT)[]) {
  return { ...INDEPENDENT, ...Object.fromEntries(ids.map((id) => [id, 'dependent'])) };
}

const grade = (...ids: (keyof typeof INDEPENDENT)[]) => scoreInstrument('katz-adl', dependentIn(...ids)).band?.code;

describe('Katz Index of ADL', () => {
  it('when the patient is independent in all six functions, then 6, grade A, no function lost', () => {
    expect(scoreInstrument('katz-adl', INDEPENDENT)).toMatchObject({
      total: 6, band: { code: 'A' }, convention: 'katz-1963', extra: { grade: 'A', functionsLost: 0 },
    });
  });

  it('when exactly one function is dependent, whichever it is, then grade B', () => {
    expect(grade('feeding')).toBe('B');
    expect(grade('bathing')).toBe('B');
  });

  it('when the dependencies follow the hierarchy plus one other, then grades C, D, E and F', () => {
    expect(grade('bathing', 'feeding')).toBe('C');
    expect(grade('bathing', 'dressing', 'continence')).toBe('D');
    expect(grade('bathing', 'dressing', 'toileting', 'feeding')).toBe('E');
    const f = scoreInstrument('katz-adl', dependentIn('bathing', 'dressing', 'toileting', 'transferring', 'continence'));
    expect(f).toMatchObject({ total: 1, band: { code: 'F' }, extra: { functionsLost: 5 } });
  });

  it('when all six are dependent, then 0 and grade G', () => {
    expect(scoreInstrument('katz-adl', dependentIn('bathing', 'dressing', 'toileting', 'transferring', 'continence', 'feeding'))).toMatchObject({
      total: 0, band: { code: 'G' }, extra: { functionsLost: 6 },
    });
  });

  it('when two or more dependencies fit none of C–F, then "Other"', () => {
    expect(grade('dressing', 'feeding')).toBe('Other');
    expect(grade('bathing', 'toileting', 'feeding')).toBe('Other');
    // Five dependencies but transferring kept: not F.
    expect(grade('bathing', 'dressing', 'toileting', 'continence', 'feeding')).toBe('Other');
  });

  it('when a caller brings bands over the total, then they are used instead of the grade', () => {
    const bands = [
      { min: 0, max: 2, code: 'severe', label: { it: 'Grave', en: 'Severe' } },
      { min: 3, max: 6, code: 'other', label: { it: 'Altro', en: 'Other' } },
    ];
    const result = scoreInstrument('katz-adl', dependentIn('bathing', 'dressing', 'toileting', 'transferring'), { convention: { id: 'local-katz', bands } });
    expect(result).toMatchObject({ total: 2, band: { code: 'severe' }, convention: 'local-katz', extra: { grade: 'E' } });
  });
});
