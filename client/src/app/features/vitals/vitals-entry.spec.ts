import { documentRuleProblem, DOCUMENT_ID_PATTERN } from '@prossima/domain';
import { buildObservations, checkEntry, entryKindsOf, observationId, problemMessage, warningMessage } from './vitals-entry';

const context = {
  patient: { id: 'p-mario', districtId: 'd-roma1' },
  userId: 'u-anna',
  now: new Date('2025-11-22T09:30:00.000Z'),
};

describe('checkEntry', () => {
  it('when nothing is typed, then the entry is empty and has no problem', () => {
    expect(checkEntry({ systolic: ' ', 'pain-nrs': '' }, { requirePair: true })).toEqual({
      values: {},
      problems: [],
      warnings: [],
      empty: true,
    });
  });

  it('when values are typed with a decimal comma, then they are read and in range', () => {
    const check = checkEntry({ 'body-temperature': '36,8', 'body-weight': '72.5' }, { requirePair: true });
    expect(check.values).toEqual({ 'body-temperature': 36.8, 'body-weight': 72.5 });
    expect(check.problems).toEqual([]);
    expect(check.warnings).toEqual([]);
  });

  it('when a temperature of 48 is typed, then it is refused with the domain message', () => {
    const check = checkEntry({ 'body-temperature': '48', 'heart-rate': '72' }, { requirePair: true });
    expect(check.problems).toEqual([
      {
        kind: 'body-temperature',
        code: 'refused',
        message: {
          it: 'Temperatura corporea: 48 °C è sopra il massimo possibile di 45 °C.',
          en: 'Body temperature: 48 °C is above the possible maximum of 45 °C.',
        },
      },
    ]);
    expect(check.values).toEqual({ 'heart-rate': 72 });
  });

  it('when a value cannot be read, then the problem keeps the reason and the text', () => {
    expect(checkEntry({ spo2: '9,,6' }, { requirePair: false }).problems).toEqual([
      { kind: 'spo2', code: 'unreadable', reason: 'several-separators', text: '9,,6' },
    ]);
  });

  it('when the diastolic is not below the systolic, then the diastolic is refused', () => {
    const check = checkEntry({ systolic: '80', diastolic: '90' }, { requirePair: true });
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]).toMatchObject({ kind: 'diastolic', code: 'refused' });
    expect(problemMessage(check.problems[0], 'it')).toEqual({
      key: 'vitals.form.domain',
      params: { text: 'Pressione diastolica: 90 mmHg deve essere inferiore alla sistolica (80 mmHg).' },
    });
    expect(check.values.diastolic).toBeUndefined();
  });

  it('when only the systolic is typed, then the diastolic is missing once the pair is required', () => {
    expect(checkEntry({ systolic: '130' }, { requirePair: false }).problems).toEqual([]);
    expect(checkEntry({ systolic: '130' }, { requirePair: true }).problems).toEqual([{ kind: 'diastolic', code: 'missing-partner' }]);
    expect(checkEntry({ diastolic: '80' }, { requirePair: true }).problems).toEqual([{ kind: 'systolic', code: 'missing-partner' }]);
  });

  it('when problems are found in several fields, then they come in screen order', () => {
    const check = checkEntry({ 'pain-nrs': '11', spo2: '120', systolic: '130' }, { requirePair: true });
    expect(check.problems.map((p) => p.kind)).toEqual(['diastolic', 'spo2', 'pain-nrs']);
  });

  it('when a value is outside the expected range, then it is accepted with a warning', () => {
    const check = checkEntry({ systolic: '150', diastolic: '85' }, { requirePair: true });
    expect(check.problems).toEqual([]);
    expect(check.values).toEqual({ systolic: 150, diastolic: 85 });
    expect(check.warnings).toEqual([
      {
        kind: 'systolic',
        expected: { min: 90, max: 139 },
        message: {
          it: 'Pressione sistolica: 150 mmHg è sopra i valori attesi (90–139 mmHg). Ricontrollare.',
          en: 'Systolic pressure: 150 mmHg is above the expected range (90–139 mmHg). Please check.',
        },
      },
    ]);
    expect(warningMessage(check.warnings[0], 'it')).toEqual({ key: 'vitals.form.outOfRange', params: { range: '90–139 mmHg' } });
  });
});

describe('problemMessage', () => {
  it('when a value cannot be read, then the message is a translation key naming the field', () => {
    expect(problemMessage({ kind: 'body-temperature', code: 'unreadable', reason: 'invalid-character', text: '37°' }, 'en')).toEqual({
      key: 'vitals.form.problems.invalid-character',
      params: { label: 'Body temperature', text: '37°' },
    });
    expect(problemMessage({ kind: 'diastolic', code: 'missing-partner' }, 'it')).toEqual({
      key: 'vitals.form.problems.missing-diastolic',
      params: { label: 'Pressione diastolica' },
    });
  });
});

describe('buildObservations', () => {
  it('when a temperature is saved, then it is one observation coded 8310-5 in Cel', () => {
    expect(buildObservations({ 'body-temperature': 36.84 }, { ...context, visitId: 'v-1' })).toEqual([
      {
        id: 'obs-p-mario-1763803800000-body-temperature',
        districtId: 'd-roma1',
        patientId: 'p-mario',
        visitId: 'v-1',
        code: '8310-5',
        value: 36.8,
        unit: 'Cel',
        effectiveAt: '2025-11-22T09:30:00.000Z',
        source: { kind: 'manual' },
        updatedAt: '2025-11-22T09:30:00.000Z',
        updatedBy: 'u-anna',
      },
    ]);
  });

  it('when blood pressure is saved, then it is one panel 85354-9 with systolic and diastolic components', () => {
    const [panel, heartRate] = buildObservations({ systolic: 130, diastolic: 80, 'heart-rate': 72 }, context);
    expect(panel).toMatchObject({
      id: 'obs-p-mario-1763803800000-blood-pressure',
      code: '85354-9',
      components: [
        { code: '8480-6', value: 130, unit: 'mm[Hg]' },
        { code: '8462-4', value: 80, unit: 'mm[Hg]' },
      ],
    });
    expect(panel.value).toBeUndefined();
    expect(panel.visitId).toBeUndefined();
    expect(heartRate).toMatchObject({ code: '8867-4', value: 72, unit: '/min' });
  });

  it('when every form value is saved, then each document keeps the server rules and the id pattern', () => {
    const docs = buildObservations(
      { systolic: 130, diastolic: 80, 'heart-rate': 72, spo2: 97, 'body-temperature': 36.8, 'respiratory-rate': 16, 'body-weight': 72.5, 'capillary-glucose': 110, 'pain-nrs': 2 },
      context,
    );
    expect(docs.map((d) => d.code)).toEqual(['85354-9', '8867-4', '59408-5', '8310-5', '9279-1', '29463-7', '41653-7', '72514-3']);
    for (const doc of docs) {
      expect(documentRuleProblem('observations', { ...doc, _id: doc.id })).toBeNull();
      expect(doc.id).toMatch(new RegExp(DOCUMENT_ID_PATTERN));
    }
  });
});

describe('observationId', () => {
  it('when the patient id is long or has capitals, then the id is lower-case and within 100 characters', () => {
    const id = observationId(`P-${'x'.repeat(120)}`, context.now, 'capillary-glucose');
    expect(id).toMatch(new RegExp(DOCUMENT_ID_PATTERN));
    expect(id.startsWith('obs-p-xxx')).toBe(true);
    expect(id.endsWith('-1763803800000-capillary-glucose')).toBe(true);
  });
});

describe('entryKindsOf', () => {
  it('when an observation is a panel or a single vital, then it names the form fields it came from', () => {
    expect(entryKindsOf({ code: '85354-9' })).toEqual(['systolic', 'diastolic']);
    expect(entryKindsOf({ code: '8310-5' })).toEqual(['body-temperature']);
    expect(entryKindsOf({ code: '8302-2' })).toEqual([]);
  });
});
