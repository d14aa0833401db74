import { describe, expect, it } from 'vitest';
import { documentRuleProblem } from './document-rules';
import { answersToList, scoreInstrument } from './instruments/scoring';

const careplan = {
  _id: 'cp-1', districtId: 'distretto-a', patientId: 'pat-a-001', status: 'active',
  needs: [{ code: 'telemetry', label: 'Telemetria' }],
  goals: [{ id: 'g1', text: 'Parametri stabili' }],
  interventions: [{ id: 'i1', label: 'Parametri vitali', frequency: { kind: 'weekly', timesPerWeek: 2 }, responsibleRole: 'nurse', startDate: '2026-05-04' }],
  reviewDate: '2026-08-01', updatedAt: '2026-05-04T09:00:00.000Z', updatedBy: 'u-cot-neri',
};
const visit = {
  _id: 'v-1', districtId: 'distretto-a', patientId: 'pat-a-001', nurseId: 'u-ifec-rossi', date: '2026-05-05', order: 1,
  windowStart: '08:30', windowEnd: '09:30', status: 'in-progress', tasks: [], note: '',
  updatedAt: '2026-05-05T08:40:00.000Z', updatedBy: 'u-ifec-rossi',
};
const barthelAnswers = {
  feeding: '10', bathing: '5', grooming: '5', dressing: '10', bowels: '10', bladder: '10', toilet: '10', transfers: '15', mobility: '10', stairs: '5',
};
const assessment = (answers = barthelAnswers) => {
  const score = scoreInstrument('barthel', answers);
  return {
    _id: 'asm-1', districtId: 'distretto-a', patientId: 'pat-a-001', instrumentId: 'barthel', answers: answersToList('barthel', answers),
    total: score.total, band: score.band?.code ?? '', convention: score.convention,
    takenAt: '2026-05-05T09:00:00.000Z', updatedAt: '2026-05-05T09:00:00.000Z', updatedBy: 'u-ifec-rossi',
  };
};
const observation = (fields: Record<string, unknown>) => ({
  _id: 'obs-1', districtId: 'distretto-a', patientId: 'pat-a-001', effectiveAt: '2026-05-05T09:00:00.000Z', source: { kind: 'manual' },
  updatedAt: '2026-05-05T09:00:00.000Z', updatedBy: 'u-ifec-rossi', ...fields,
});

describe('document rules beyond the schema', () => {
  it('when documents keep every rule, then there is no problem', () => {
    expect(documentRuleProblem('careplans', careplan)).toBeNull();
    expect(documentRuleProblem('visits', visit)).toBeNull();
    expect(documentRuleProblem('assessments', assessment())).toBeNull();
    expect(documentRuleProblem('observations', observation({ code: '8310-5', value: 36.8, unit: 'Cel' }))).toBeNull();
    expect(documentRuleProblem('patients', { anything: true })).toBeNull();
  });

  describe('careplans', () => {
    const withIntervention = (change: Record<string, unknown>) => ({ ...careplan, interventions: [{ ...careplan.interventions[0], ...change }] });

    it('when a need is not a SIAD code, then it is named', () => {
      expect(documentRuleProblem('careplans', { ...careplan, needs: [{ code: 'telemonitoraggio', label: 'x' }] })).toMatch(/need "telemonitoraggio".*SIAD/);
    });
    it('when a frequency lacks its field or carries another kind’s, then the intervention and field are named', () => {
      expect(documentRuleProblem('careplans', withIntervention({ frequency: { kind: 'weekly' } }))).toMatch(/intervention "i1".*"weekly".*"timesPerWeek"/);
      expect(documentRuleProblem('careplans', withIntervention({ frequency: { kind: 'daily', everyDays: 2 } }))).toMatch(/"daily" frequency has no "everyDays"/);
    });
    it('when an intervention ends before it starts, or an id repeats, then it is refused', () => {
      expect(documentRuleProblem('careplans', withIntervention({ endDate: '2026-05-01' }))).toMatch(/endDate is before startDate/);
      expect(documentRuleProblem('careplans', { ...careplan, interventions: [careplan.interventions[0], careplan.interventions[0]] })).toMatch(/listed twice/);
      expect(documentRuleProblem('careplans', { ...careplan, goals: [careplan.goals[0], careplan.goals[0]] })).toMatch(/goal id "g1" is used twice/);
    });
    it('when a plan is closed without a reason, or active without interventions, then it is refused', () => {
      expect(documentRuleProblem('careplans', { ...careplan, status: 'closed' })).toMatch(/closureReason/);
      expect(documentRuleProblem('careplans', { ...careplan, status: 'closed', closureReason: 'Decesso' })).toBeNull();
      expect(documentRuleProblem('careplans', { ...careplan, interventions: [] })).toMatch(/at least one intervention/);
      expect(documentRuleProblem('careplans', { ...careplan, status: 'draft', interventions: [] })).toBeNull();
    });
  });

  describe('visits', () => {
    it('when a visit is missed without a reason, then it is refused', () => {
      expect(documentRuleProblem('visits', { ...visit, status: 'missed' })).toMatch(/missedReason/);
      expect(documentRuleProblem('visits', { ...visit, status: 'missed', missedReason: 'Paziente ricoverato' })).toBeNull();
    });
    it('when the end is before the start, then it is refused', () => {
      expect(documentRuleProblem('visits', { ...visit, startedAt: '2026-05-05T09:00:00.000Z', endedAt: '2026-05-05T08:00:00.000Z' })).toMatch(/endedAt is before startedAt/);
    });
    it('when a task was not done without a reason, or has two results, then the intervention is named', () => {
      const done = { interventionId: 'i1', label: 'Parametri vitali', outcome: 'done' };
      expect(documentRuleProblem('visits', { ...visit, taskResults: [done] })).toBeNull();
      expect(documentRuleProblem('visits', { ...visit, taskResults: [{ ...done, outcome: 'not-done' }] })).toMatch(/taskResults "i1"/);
      expect(documentRuleProblem('visits', { ...visit, taskResults: [{ ...done, outcome: 'partial', reason: 'Paziente stanco' }] })).toBeNull();
      expect(documentRuleProblem('visits', { ...visit, taskResults: [done, done] })).toMatch(/two results/);
    });
  });

  describe('assessments: the server scores the answers again', () => {
    it('when the total or band claimed differs from what the answers score, then it is refused', () => {
      expect(documentRuleProblem('assessments', { ...assessment(), total: 100 })).toMatch(/total 100 does not match the answers \(they score 90\)/);
      expect(documentRuleProblem('assessments', { ...assessment(), band: 'independent' })).toMatch(/band "independent" does not match/);
    });
    it('when an answer is not an option of its item, or the instrument is unknown, then it is named', () => {
      const doc = assessment();
      expect(documentRuleProblem('assessments', { ...doc, answers: [...doc.answers.slice(1), { itemId: 'feeding', value: '7' }] })).toMatch(/feeding/);
      expect(documentRuleProblem('assessments', { ...doc, instrumentId: 'mmse' })).toMatch(/mmse/);
    });
    it('when a required item is missing, then it is named', () => {
      const doc = assessment();
      expect(documentRuleProblem('assessments', { ...doc, answers: doc.answers.filter((a) => a.itemId !== 'stairs') })).toMatch(/stairs/);
    });
  });

  describe('observations: a known vital sign must be possible and in its unit', () => {
    it('when a temperature is impossible or in the wrong unit, then it is refused', () => {
      expect(documentRuleProblem('observations', observation({ code: '8310-5', value: 80, unit: 'Cel' }))).toMatch(/temperature/i);
      expect(documentRuleProblem('observations', observation({ code: '8310-5', value: 98.6, unit: '[degF]' }))).toMatch(/must be in "Cel"/);
      expect(documentRuleProblem('observations', observation({ code: '8310-5', unit: 'Cel' }))).toMatch(/needs a value/);
    });
    it('when a blood pressure panel lacks a component or has diastolic above systolic, then it is refused', () => {
      const panel = (sys: number, dia: number) => observation({ code: '85354-9', components: [{ code: '8480-6', value: sys, unit: 'mm[Hg]' }, { code: '8462-4', value: dia, unit: 'mm[Hg]' }] });
      expect(documentRuleProblem('observations', panel(128, 82))).toBeNull();
      expect(documentRuleProblem('observations', panel(80, 120))).not.toBeNull();
      expect(documentRuleProblem('observations', observation({ code: '85354-9', components: [{ code: '8480-6', value: 120, unit: 'mm[Hg]' }] }))).toMatch(/diastolic/);
    });
    it('when the code is not a vital sign of the table (e.g. an ECG waveform), then only the schema applies', () => {
      expect(documentRuleProblem('observations', observation({ code: '11524-6' }))).toBeNull();
    });
  });

  it('when a document is a deletion, then no rule applies', () => {
    expect(documentRuleProblem('visits', { _id: 'v-1', _deleted: true, status: 'missed' })).toBeNull();
  });
});
