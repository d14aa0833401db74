import { contestedFields, displayValue, type ConflictLogEntry } from './conflict-entry';

const entry: ConflictLogEntry = {
  collection: 'visits',
  docId: 'v-2026-11-22-pat-a-001',
  patientId: 'pat-a-001',
  contested: ['note', 'tasks'],
  overridden: { note: 'Nota A', tasks: ['a'] },
  merged: { note: 'Nota B', tasks: ['a', 'b'] },
  detectedAt: '2026-11-22T09:00:00.000Z',
  userId: 'u-ifec-rossi',
  deviceId: 'tablet-2',
  recordedAt: '2026-11-22T09:00:01.000Z',
};

describe('conflict log entries', () => {
  it('when an entry has contested fields, then each shows the kept and the replaced value', () => {
    expect(contestedFields(entry)).toEqual([
      { field: 'note', kept: 'Nota B', replaced: 'Nota A' },
      { field: 'tasks', kept: '["a","b"]', replaced: '["a"]' },
    ]);
  });

  it('when a value is missing, then it shows as empty text', () => {
    expect(displayValue(undefined)).toBe('');
    expect(displayValue(null)).toBe('');
    expect(displayValue(3)).toBe('3');
  });
});
