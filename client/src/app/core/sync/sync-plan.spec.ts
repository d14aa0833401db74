import { syncPlan, syncUrl } from './sync-plan';

describe('syncPlan', () => {
  it('when the user is a nurse, then patients are pulled only and visits pulled and pushed', () => {
    expect(syncPlan('nurse')).toEqual([
      { name: 'patients', push: false },
      { name: 'visits', push: true },
    ]);
  });

  it('when the user is a district nurse, then both collections are pulled and none pushed', () => {
    expect(syncPlan('district-nurse')).toEqual([
      { name: 'patients', push: false },
      { name: 'visits', push: false },
    ]);
  });

  it('when the user is a patient, then only the patients collection is replicated', () => {
    expect(syncPlan('patient')).toEqual([{ name: 'patients', push: false }]);
  });

  it('when the user is an administrator, then no clinical collection is replicated', () => {
    expect(syncPlan('admin')).toEqual([]);
  });

  it('when building a gateway URL, then it ends with a slash as RxDB requires', () => {
    expect(syncUrl('https://prossima.example', 'visits')).toBe('https://prossima.example/sync/visits/');
  });
});
