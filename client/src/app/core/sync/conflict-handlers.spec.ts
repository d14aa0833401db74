import { visit } from '../../../testing/test-helpers';
import { conflictHandlerFor, conflictLogEntry, resolveConcurrentEdit, sameDocument } from './conflict-handlers';

type Doc = Parameters<typeof sameDocument>[0];

/** The visit both tablets synced before going offline. */
const base = { ...visit({ id: 'v-1', note: '', status: 'planned', updatedAt: '2025-11-22T08:00:00.000Z', updatedBy: 'u-coord' }), _deleted: false } as Doc;

describe('conflict handlers', () => {
  it('when a collection is mutable, then it gets the merging handler; append-only ones keep RxDB’s default', () => {
    for (const c of ['patients', 'careplans', 'rounds', 'visits', 'devices', 'referrals'] as const) {
      expect(conflictHandlerFor(c), c).toBeDefined();
    }
    for (const c of ['assessments', 'observations', 'reviews'] as const) expect(conflictHandlerFor(c), c).toBeUndefined();
  });

  it('when two devices edited different fields offline, then the merged visit keeps both edits and is sent by this device', async () => {
    // Tablet A (this device) wrote the note; tablet B, already synced, closed the visit.
    const local = { ...base, note: 'Medicazione eseguita', updatedAt: '2025-11-22T09:00:00.000Z', updatedBy: 'u-anna' };
    const remote = { ...base, status: 'done', endedAt: '2025-11-22T09:20:00.000Z', updatedAt: '2025-11-22T09:20:00.000Z', updatedBy: 'u-anna' };
    const handler = conflictHandlerFor('visits')!;
    const merged = (await handler.resolve({ assumedMasterState: base, newDocumentState: local, realMasterState: remote }, 'test')) as Doc;
    expect(merged).toMatchObject({ note: 'Medicazione eseguita', status: 'done', endedAt: '2025-11-22T09:20:00.000Z', _deleted: false });
    expect(merged['updatedAt']).toBe('2025-11-22T09:20:00.000Z');
    expect(merged['updatedBy']).toBe('u-anna');
    expect(handler.isEqual(merged, remote, 'test')).toBe(false);
  });

  it('when both devices changed the same field, then the later edit wins and the earlier one is kept for the conflict log', () => {
    const local = { ...base, note: 'scritta alle 9', tasks: ['Parametri vitali', 'ECG'], updatedAt: '2025-11-22T09:00:00.000Z', updatedBy: 'u-anna' };
    const remote = { ...base, note: 'scritta alle 10', updatedAt: '2025-11-22T10:00:00.000Z', updatedBy: 'u-bruno' };
    const input = { assumedMasterState: base, newDocumentState: local, realMasterState: remote };
    const { document, contested, overridden } = resolveConcurrentEdit(input);
    expect(document).toMatchObject({ note: 'scritta alle 10', tasks: ['Parametri vitali', 'ECG'], updatedBy: 'u-anna' });
    expect(contested).toEqual(['note']);
    expect(overridden).toBe(local);

    const entry = conflictLogEntry('visits', input, { ...document, _meta: { lwt: 1 }, _rev: '2-x' } as Doc, new Date('2025-11-22T10:05:00.000Z'));
    expect(entry).toEqual({
      collection: 'visits',
      docId: 'v-1',
      patientId: 'p-mario',
      contested: ['note'],
      overridden: expect.objectContaining({ note: 'scritta alle 9', updatedBy: 'u-anna' }),
      merged: expect.objectContaining({ note: 'scritta alle 10', tasks: ['Parametri vitali', 'ECG'] }),
      detectedAt: '2025-11-22T10:05:00.000Z',
    });
    expect(entry!.merged).not.toHaveProperty('_rev');
    expect(entry!.overridden).not.toHaveProperty('_deleted');
  });

  it('when the local edit is the later one on a contested field, then the server’s value is the one logged as overridden', () => {
    const local = { ...base, note: 'dopo', updatedAt: '2025-11-22T11:00:00.000Z', updatedBy: 'u-anna' };
    const remote = { ...base, note: 'prima', updatedAt: '2025-11-22T10:00:00.000Z', updatedBy: 'u-bruno' };
    const { document, overridden } = resolveConcurrentEdit({ assumedMasterState: base, newDocumentState: local, realMasterState: remote });
    expect(document['note']).toBe('dopo');
    expect(overridden).toBe(remote);
  });

  it('when the local edit brings nothing the server lacks, then the server’s exact state is kept and nothing is sent', () => {
    const local = { ...base, note: 'uguale', updatedAt: '2025-11-22T09:00:00.000Z', updatedBy: 'u-anna' };
    const remote = { ...base, note: 'uguale', status: 'done', updatedAt: '2025-11-22T09:30:00.000Z', updatedBy: 'u-anna' };
    const { document, overridden } = resolveConcurrentEdit({ assumedMasterState: base, newDocumentState: local, realMasterState: remote });
    expect(document).toBe(remote);
    expect(overridden).toBeNull();
    expect(conflictLogEntry('visits', { assumedMasterState: base, newDocumentState: local, realMasterState: remote }, remote, new Date())).toBeNull();
  });

  it('when the common base is unknown, then every differing field goes to the later edit and the other side is kept for the log', () => {
    const local = { ...base, note: 'nota', updatedAt: '2025-11-22T09:00:00.000Z', updatedBy: 'u-anna' };
    const remote = { ...base, status: 'missed', missedReason: 'assente', updatedAt: '2025-11-22T08:30:00.000Z', updatedBy: 'u-bruno' };
    const { document, contested, overridden } = resolveConcurrentEdit({ newDocumentState: local, realMasterState: remote });
    expect(document).toMatchObject({ note: 'nota', status: 'planned' });
    expect(contested).toEqual(['missedReason', 'note', 'status']);
    expect(overridden).toBe(remote);
  });

  it('when the server deleted a document this device edited, then the edit wins', () => {
    const local = { ...base, note: 'nota', updatedAt: '2025-11-22T09:00:00.000Z', updatedBy: 'u-anna' };
    const remote = { id: 'v-1', _deleted: true } as Doc;
    const { document } = resolveConcurrentEdit({ assumedMasterState: base, newDocumentState: local, realMasterState: remote });
    expect(document).toMatchObject({ note: 'nota', _deleted: false, updatedBy: 'u-anna' });
  });

  it('when comparing states, then key order does not matter and the deletion flag does', () => {
    const a = { id: 'x', b: 1, a: [1, 2], _deleted: false } as Doc;
    expect(sameDocument(a, { a: [1, 2], id: 'x', b: 1, _deleted: false } as Doc)).toBe(true);
    expect(sameDocument(a, { ...a, _deleted: true })).toBe(false);
  });
});
