import type { CareplanDoc } from '@prossima/domain';
import { visit } from '../../../testing/test-helpers';
import { closePatch, isOpen, missedPatch, progressPatch, startPatch, tasksWithoutOutcome } from './visit-lifecycle';

const NOW = new Date('2025-11-22T09:05:00.000Z');
const plan = {
  id: 'cp-1', districtId: 'd', patientId: 'p-mario', status: 'active', needs: [], goals: [], reviewDate: '2026-01-01',
  updatedAt: '2025-11-01T00:00:00.000Z', updatedBy: 'u',
  interventions: [
    { id: 'vitals', label: 'Parametri vitali', frequency: { kind: 'daily' }, responsibleRole: 'nurse', startDate: '2025-11-01' },
    { id: 'dressing', label: 'Medicazione', frequency: { kind: 'daily' }, responsibleRole: 'nurse', startDate: '2025-11-01' },
    { id: 'later', label: 'Prelievo', frequency: { kind: 'daily' }, responsibleRole: 'nurse', startDate: '2025-12-01' },
  ],
} as CareplanDoc;

describe('visit lifecycle', () => {
  it('when a planned visit starts, then it is in progress from now; a start already recorded is kept', () => {
    expect(startPatch(visit({ status: 'planned' }), 'u-anna', NOW)).toEqual({
      status: 'in-progress', startedAt: NOW.toISOString(), updatedAt: NOW.toISOString(), updatedBy: 'u-anna',
    });
    expect(startPatch(visit({ startedAt: '2025-11-22T08:00:00.000Z' }), 'u-anna', NOW).startedAt).toBeUndefined();
  });

  it('when a visit is missed, then it needs a reason and ends now', () => {
    expect(() => missedPatch('   ', 'u-anna', NOW)).toThrow(/reason/);
    expect(missedPatch(' Paziente ricoverato ', 'u-anna', NOW)).toMatchObject({ status: 'missed', missedReason: 'Paziente ricoverato', endedAt: NOW.toISOString() });
  });

  it('when progress is saved, then note, results and proposal are kept and the visit is under way', () => {
    const results = [{ interventionId: 'vitals', label: 'Parametri vitali', outcome: 'done' as const }];
    const patch = progressPatch(visit({ status: 'planned' }), { note: 'Ok', taskResults: results, paiProposal: ' Ridurre a 2/sett ' }, 'u-anna', NOW);
    expect(patch).toMatchObject({ note: 'Ok', taskResults: results, paiProposal: 'Ridurre a 2/sett', status: 'in-progress', startedAt: NOW.toISOString() });
    expect(progressPatch(visit({ status: 'in-progress' }), { note: '', taskResults: [], paiProposal: '' }, 'u-anna', NOW)).not.toHaveProperty('paiProposal');
  });

  it('when some due tasks have no outcome, then they are named; interventions not yet started are not due', () => {
    const v = visit({ date: '2025-11-22' });
    expect(tasksWithoutOutcome(v, plan, [{ interventionId: 'vitals', label: 'Parametri vitali', outcome: 'done' }])).toEqual(['Medicazione']);
    expect(tasksWithoutOutcome(v, null, [])).toEqual([]);
  });

  it('when the visit closes, then it is done and ended now, and no longer open', () => {
    const patch = closePatch(visit({ status: 'in-progress', startedAt: '2025-11-22T08:30:00.000Z' }), 'u-anna', NOW);
    expect(patch).toMatchObject({ status: 'done', endedAt: NOW.toISOString() });
    expect(patch.startedAt).toBeUndefined();
    expect(isOpen({ status: 'done' })).toBe(false);
    expect(isOpen({ status: 'in-progress' })).toBe(true);
  });
});
