import { documentRuleProblem } from '@prossima/domain';
import { patient } from '../../../testing/test-helpers';
import { checkManual, manualKindsOf, manualObservations } from './manual-entry';

describe('manual entry', () => {
  describe('checkManual', () => {
    it('when both pressures are typed with an Italian decimal comma elsewhere, then the values are read', () => {
      expect(checkManual('pressione', { systolic: '128', diastolic: ' 82 ' })).toEqual({
        values: { systolic: 128, diastolic: 82 },
        problems: [],
        unusual: [],
      });
      expect(checkManual('temperatura', { 'body-temperature': '36,8' }).values).toEqual({ 'body-temperature': 36.8 });
    });

    it('when a required value is missing, then it is a problem; an optional one left empty is not', () => {
      expect(checkManual('pressione', { systolic: '128' }).problems).toEqual([{ kind: 'diastolic', code: 'missing' }]);
    });

    it('when a value is not a number, then it is unreadable', () => {
      expect(checkManual('peso', { 'body-weight': '72 kg' }).problems).toEqual([{ kind: 'body-weight', code: 'unreadable' }]);
    });

    it('when a temperature cannot be real, then the domain refuses it with its sentence', () => {
      const [problem] = checkManual('temperatura', { 'body-temperature': '48' }).problems;
      expect(problem).toEqual({
        kind: 'body-temperature',
        code: 'refused',
        message: expect.objectContaining({ it: 'Temperatura corporea: 48 °C è sopra il massimo possibile di 45 °C.' }),
      });
    });

    it('when the minimum pressure is not below the maximum, then the minimum is refused', () => {
      const check = checkManual('pressione', { systolic: '80', diastolic: '120' });
      expect(check.problems.map((p) => [p.kind, p.code])).toEqual([['diastolic', 'refused']]);
    });

    it('when a possible value is outside the expected range, then it is unusual (asked again), not refused', () => {
      expect(checkManual('ossigeno', { spo2: '90', 'heart-rate': '72' })).toEqual({ values: { spo2: 90, 'heart-rate': 72 }, problems: [], unusual: ['spo2'] });
    });

    it('when FEV1 is typed larger than FVC, then FEV1 is refused (the two were swapped)', () => {
      const check = checkManual('spirometria', { fev1: '3,2', fvc: '2,6' });
      expect(check.problems).toEqual([{ kind: 'fev1', code: 'refused', message: expect.objectContaining({ it: expect.stringContaining('FEV1 non può essere più grande di FVC') }) }]);
    });

    it('when the fields were stored by an earlier attempt, then they are no longer required', () => {
      expect(checkManual('pressione', { 'heart-rate': '70' }, new Set(['systolic', 'diastolic'] as const)).problems).toEqual([]);
    });
  });

  describe('manualObservations', () => {
    const context = { patient: patient(), userId: 'u-mario', now: new Date('2025-11-22T06:30:00.000Z') };

    it('when pressure and pulse are saved, then the pressure is one panel and the pulse one observation, typed by hand', () => {
      const docs = manualObservations({ systolic: 128, diastolic: 82, 'heart-rate': 72 }, context);
      expect(docs.map((d) => [d.id, d.code, d.value, d.components?.map((c) => c.value)])).toEqual([
        ['obs-p-mario-1763793000000-blood-pressure', '85354-9', undefined, [128, 82]],
        ['obs-p-mario-1763793000000-heart-rate', '8867-4', 72, undefined],
      ]);
      expect(docs[0]).toMatchObject({
        patientId: 'p-mario',
        districtId: 'd-roma1',
        effectiveAt: '2025-11-22T06:30:00.000Z',
        source: { kind: 'manual' },
        updatedBy: 'u-mario',
      });
      for (const doc of docs) expect(documentRuleProblem('observations', { ...doc })).toBeNull();
      expect(docs.flatMap(manualKindsOf)).toEqual(['systolic', 'diastolic', 'heart-rate']);
    });

    it('when a spirometry is typed, then it is one panel 81458-2 with FVC and FEV1 as components, like a spirometer’s', () => {
      const docs = manualObservations({ fev1: 2.6, fvc: 3.2 }, context);
      expect(docs).toHaveLength(1);
      expect(docs[0]).toMatchObject({
        id: 'obs-p-mario-1763793000000-spirometry',
        code: '81458-2',
        components: [
          { code: '19868-9', value: 3.2, unit: 'L' },
          { code: '20150-9', value: 2.6, unit: 'L' },
        ],
      });
      expect(docs[0].value).toBeUndefined();
      expect(documentRuleProblem('observations', { ...docs[0] })).toBeNull();
      expect(manualKindsOf(docs[0])).toEqual(['fvc', 'fev1']);
    });

    it('when a weight is saved, then it is rounded to the kind’s decimals in kg', () => {
      const [doc] = manualObservations({ 'body-weight': 72.46 }, context);
      expect([doc.code, doc.value, doc.unit]).toEqual(['29463-7', 72.5, 'kg']);
    });
  });
});
