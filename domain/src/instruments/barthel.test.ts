import { describe, expect, it } from 'vitest';
import { BARTHEL, BARTHEL_SHAH } from './barthel';
import { InstrumentAnswerError } from './instrument-errors';
import { runningScore, scoreInstrument } from './scoring';
import { answersAt } from './testing/answers';

describe('Barthel Index (original 0–100)', () => {
  it('when every item is independent, then the total is 100, "independent", split 60 ADL + 40 mobility', () => {
    const result = scoreInstrument('barthel', answersAt(BARTHEL, 'max'));
    expect(result).toMatchObject({ total: 100, band: { code: 'independent' }, convention: 'shah-1989', subscores: { adl: 60, mobility: 40 } });
  });

  it('when a mixed patient is scored, then the points add up and the Shah band applies (60 severe, 65 moderate)', () => {
    // Feeding with help, no bathing, grooming alone, dressing half, continent bowels,
    // occasional bladder accidents, some help at the toilet, minor help to transfer,
    // walks with one person, unable on stairs.
    const answers = {
      feeding: '5', bathing: '0', grooming: '5', dressing: '5', bowels: '10',
      bladder: '5', toilet: '5', transfers: '10', mobility: '10', stairs: '0',
    };
    const severe = scoreInstrument('barthel', answers);
    expect(severe).toMatchObject({ total: 55, band: { code: 'severe' }, subscores: { adl: 35, mobility: 20 } });
    expect(scoreInstrument('barthel', { ...answers, feeding: '10' })).toMatchObject({ total: 60, band: { code: 'severe' } });
    expect(scoreInstrument('barthel', { ...answers, feeding: '10', stairs: '5' })).toMatchObject({ total: 65, band: { code: 'moderate' } });
  });

  it('when totals sit on the band edges reachable in steps of 5, then 20 is total, 25 severe, 90 moderate, 95 slight', () => {
    const base = answersAt(BARTHEL, 'min');
    expect(scoreInstrument('barthel', { ...base, feeding: 10, bowels: 10 }).band?.code).toBe('total');
    expect(scoreInstrument('barthel', { ...base, feeding: 10, bowels: 10, bathing: 5 }).band?.code).toBe('severe');
    const top = answersAt(BARTHEL, 'max');
    expect(scoreInstrument('barthel', { ...top, stairs: '0' })).toMatchObject({ total: 90, band: { code: 'moderate' } });
    expect(scoreInstrument('barthel', { ...top, stairs: '5' })).toMatchObject({ total: 95, band: { code: 'slight' } });
  });

  it('when a stored document holds numbers (demo seed), then they are read as the option values', () => {
    const numeric = { feeding: 10, bathing: 5, grooming: 5, dressing: 10, bowels: 10, bladder: 10, toilet: 10, transfers: 15, mobility: 5, stairs: 0 };
    expect(scoreInstrument('barthel', numeric)).toMatchObject({ total: 80, band: { code: 'moderate' } });
  });

  it('when an item is given points it does not offer, then the error names the item and the value', () => {
    const answers = { ...answersAt(BARTHEL, 'max'), bathing: '10' };
    expect(() => scoreInstrument('barthel', answers)).toThrowError(/"10" is not an answer of item "bathing"/);
  });
});

describe('Modified Barthel (Shah, Vanclay & Cooper 1989)', () => {
  const top = answersAt(BARTHEL_SHAH, 'max');
  /** Unable in everything, on a wheelchair the patient cannot use. */
  const bottom = answersAt(BARTHEL_SHAH, 'min', { ambulation: '0', wheelchair: '0' });

  it('when the patient is fully independent, then 100; one point less in hygiene gives 99, "slight"', () => {
    expect(scoreInstrument('barthel-shah', top)).toMatchObject({ total: 100, band: { code: 'independent' } });
    expect(scoreInstrument('barthel-shah', { ...top, hygiene: '4' })).toMatchObject({ total: 99, band: { code: 'slight' } });
  });

  it('when totals sit on the Shah band edges, then 20/21, 60/61 and 90/91 fall on either side', () => {
    const twenty = { ...bottom, feeding: '10', stairs: '10' };
    expect(scoreInstrument('barthel-shah', twenty)).toMatchObject({ total: 20, band: { code: 'total' } });
    expect(scoreInstrument('barthel-shah', { ...twenty, hygiene: '1' })).toMatchObject({ total: 21, band: { code: 'severe' } });
    const sixty = { ...bottom, feeding: '10', toilet: '10', stairs: '10', dressing: '10', bowels: '10', bladder: '10' };
    expect(scoreInstrument('barthel-shah', sixty)).toMatchObject({ total: 60, band: { code: 'severe' } });
    expect(scoreInstrument('barthel-shah', { ...sixty, hygiene: '1' })).toMatchObject({ total: 61, band: { code: 'moderate' } });
    const ninetyOne = { ...top, hygiene: '4', feeding: '8', toilet: '8', dressing: '8', bowels: '8' };
    expect(scoreInstrument('barthel-shah', ninetyOne)).toMatchObject({ total: 91, band: { code: 'slight' } });
  });

  it('when ambulation is "unable" and the patient is independent in a wheelchair, then the total is at most 90', () => {
    const wheelchairUser = { ...top, ambulation: '0', wheelchair: '5' };
    expect(scoreInstrument('barthel-shah', wheelchairUser)).toMatchObject({ total: 90, band: { code: 'moderate' }, subscores: { adl: 60, mobility: 30 } });
  });

  it('when ambulation is "unable" and the wheelchair item is not answered, then it is missing', () => {
    const call = () => scoreInstrument('barthel-shah', { ...top, ambulation: '0' });
    expect(call).toThrowError(InstrumentAnswerError);
    expect(call).toThrowError(expect.objectContaining({ code: 'missing-answer', itemId: 'wheelchair' }));
  });

  it('when the patient walks, then a wheelchair answer is refused as not applicable (and ignored in the running score)', () => {
    expect(() => scoreInstrument('barthel-shah', { ...top, wheelchair: '5' })).toThrowError(/"wheelchair" applies only when "ambulation" is 0/);
    expect(runningScore('barthel-shah', { ...top, wheelchair: '5' }).total).toBe(100);
  });
});
