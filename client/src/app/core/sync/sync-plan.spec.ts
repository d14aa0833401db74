import { COLLECTIONS } from '@prossima/domain';
import { syncPlan, syncUrl } from './sync-plan';

describe('syncPlan', () => {
  it('when the user is a nurse, then she pulls all nine collections and pushes only what she writes', () => {
    const plan = syncPlan('nurse');
    expect(plan.map((c) => c.name)).toEqual([...COLLECTIONS]);
    expect(plan.filter((c) => c.push).map((c) => c.name)).toEqual(['visits', 'assessments', 'observations', 'devices']);
  });

  it('when the user is a district nurse, then she pulls everything and pushes care plans and reviews', () => {
    const plan = syncPlan('district-nurse');
    expect(plan).toHaveLength(9);
    expect(plan.filter((c) => c.push).map((c) => c.name)).toEqual(['careplans', 'reviews']);
  });

  it('when the user is a coordinator, then patients, care plans, rounds and referrals are pushed', () => {
    expect(syncPlan('coordinator').filter((c) => c.push).map((c) => c.name)).toEqual(['patients', 'careplans', 'rounds', 'referrals']);
  });

  it('when the user is a patient, then only their own record, care plan, measurements and devices are replicated', () => {
    expect(syncPlan('patient')).toEqual([
      { name: 'patients', push: false },
      { name: 'careplans', push: false },
      { name: 'observations', push: true },
      { name: 'devices', push: true },
    ]);
  });

  it('when the user is an administrator, then no clinical collection is replicated', () => {
    expect(syncPlan('admin')).toEqual([]);
  });

  it('when building a gateway URL, then it ends with a slash', () => {
    expect(syncUrl('https://prossima.example', 'visits')).toBe('https://prossima.example/sync/visits/');
  });
});
