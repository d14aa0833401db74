import { MemoryStore } from '../storage';
import { AccessEpoch, PurgedIds, purgeSelection } from './access-purge';

describe('purgeSelection', () => {
  const allowed = new Set(['p-mario', 'p-lucia']);

  it('when a patient left the care team, then the patient document goes, by id', () => {
    const docs = [{ id: 'p-mario' }, { id: 'p-gone' }, { id: 'p-lucia' }];
    expect(purgeSelection('patients', docs, allowed)).toEqual(['p-gone']);
  });

  it('when other collections hold that patient’s documents, then they go by patientId', () => {
    const docs = [
      { id: 'v-1', patientId: 'p-mario' },
      { id: 'v-2', patientId: 'p-gone' },
      { id: 'v-3', patientId: 'p-gone' },
    ];
    expect(purgeSelection('visits', docs, allowed)).toEqual(['v-2', 'v-3']);
    expect(purgeSelection('observations', docs, allowed)).toEqual(['v-2', 'v-3']);
  });

  it('when a document has no patient (a nurse’s own kit device) or the collection none (rounds), then it stays', () => {
    expect(purgeSelection('devices', [{ id: 'd-1', ownerId: 'u-anna' }], allowed)).toEqual([]);
    expect(purgeSelection('rounds', [{ id: 'r-1', nurseId: 'u-anna', stops: [{ patientId: 'p-gone' }] }], allowed)).toEqual([]);
  });

  it('when a document of a removed patient still has unsent changes, then it stays until they are sent', () => {
    const docs = [{ id: 'v-2', patientId: 'p-gone' }, { id: 'v-3', patientId: 'p-gone' }];
    expect(purgeSelection('visits', docs, allowed, new Set(['v-2']))).toEqual(['v-3']);
  });

  it('when the user has no patient left, then every patient document goes', () => {
    expect(purgeSelection('patients', [{ id: 'p-mario' }], new Set())).toEqual(['p-mario']);
  });
});

describe('PurgedIds', () => {
  it('when a purged deletion reaches the push, then it is skipped once and forgotten', () => {
    const store = new MemoryStore();
    const purged = new PurgedIds(store, 'prossima.purged.u-anna');
    purged.add('visits', ['v-2', 'v-3']);
    expect(new PurgedIds(store, 'prossima.purged.u-anna').take('visits', 'v-2')).toBe(true); // survives a reload
    expect(purged.take('visits', 'v-2')).toBe(false);
    expect(purged.take('observations', 'v-3')).toBe(false);
    expect(purged.take('visits', 'v-3')).toBe(true);
    expect(store.getItem('prossima.purged.u-anna')).toBeNull();
  });
});

describe('AccessEpoch', () => {
  let store: MemoryStore;
  let epoch: AccessEpoch;

  beforeEach(() => {
    store = new MemoryStore();
    epoch = new AccessEpoch(store, 'prossima.access.u-anna');
  });

  it('when the first answer comes, then the epoch stays 0 (the first pull starts from the beginning anyway)', () => {
    expect(epoch.update(['p-mario'])).toBe(false);
    expect(epoch.current()).toBe(0);
  });

  it('when a patient joins the care team, then the epoch grows so every collection pulls from the start', () => {
    epoch.update(['p-mario']);
    expect(epoch.update(['p-mario', 'p-lucia'])).toBe(true);
    expect(epoch.current()).toBe(1);
    expect(new AccessEpoch(store, 'prossima.access.u-anna').current()).toBe(1);
  });

  it('when patients only leave, then the epoch stays (the purge handles it)', () => {
    epoch.update(['p-mario', 'p-lucia']);
    expect(epoch.update(['p-mario'])).toBe(false);
    expect(epoch.current()).toBe(0);
  });
});
