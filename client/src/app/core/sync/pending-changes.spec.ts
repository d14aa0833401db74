import { TestBed } from '@angular/core/testing';
import { LOCAL_STORE, MemoryStore } from '../storage';
import { PendingChanges } from './pending-changes';

describe('PendingChanges', () => {
  let store: MemoryStore;
  let pending: PendingChanges;

  beforeEach(() => {
    store = new MemoryStore();
    TestBed.configureTestingModule({ providers: [{ provide: LOCAL_STORE, useValue: store }] });
    pending = TestBed.inject(PendingChanges);
    pending.bindUser('u-anna');
  });

  it('when a document is written locally, then one change is pending', () => {
    pending.record({ collection: 'visits', id: 'v-1', updatedAt: '2025-11-22T09:00:00.000Z' });
    expect(pending.count()).toBe(1);
  });

  it('when the same document is written twice, then it counts once with the newer time', () => {
    pending.record({ collection: 'visits', id: 'v-1', updatedAt: '2025-11-22T09:00:00.000Z' });
    pending.record({ collection: 'visits', id: 'v-1', updatedAt: '2025-11-22T09:05:00.000Z' });
    expect(pending.entries()).toEqual([{ collection: 'visits', id: 'v-1', updatedAt: '2025-11-22T09:05:00.000Z' }]);
  });

  it('when the replication sends the recorded state, then the change is no longer pending', () => {
    pending.record({ collection: 'visits', id: 'v-1', updatedAt: '2025-11-22T09:00:00.000Z' });
    pending.markSent('visits', 'v-1', '2025-11-22T09:00:00.000Z');
    expect(pending.count()).toBe(0);
  });

  it('when the replication sends an older state, then the newer local change stays pending', () => {
    pending.record({ collection: 'visits', id: 'v-1', updatedAt: '2025-11-22T09:05:00.000Z' });
    pending.markSent('visits', 'v-1', '2025-11-22T09:00:00.000Z');
    expect(pending.count()).toBe(1);
  });

  it('when another document or collection is sent, then the entry stays', () => {
    pending.record({ collection: 'visits', id: 'v-1', updatedAt: '2025-11-22T09:00:00.000Z' });
    pending.markSent('visits', 'v-2', '2025-11-22T10:00:00.000Z');
    pending.markSent('patients', 'v-1', '2025-11-22T10:00:00.000Z');
    expect(pending.count()).toBe(1);
  });

  it('when the app restarts, then the pending changes are read back from storage', () => {
    pending.record({ collection: 'visits', id: 'v-1', updatedAt: '2025-11-22T09:00:00.000Z' });
    pending.record({ collection: 'visits', id: 'v-2', updatedAt: '2025-11-22T09:01:00.000Z' });

    const restarted = TestBed.runInInjectionContext(() => new PendingChanges());
    restarted.bindUser('u-anna');
    expect(restarted.count()).toBe(2);
  });

  it('when the write fails and the record is undone, then the previous entry comes back', () => {
    pending.record({ collection: 'visits', id: 'v-1', updatedAt: '2025-11-22T09:00:00.000Z' });
    const undo = pending.record({ collection: 'visits', id: 'v-1', updatedAt: '2025-11-22T09:05:00.000Z' });
    undo();
    expect(pending.entries()).toEqual([{ collection: 'visits', id: 'v-1', updatedAt: '2025-11-22T09:00:00.000Z' }]);
  });

  it('when another user is bound, then only that user’s changes count', () => {
    pending.record({ collection: 'visits', id: 'v-1', updatedAt: '2025-11-22T09:00:00.000Z' });
    pending.bindUser('u-other');
    expect(pending.count()).toBe(0);
    pending.bindUser('u-anna');
    expect(pending.count()).toBe(1);
  });

  it('when the user’s list is cleared at sign-out, then nothing is pending or stored', () => {
    pending.record({ collection: 'visits', id: 'v-1', updatedAt: '2025-11-22T09:00:00.000Z' });
    pending.clearUser('u-anna');
    expect(pending.count()).toBe(0);
    expect(store.getItem('prossima.pending.u-anna')).toBeNull();
  });

  it('when the server version replaced the local edit, then forgetting it clears the entry', () => {
    pending.record({ collection: 'visits', id: 'v-1', updatedAt: '2025-11-22T09:00:00.000Z' });
    pending.forget('visits', 'v-1');
    expect(pending.count()).toBe(0);
  });
});
