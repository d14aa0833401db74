import { describe, expect, it } from 'vitest';
import type { SessionUser } from '@prossima/domain';
import { sampleDoc } from '../testing/matrix-fixtures';
import { DocumentValidator } from './document-validator';
import { decideWrite, type CouchDoc, type WriteCheckInput } from './write-check';

const validator = new DocumentValidator();
const rossi: SessionUser = { id: 'u-ifec-rossi', username: 'ifec.rossi', displayName: 'Giulia Rossi', role: 'nurse', districtId: 'distretto-a' };
const neri: SessionUser = { id: 'u-cot-neri', username: 'cot.neri', displayName: 'Luca Neri', role: 'coordinator', districtId: 'distretto-a' };
const context = { careTeamPatientIds: ['pat-a-001', 'pat-a-002'] };

function decide(input: Partial<WriteCheckInput> & Pick<WriteCheckInput, 'collection' | 'doc'>) {
  return decideWrite({ user: rossi, existing: null, context, validator, ...input });
}

/** A stored revision of `doc`. */
const stored = (doc: CouchDoc, rev = '1-aaa'): CouchDoc => ({ ...doc, _rev: rev });

describe('write rules', () => {
  describe('append-only collections', () => {
    const observation = sampleDoc('observations', { _id: 'obs-1', patientId: 'pat-a-001', updatedBy: 'u-ifec-rossi' });

    it('when a nurse writes a new observation of her patient, then it is stored', () => {
      expect(decide({ collection: 'observations', doc: observation })).toEqual({ verdict: 'store' });
    });

    it('when a stored observation is changed, then it is refused naming the rule and the way out', () => {
      const decision = decide({ collection: 'observations', doc: { ...stored(observation), value: 99 }, existing: stored(observation) });
      expect(decision).toEqual({
        verdict: 'refuse',
        error: 'forbidden',
        reason: 'observations are append-only: obs-1 cannot be changed or deleted; write a new document with supersedes',
      });
    });

    it('when the identical stored revision is sent again (a retried push), then it is not an error and nothing is written', () => {
      expect(decide({ collection: 'observations', doc: stored(observation), existing: stored(observation) })).toEqual({ verdict: 'unchanged', rev: '1-aaa' });
      // Without the revision (a retry that never heard the first answer), and as PouchDB sends it with its history.
      expect(decide({ collection: 'observations', doc: observation, existing: stored(observation) })).toMatchObject({ verdict: 'unchanged' });
      const pushed = { ...stored(observation), _revisions: { start: 1, ids: ['aaa'] } };
      expect(decide({ collection: 'observations', doc: pushed, existing: stored(observation) })).toMatchObject({ verdict: 'unchanged' });
    });

    it('when a stored assessment or review is deleted, then it is refused as append-only', () => {
      const assessment = sampleDoc('assessments', { _id: 'asm-1', patientId: 'pat-a-001', updatedBy: 'u-ifec-rossi' });
      const tombstone = { _id: 'asm-1', _rev: '1-aaa', _deleted: true };
      expect(decide({ collection: 'assessments', doc: tombstone, existing: stored(assessment) })).toMatchObject({ verdict: 'refuse', reason: expect.stringMatching(/^assessments are append-only/) });
      const verdi: SessionUser = { ...rossi, id: 'u-dist-verdi', role: 'district-nurse' };
      const review = sampleDoc('reviews', { _id: 'rvw-1', patientId: 'pat-a-003', updatedBy: 'u-dist-verdi' });
      const decision = decideWrite({ user: verdi, collection: 'reviews', doc: { ...stored(review), _deleted: true }, existing: stored(review), context, validator });
      expect(decision).toMatchObject({ verdict: 'refuse', reason: expect.stringMatching(/^reviews are append-only: rvw-1/) });
    });

    it('when a correction supersedes an observation, then it is a new document and is stored', () => {
      const correction = { ...observation, _id: 'obs-2', value: 37.2, supersedes: 'obs-1' };
      expect(decide({ collection: 'observations', doc: correction })).toEqual({ verdict: 'store' });
    });
  });

  describe('visits', () => {
    const visit = sampleDoc('visits', { _id: 'v-1', patientId: 'pat-a-001', nurseId: 'u-ifec-rossi', updatedBy: 'u-ifec-rossi' });
    const closed = stored({ ...visit, status: 'done', startedAt: '2026-05-04T09:00:00.000Z', endedAt: '2026-05-04T09:40:00.000Z', note: 'Medicazione eseguita.' });

    it('when an open visit is closed, then the closing edit is stored', () => {
      const closing = { ...closed, _rev: '1-aaa' };
      expect(decide({ collection: 'visits', doc: closing, existing: stored(visit) })).toEqual({ verdict: 'store' });
    });

    it.each([
      ['done', { note: 'Aggiunta dopo la chiusura' }],
      ['done', { status: 'in-progress' }],
      ['missed', { missedReason: 'Paziente ricoverato' }],
    ])('when a %s visit with endedAt is edited, then it is refused as closed', (status, change) => {
      const existing = { ...closed, status };
      const decision = decide({ collection: 'visits', doc: { ...existing, ...change }, existing });
      expect(decision).toMatchObject({ verdict: 'refuse', error: 'forbidden', reason: `visit v-1 is closed (${status} at 2026-05-04T09:40:00.000Z): it can no longer be changed` });
    });

    it('when a closed visit is deleted, then it is refused; when it is re-sent unchanged, then it is not an error', () => {
      expect(decide({ collection: 'visits', doc: { _id: 'v-1', _rev: '2-bbb', _deleted: true }, existing: closed })).toMatchObject({ verdict: 'refuse' });
      expect(decide({ collection: 'visits', doc: { ...closed, _rev: '1-old' }, existing: closed })).toEqual({ verdict: 'unchanged', rev: '1-aaa' });
    });

    it('when a visit is marked done without endedAt, then it is still open to edits', () => {
      const done = stored({ ...visit, status: 'done' });
      expect(decide({ collection: 'visits', doc: { ...done, note: 'Completata', endedAt: '2026-05-04T09:40:00.000Z' }, existing: done })).toEqual({ verdict: 'store' });
    });
  });

  describe('mutable collections as before', () => {
    it('when the coordinator edits a patient twice, then both edits are stored (patients stay mutable)', () => {
      const patient = sampleDoc('patients', { _id: 'pat-a-009', updatedBy: 'u-cot-neri' });
      const existing = stored(patient);
      const edit = { ...existing, phone: '+39 049 111 2233' };
      expect(decideWrite({ user: neri, collection: 'patients', doc: edit, existing, context, validator })).toEqual({ verdict: 'store' });
      // An identical re-send of a mutable document goes to the store, which answers as CouchDB does.
      expect(decideWrite({ user: neri, collection: 'patients', doc: existing, existing, context, validator })).toEqual({ verdict: 'store' });
    });

    it("when a nurse updates her own kit device or a patient's device, then it is stored; another nurse's device is refused", () => {
      const kit = stored(sampleDoc('devices', { _id: 'dev-1', patientId: undefined, ownerId: 'u-ifec-rossi', updatedBy: 'u-ifec-rossi' }));
      expect(decide({ collection: 'devices', doc: { ...kit, batteryPercent: 40 }, existing: kit })).toEqual({ verdict: 'store' });
      const home = stored(sampleDoc('devices', { _id: 'dev-2', patientId: 'pat-a-002', updatedBy: 'u-ifec-rossi' }));
      expect(decide({ collection: 'devices', doc: { ...home, status: 'retired' }, existing: home })).toEqual({ verdict: 'store' });
      const theirs = stored(sampleDoc('devices', { _id: 'dev-3', patientId: undefined, ownerId: 'u-ifec-bianchi', updatedBy: 'u-ifec-bianchi' }));
      expect(decide({ collection: 'devices', doc: { ...theirs, updatedBy: 'u-ifec-rossi' }, existing: theirs })).toMatchObject({
        verdict: 'refuse',
        reason: 'devices document dev-3 is outside your rights',
      });
    });

    it('when the refusal is about a forged field, then the reason names the document and the field', () => {
      const forged = sampleDoc('visits', { _id: 'v-9', patientId: 'pat-a-001', nurseId: 'u-ifec-rossi', updatedBy: 'u-ifec-bianchi' });
      expect(decide({ collection: 'visits', doc: forged })).toMatchObject({
        reason: 'visits document v-9: updatedBy must be the signed-in user "u-ifec-rossi", not "u-ifec-bianchi"',
      });
    });
  });
});
