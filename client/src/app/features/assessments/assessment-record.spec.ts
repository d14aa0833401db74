import {
  BARTHEL_SHAH,
  BRADEN,
  DOCUMENT_ID_PATTERN,
  documentRuleProblem,
  INSTRUMENTS,
  LAWTON_IADL,
  NRS,
  scoreInstrument,
  TINETTI,
} from '@prossima/domain';
import {
  applicableItems,
  buildAssessment,
  cleanAnswers,
  newAssessmentId,
  offeredInstrument,
  offeredInstruments,
  scoreDetails,
  scoreOfRecord,
} from './assessment-record';
import { fullAnswers } from './assessment-test-data';

describe('assessment-record', () => {
  describe('offeredInstruments', () => {
    it('when no administrator enabled anything, then licensed instruments are not offered', () => {
      const offered = offeredInstruments();
      expect(offered.some((d) => d.licensed)).toBe(false);
      expect(offered.map((d) => d.id)).toContain('barthel');
      expect(offeredInstrument('braden')).toBeUndefined();
    });

    it('when an administrator enabled a licensed instrument, then it is offered', () => {
      expect(offeredInstruments(['braden'])).toContain(BRADEN);
      expect(offeredInstrument('braden', ['braden'])).toBe(BRADEN);
    });

    it('when an alias is asked for, then the canonical instrument is offered', () => {
      expect(offeredInstrument('nrs-pain')).toBe(NRS);
      expect(offeredInstrument('no-such-scale')).toBeUndefined();
    });
  });

  describe('applicableItems and cleanAnswers', () => {
    it('when the patient cannot walk, then the wheelchair item of Barthel-Shah is shown; when she walks, it is not', () => {
      const ids = (answers: Record<string, string>) => applicableItems(BARTHEL_SHAH, answers).map((i) => i.id);
      expect(ids({ ambulation: '0' })).toContain('wheelchair');
      expect(ids({ ambulation: '15' })).not.toContain('wheelchair');
      expect(ids({})).not.toContain('wheelchair');
    });

    it('when an answer makes an item stop applying, then its answer is dropped', () => {
      const answers = cleanAnswers(BARTHEL_SHAH, { ambulation: '15', wheelchair: '5' });
      expect(answers).toEqual({ ambulation: '15' });
    });

    it('when a draft holds unknown items or values, then only what the instrument knows is kept', () => {
      expect(cleanAnswers(NRS, { intensity: 4, ghost: '1' })).toEqual({ intensity: '4' });
      expect(cleanAnswers(NRS, { intensity: '42' })).toEqual({});
      expect(cleanAnswers(NRS, { intensity: null })).toEqual({});
    });
  });

  describe('newAssessmentId', () => {
    it('when made, then it is lower case, starts with asm-<patient> and fits the id pattern', () => {
      const id = newAssessmentId('p-mario', new Date('2025-11-22T09:30:00.000Z'), 'AbC9');
      expect(id).toMatch(/^asm-p-mario-[a-z0-9]+$/);
      expect(id).toMatch(new RegExp(DOCUMENT_ID_PATTERN));
    });

    it('when the patient id is very long, then the id is cut to 100 characters and keeps its unique tail', () => {
      const id = newAssessmentId('p'.repeat(100), new Date('2025-11-22T09:30:00.000Z'), 'xyz');
      expect(id.length).toBeLessThanOrEqual(100);
      expect(id.endsWith('xyz')).toBe(true);
      expect(id).toMatch(new RegExp(DOCUMENT_ID_PATTERN));
    });
  });

  describe('buildAssessment', () => {
    const now = new Date('2025-11-22T09:30:00.000Z');
    const patient = { id: 'p-mario', districtId: 'd-roma1' };

    it.each(INSTRUMENTS.map((d) => [d.id, d] as const))(
      'when %s is fully answered, then the document carries the engine score and passes the document rule',
      (_id, definition) => {
        const answers = fullAnswers(definition);
        const score = scoreInstrument(definition, answers);
        const doc = buildAssessment({ id: 'asm-p-mario-1', patient, definition, answers, score, userId: 'u-anna', now });
        expect(doc).toMatchObject({ total: score.total, band: score.band?.code ?? '', convention: score.convention, districtId: 'd-roma1' });
        expect(documentRuleProblem('assessments', { ...doc, _id: doc.id })).toBeNull();
      },
    );

    it('when a visit is given, then the result is linked to it; without one there is no visitId', () => {
      const answers = { intensity: '6' };
      const score = scoreInstrument(NRS, answers);
      const base = { id: 'asm-1', patient, definition: NRS, answers, score, userId: 'u-anna', now };
      expect(buildAssessment({ ...base, visitId: 'v-1' }).visitId).toBe('v-1');
      expect('visitId' in buildAssessment(base)).toBe(false);
      expect(buildAssessment(base)).toEqual({
        id: 'asm-1',
        districtId: 'd-roma1',
        patientId: 'p-mario',
        instrumentId: 'nrs',
        answers: [{ itemId: 'intensity', value: '6' }],
        total: 6,
        band: 'moderate',
        convention: 'nrs-0-3-6-10',
        takenAt: '2025-11-22T09:30:00.000Z',
        updatedAt: '2025-11-22T09:30:00.000Z',
        updatedBy: 'u-anna',
      });
    });
  });

  describe('scoreDetails and scoreOfRecord', () => {
    it('when a score has sub-scores and rule values, then they round-trip through the stored details', () => {
      const score = scoreInstrument(TINETTI, fullAnswers(TINETTI));
      const details = scoreDetails(score);
      expect(details.some((d) => d.key.startsWith('subscore:'))).toBe(true);
      expect(scoreOfRecord({ instrumentId: 'tinetti', total: score.total, details })).toEqual({
        instrumentId: 'tinetti',
        total: score.total,
        subscores: score.subscores,
      });
    });

    it('when Lawton is scored, then its form is kept for comparisons', () => {
      const score = scoreInstrument(LAWTON_IADL, fullAnswers(LAWTON_IADL, { form: 'full' }));
      expect(scoreOfRecord({ instrumentId: 'lawton-iadl', total: score.total, details: scoreDetails(score) }).extra).toEqual({ form: 'full' });
    });
  });
});
