import { BARTHEL, KATZ_ADL, LAWTON_IADL, NRS } from '@prossima/domain';
import { bandLabel, historyByInstrument, resultDate, signedChange } from './assessment-history';
import { fullAnswers, storedAssessment } from './assessment-test-data';

describe('assessment-history', () => {
  it('when results of several instruments are stored, then they are grouped in list order with the latest and the previous', () => {
    const old = storedAssessment(NRS, { intensity: '7' }, { id: 'a-1', takenAt: '2025-11-01T09:00:00.000Z' });
    const recent = storedAssessment(NRS, { intensity: '3' }, { id: 'a-2', takenAt: '2025-11-12T09:00:00.000Z' });
    const barthel = storedAssessment(BARTHEL, fullAnswers(BARTHEL), { id: 'a-3' });
    const history = historyByInstrument([recent, barthel, old]);
    expect(history.map((h) => h.instrumentId)).toEqual(['barthel', 'nrs']);
    const nrs = history[1];
    expect(nrs.results.map((r) => r.id)).toEqual(['a-1', 'a-2']);
    expect(nrs.latest.id).toBe('a-2');
    expect(nrs.previous?.id).toBe('a-1');
    // Less pain is better.
    expect(nrs.comparison).toEqual({ instrumentId: 'nrs', change: -4, trend: 'better' });
    expect(history[0].comparison).toBeUndefined();
  });

  it('when a result was stored under an alias, then it joins the canonical instrument', () => {
    const legacy = storedAssessment(NRS, { intensity: '2' }, { id: 'a-1', instrumentId: 'nrs-pain', takenAt: '2025-11-01T09:00:00.000Z' });
    const current = storedAssessment(NRS, { intensity: '5' }, { id: 'a-2', takenAt: '2025-11-12T09:00:00.000Z' });
    const [nrs] = historyByInstrument([legacy, current]);
    expect(nrs.instrumentId).toBe('nrs');
    expect(nrs.comparison?.trend).toBe('worse');
  });

  it('when a result was corrected, then the corrected original is left out', () => {
    const wrong = storedAssessment(NRS, { intensity: '9' }, { id: 'a-1', takenAt: '2025-11-12T09:00:00.000Z' });
    const fix = storedAssessment(NRS, { intensity: '2' }, { id: 'a-2', supersedes: 'a-1', takenAt: '2025-11-12T09:05:00.000Z' });
    const [nrs] = historyByInstrument([wrong, fix]);
    expect(nrs.results.map((r) => r.id)).toEqual(['a-2']);
    expect(nrs.previous).toBeUndefined();
  });

  it('when two Lawton results used different forms, then they are not comparable', () => {
    const full = storedAssessment(LAWTON_IADL, fullAnswers(LAWTON_IADL, { form: 'full' }), { id: 'a-1', takenAt: '2025-11-01T09:00:00.000Z' });
    const men = storedAssessment(LAWTON_IADL, fullAnswers(LAWTON_IADL, { form: 'men' }), { id: 'a-2', takenAt: '2025-11-12T09:00:00.000Z' });
    expect(historyByInstrument([full, men])[0].comparison?.trend).toBe('not-comparable');
  });

  it('when an instrument is unknown to this version, then it is listed last without a comparison', () => {
    const odd = { ...storedAssessment(NRS, { intensity: '1' }), id: 'a-9', instrumentId: 'future-scale' };
    const again = { ...odd, id: 'a-10', takenAt: '2025-11-13T09:00:00.000Z' };
    const [, unknown] = historyByInstrument([odd, again, storedAssessment(NRS, { intensity: '1' })]);
    expect(unknown).toMatchObject({ instrumentId: 'future-scale', definition: undefined, comparison: undefined });
  });

  it('when a change is shown, then it carries its sign', () => {
    expect(signedChange(5)).toBe('+5');
    expect(signedChange(-3)).toBe('−3');
    expect(signedChange(0)).toBe('0');
  });

  it('when a result was taken late in the evening UTC, then its date is the Italian calendar date', () => {
    expect(resultDate({ takenAt: '2025-11-12T23:30:00.000Z' })).toBe('2025-11-13');
  });

  it('when a stored band code is looked up, then its label under the stored convention is found, grades too', () => {
    expect(bandLabel(NRS, 'nrs-0-3-6-10', 'moderate')?.it).toBe('Dolore moderato');
    expect(bandLabel(KATZ_ADL, KATZ_ADL.defaultConvention, 'A')).toBeDefined();
    expect(bandLabel(NRS, 'nrs-0-3-6-10', '')).toBeUndefined();
    expect(bandLabel(undefined, 'x', 'y')).toBeUndefined();
  });
});
