import { documentRuleProblem } from '@prossima/domain';
import { buildCareplan, careplanToDraft, draftToFields, emptyDraft, emptyIntervention } from './careplan-draft';
import { careplan, intervention } from './careplan-testing';

const identity = { id: 'cp-p-mario-x', districtId: 'd-roma1', patientId: 'p-mario', updatedAt: '2025-11-22T09:30:00.000Z', updatedBy: 'u-dn' };

describe('careplanToDraft / buildCareplan', () => {
  it('when a full plan goes to the form and back, then the same document comes out', () => {
    const doc = careplan({
      assessmentDate: '2025-10-30',
      caseManagerId: 'u-anna',
      consent: { given: true, date: '2025-10-31' },
      targetLevel: 'adi-2',
      interventions: [
        intervention({ id: 'i-1', frequency: { kind: 'weekly', timesPerWeek: 3 }, minutesPerVisit: 30, endDate: '2026-01-31', notes: 'Con caregiver' }),
        intervention({ id: 'i-2', frequency: { kind: 'every-n-days', everyDays: 3 } }),
        intervention({ id: 'i-3', frequency: { kind: 'weekdays', weekdays: [1, 3, 5] }, responsibleRole: 'physiotherapist' }),
      ],
      ...identity,
    });
    expect(buildCareplan(careplanToDraft(doc), identity)).toEqual(doc);
  });

  it('when optional fields are left empty, then they are missing from a new document (not empty strings)', () => {
    const draft = { ...emptyDraft(), reviewDate: '2026-02-01', interventions: [emptyIntervention('i-a', '2025-11-22')] };
    draft.interventions[0].label = '  Parametri vitali  ';
    const doc = buildCareplan(draft, identity);
    expect(doc).toEqual({
      ...identity,
      status: 'draft',
      needs: [],
      goals: [],
      interventions: [{ id: 'i-a', label: 'Parametri vitali', frequency: { kind: 'daily' }, responsibleRole: 'nurse', startDate: '2025-11-22' }],
      reviewDate: '2026-02-01',
    });
  });

  it('when a need is chosen, then its Italian SIAD label is stored with the code', () => {
    const draft = { ...emptyDraft(), reviewDate: '2026-02-01', needs: [{ code: 'oxygen-therapy', label: 'Oxygen therapy' }] };
    expect(buildCareplan(draft, identity).needs).toEqual([{ code: 'oxygen-therapy', label: 'Ossigenoterapia' }]);
  });

  it('when a weekly intervention has no count, then the document rule names the missing field', () => {
    const row = { ...emptyIntervention('i-a', '2025-11-22'), label: 'Medicazione', kind: 'weekly' as const };
    const doc = buildCareplan({ ...emptyDraft(), reviewDate: '2026-02-01', interventions: [row] }, identity);
    expect(documentRuleProblem('careplans', { ...doc, _id: doc.id })).toBe('intervention "i-a": a "weekly" frequency needs "timesPerWeek"');
  });

  it('when the frequency kind changes, then only the new kind\'s field is stored', () => {
    const row = { ...emptyIntervention('i-a', '2025-11-22'), label: 'X', kind: 'every-n-days' as const, timesPerWeek: 3, everyDays: 2 };
    expect(buildCareplan({ ...emptyDraft(), reviewDate: '2026-02-01', interventions: [row] }, identity).interventions[0].frequency).toEqual({
      kind: 'every-n-days',
      everyDays: 2,
    });
  });
});

describe('draftToFields', () => {
  it('when a plan is not closed, then a closure reason typed earlier is dropped', () => {
    const draft = { ...emptyDraft(), reviewDate: '2026-02-01', status: 'draft' as const, closureReason: 'Decesso' };
    expect(draftToFields(draft).closureReason).toBeUndefined();
    expect(draftToFields({ ...draft, status: 'closed' }).closureReason).toBe('Decesso');
  });

  it('when an optional field is cleared, then the patch fields carry it as undefined (so the patch removes it)', () => {
    const fields = draftToFields(careplanToDraft(careplan({ assessmentDate: '2025-10-30' })));
    const cleared = draftToFields({ ...careplanToDraft(careplan({ assessmentDate: '2025-10-30' })), assessmentDate: '' });
    expect(fields.assessmentDate).toBe('2025-10-30');
    expect('assessmentDate' in cleared && cleared.assessmentDate === undefined).toBe(true);
  });

  it('when consent is refused, then it is stored as not given with its date', () => {
    const draft = { ...emptyDraft(), reviewDate: '2026-02-01', consent: 'refused' as const, consentDate: '2025-11-02' };
    expect(draftToFields(draft).consent).toEqual({ given: false, date: '2025-11-02' });
  });
});
