import { describe, expect, it } from 'vitest';
import { jsonEqual, mergeConcurrentEdits } from './merge';

const base = { id: 'v1', note: '', status: 'planned', tasks: ['a'], updatedAt: '2026-11-22T08:00:00.000Z', updatedBy: 'u-coord' };

describe('mergeConcurrentEdits', () => {
  it('when the two sides changed different fields, then both changes are kept and nothing is contested', () => {
    const local = { ...base, note: 'Medicazione eseguita', updatedAt: '2026-11-22T09:00:00.000Z', updatedBy: 'u-rossi' };
    const remote = { ...base, status: 'in-progress', updatedAt: '2026-11-22T09:05:00.000Z', updatedBy: 'u-bianchi' };
    const { merged, contested, overridden } = mergeConcurrentEdits(base, local, remote);
    expect(merged).toMatchObject({ note: 'Medicazione eseguita', status: 'in-progress', updatedAt: '2026-11-22T09:05:00.000Z', updatedBy: 'u-bianchi' });
    expect(contested).toEqual([]);
    expect(overridden).toBeNull();
  });

  it('when both changed the same field, then the later edit wins and the earlier is returned for the conflict log', () => {
    const local = { ...base, note: 'prima', updatedAt: '2026-11-22T09:00:00.000Z', updatedBy: 'u-rossi' };
    const remote = { ...base, note: 'dopo', updatedAt: '2026-11-22T09:10:00.000Z', updatedBy: 'u-rossi' };
    const { merged, contested, overridden } = mergeConcurrentEdits(base, local, remote);
    expect(merged.note).toBe('dopo');
    expect(contested).toEqual(['note']);
    expect(overridden).toBe(local);
  });

  it('when the sides are swapped, then the result is the same (deterministic on both devices)', () => {
    const a = { ...base, note: 'A', tasks: ['a', 'b'], updatedAt: '2026-11-22T09:00:00.000Z', updatedBy: 'u-rossi' };
    const b = { ...base, note: 'B', status: 'done', updatedAt: '2026-11-22T09:00:00.000Z', updatedBy: 'u-bianchi' };
    expect(mergeConcurrentEdits(base, a, b).merged).toEqual(mergeConcurrentEdits(base, b, a).merged);
    expect(mergeConcurrentEdits(base, a, b).merged).toMatchObject({ note: 'A', tasks: ['a', 'b'], status: 'done', updatedBy: 'u-rossi' });
  });

  it('when a field was removed on one side only, then the removal is kept', () => {
    const withReason: typeof base & { missedReason?: string } = { ...base, missedReason: 'assente', updatedAt: '2026-11-22T08:30:00.000Z' };
    const local = { ...withReason, missedReason: undefined, note: 'trovato in casa', updatedAt: '2026-11-22T09:00:00.000Z' };
    const remote = { ...withReason, status: 'missed', updatedAt: '2026-11-22T09:01:00.000Z' };
    const { merged } = mergeConcurrentEdits(withReason, local, remote);
    expect('missedReason' in merged).toBe(false);
    expect(merged).toMatchObject({ note: 'trovato in casa', status: 'missed' });
  });

  it('when the base is unknown, then every differing field goes to the later edit', () => {
    const local = { ...base, note: 'x', updatedAt: '2026-11-22T10:00:00.000Z' };
    const remote = { ...base, status: 'done', updatedAt: '2026-11-22T09:00:00.000Z' };
    const { merged, contested } = mergeConcurrentEdits(null, local, remote);
    expect(merged).toMatchObject({ note: 'x', status: 'planned' });
    expect(contested).toEqual(['note', 'status']);
  });

  it('when comparing JSON, then key order does not matter and arrays do', () => {
    expect(jsonEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: undefined }, {})).toBe(true);
  });
});
