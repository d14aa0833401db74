import { patient, visit } from '../../../testing/test-helpers';
import { buildRound, fullName, newestFirst, timeWindow } from './round';

describe('buildRound', () => {
  const mario = patient({ id: 'p-mario', givenName: 'Mario', familyName: 'Rossi' });
  const lucia = patient({ id: 'p-lucia', givenName: 'Lucia', familyName: 'Verdi' });

  it('when visits of several nurses and days are stored, then only this nurse’s visits of that date are in the round', () => {
    const round = buildRound(
      [
        visit({ id: 'v-1', nurseId: 'u-anna', date: '2025-11-22' }),
        visit({ id: 'v-2', nurseId: 'u-other', date: '2025-11-22' }),
        visit({ id: 'v-3', nurseId: 'u-anna', date: '2025-11-23' }),
      ],
      [mario],
      'u-anna',
      '2025-11-22',
    );
    expect(round.map((s) => s.visit.id)).toEqual(['v-1']);
  });

  it('when visits come in any order, then the round follows the planned order', () => {
    const round = buildRound(
      [
        visit({ id: 'v-c', order: 3 }),
        visit({ id: 'v-a', order: 1 }),
        visit({ id: 'v-b', order: 2 }),
      ],
      [mario],
      'u-anna',
      '2025-11-22',
    );
    expect(round.map((s) => s.visit.id)).toEqual(['v-a', 'v-b', 'v-c']);
  });

  it('when two visits share an order number, then the earlier time window comes first', () => {
    const round = buildRound(
      [visit({ id: 'v-late', order: 1, windowStart: '11:00' }), visit({ id: 'v-early', order: 1, windowStart: '08:30' })],
      [],
      'u-anna',
      '2025-11-22',
    );
    expect(round.map((s) => s.visit.id)).toEqual(['v-early', 'v-late']);
  });

  it('when the patient is on the device, then the stop carries the patient; otherwise null', () => {
    const round = buildRound(
      [visit({ id: 'v-1', patientId: 'p-lucia', order: 1 }), visit({ id: 'v-2', patientId: 'p-missing', order: 2 })],
      [mario, lucia],
      'u-anna',
      '2025-11-22',
    );
    expect(round[0].patient?.familyName).toBe('Verdi');
    expect(round[1].patient).toBeNull();
  });
});

describe('round formatting', () => {
  it('when naming a patient, then it is "given family"', () => {
    expect(fullName(patient({ givenName: 'Maria Grazia', familyName: 'De Luca' }))).toBe('Maria Grazia De Luca');
  });

  it('when showing a time window, then the times are joined by an en dash', () => {
    expect(timeWindow(visit({ windowStart: '09:00', windowEnd: '10:00' }))).toBe('09:00–10:00');
  });

  it('when listing a patient’s visits, then the newest date comes first', () => {
    const list = newestFirst([
      visit({ id: 'old', date: '2025-11-01' }),
      visit({ id: 'new', date: '2025-11-22' }),
      visit({ id: 'mid', date: '2025-11-10' }),
    ]);
    expect(list.map((v) => v.id)).toEqual(['new', 'mid', 'old']);
  });
});
