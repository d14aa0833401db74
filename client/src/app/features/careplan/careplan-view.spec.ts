import type { CareplanDoc, VisitDoc } from '@prossima/domain';
import { visit } from '../../../testing/test-helpers';
import { activeCareplan, dueOnDate, isReviewOverdue, nurseProposals, otherCareplans } from './careplan-view';
import { careplan, intervention } from './careplan-testing';

describe('activeCareplan / otherCareplans', () => {
  const draft = careplan({ id: 'cp-1', status: 'draft', reviewDate: '2026-06-01' });
  const active = careplan({ id: 'cp-2', status: 'active', reviewDate: '2026-03-01' });
  const closed = careplan({ id: 'cp-3', status: 'closed', closureReason: 'Fine', reviewDate: '2025-01-01' });

  it('when the patient has a draft, an active and a closed plan, then the active one is chosen and the others listed newest review first', () => {
    expect(activeCareplan([closed, draft, active])?.id).toBe('cp-2');
    expect(otherCareplans([closed, active, draft], 'cp-2').map((p) => p.id)).toEqual(['cp-1', 'cp-3']);
  });

  it('when no plan is active, then there is none', () => {
    expect(activeCareplan([draft, closed])).toBeNull();
  });
});

describe('isReviewOverdue', () => {
  it('when the review date is before today on an open plan, then it is overdue', () => {
    expect(isReviewOverdue({ status: 'active', reviewDate: '2025-11-21' }, '2025-11-22')).toBe(true);
    expect(isReviewOverdue({ status: 'active', reviewDate: '2025-11-22' }, '2025-11-22')).toBe(false);
  });

  it('when the plan is closed, then its review is never overdue', () => {
    expect(isReviewOverdue({ status: 'closed', reviewDate: '2020-01-01' }, '2025-11-22')).toBe(false);
  });
});

describe('dueOnDate', () => {
  const plan: CareplanDoc = careplan({
    status: 'active',
    interventions: [
      intervention({ id: 'i-daily', frequency: { kind: 'daily' } }),
      // 2025-11-22 is a Saturday.
      intervention({ id: 'i-mwf', frequency: { kind: 'weekdays', weekdays: [1, 3, 5] } }),
      intervention({ id: 'i-sat', frequency: { kind: 'weekdays', weekdays: [6] } }),
      intervention({ id: 'i-14', frequency: { kind: 'weekly', timesPerWeek: 14 } }),
    ],
  });

  it('when asked for a Saturday, then the daily, the Saturday and the twice-a-day ones are due, with their times', () => {
    const due = dueOnDate(plan, '2025-11-22');
    expect([...due.entries()]).toEqual([
      ['i-daily', 1],
      ['i-sat', 1],
      ['i-14', 2],
    ]);
  });

  it('when the plan is a draft, then nothing is due', () => {
    expect(dueOnDate({ ...plan, status: 'draft' }, '2025-11-22').size).toBe(0);
  });

  it('when a stored intervention has a broken start date, then nothing is flagged instead of failing', () => {
    const broken = { ...plan, interventions: [intervention({ id: 'i-bad', startDate: '2025-02-30' })] };
    expect(dueOnDate(broken, '2025-11-22').size).toBe(0);
  });
});

describe('nurseProposals', () => {
  it('when some visits carry a proposal, then only those are listed, newest first', () => {
    const visits: VisitDoc[] = [
      visit({ id: 'v-1', date: '2025-11-20', paiProposal: 'Aumentare le medicazioni' }),
      visit({ id: 'v-2', date: '2025-11-22', paiProposal: 'Ridurre i controlli' }),
      visit({ id: 'v-3', date: '2025-11-23' }),
      visit({ id: 'v-4', date: '2025-11-24', paiProposal: '   ' }),
    ];
    expect(nurseProposals(visits).map((v) => v.id)).toEqual(['v-2', 'v-1']);
  });
});
