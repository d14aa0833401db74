import { visit } from '../../../testing/test-helpers';
import { visitNotePatch } from './visit-note';

describe('visitNotePatch', () => {
  const now = new Date('2025-11-22T09:15:00.000Z');

  it('when the visit was planned, then saving a note starts it now', () => {
    expect(visitNotePatch(visit({ status: 'planned' }), 'PA 130/80', 'u-anna', now)).toEqual({
      note: 'PA 130/80',
      status: 'in-progress',
      startedAt: '2025-11-22T09:15:00.000Z',
      updatedAt: '2025-11-22T09:15:00.000Z',
      updatedBy: 'u-anna',
    });
  });

  it('when the visit already started, then its status and start time are kept', () => {
    const patch = visitNotePatch(
      visit({ status: 'in-progress', startedAt: '2025-11-22T09:00:00.000Z' }),
      'Medicazione eseguita',
      'u-anna',
      now,
    );
    expect(patch).toEqual({
      note: 'Medicazione eseguita',
      updatedAt: '2025-11-22T09:15:00.000Z',
      updatedBy: 'u-anna',
    });
  });

  it('when the visit is done, then the note changes but the status stays done', () => {
    const patch = visitNotePatch(visit({ status: 'done', startedAt: '2025-11-22T08:00:00.000Z' }), 'x', 'u-anna', now);
    expect(patch.status).toBeUndefined();
  });
});
