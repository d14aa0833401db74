import { careplan, intervention } from './careplan-testing';
import { dueAtVisit, entriesFromResults, entryProblems, resultsFromEntries } from './visit-tasks-state';

describe('visit tasks state', () => {
  const plan = careplan({
    interventions: [intervention({ id: 'i-a', label: 'A' }), intervention({ id: 'i-b', label: 'B' })],
  });
  const due = dueAtVisit({ date: '2025-11-22' }, plan);

  it('when partly done with a reason and a blank note, then the result keeps the reason and drops the note', () => {
    expect(resultsFromEntries(due, { 'i-a': { outcome: 'partial', reason: ' Materiale finito ', note: '  ' } }, undefined)).toEqual([
      { interventionId: 'i-a', label: 'A', outcome: 'partial', reason: 'Materiale finito' },
    ]);
  });

  it('when switched back to done, then a reason typed before is not stored', () => {
    expect(resultsFromEntries(due, { 'i-a': { outcome: 'done', reason: 'x', note: '' } }, undefined)).toEqual([
      { interventionId: 'i-a', label: 'A', outcome: 'done' },
    ]);
  });

  it('when the visit has a result of an intervention no longer due, then it is kept after the due ones', () => {
    const previous = [{ interventionId: 'i-old', label: 'Vecchio', outcome: 'done' as const }];
    expect(resultsFromEntries(due, { 'i-b': { outcome: 'done', reason: '', note: '' } }, previous).map((r) => r.interventionId)).toEqual([
      'i-b',
      'i-old',
    ]);
  });

  it('when no outcome is chosen, then there is no problem; not done without a reason has one on the reason', () => {
    expect(entryProblems('i-a', { outcome: '', reason: '', note: '' })).toEqual([]);
    expect(entryProblems('i-a', { outcome: 'not-done', reason: ' ', note: '' }).map((p) => p.field)).toEqual(['reason']);
  });

  it('when the results are read back, then each becomes an entry', () => {
    expect(entriesFromResults([{ interventionId: 'i-a', label: 'A', outcome: 'done' }])).toEqual({ 'i-a': { outcome: 'done', reason: '', note: '' } });
  });

  it('when there is no plan or the date is broken, then nothing is due', () => {
    expect(dueAtVisit({ date: '2025-11-22' }, null)).toEqual([]);
    expect(dueAtVisit({ date: '2025-02-30' }, plan)).toEqual([]);
  });
});
