import { emptyDraft, emptyIntervention } from './careplan-draft';
import { careplanForm, fieldError, interventionForm } from './careplan-form';

describe('interventionForm', () => {
  const row = () => interventionForm({ ...emptyIntervention('i-a', '2025-11-22'), label: 'Medicazione' });

  it('when the kind is weekly and no count is given, then times per week is required', () => {
    const group = row();
    group.controls.kind.setValue('weekly');
    expect(group.controls.timesPerWeek.errors).toEqual({ required: true });
    group.controls.timesPerWeek.setValue(15);
    expect(fieldError(group.controls.timesPerWeek.errors)).toEqual({ key: 'careplan.errors.max', params: { max: 14 } });
    group.controls.timesPerWeek.setValue(2.5);
    expect(fieldError(group.controls.timesPerWeek.errors)?.key).toBe('careplan.errors.integer');
    group.controls.timesPerWeek.setValue(3);
    expect(group.valid).toBe(true);
  });

  it('when the kind changes away from weekly, then a bad count no longer blocks the row', () => {
    const group = row();
    group.controls.kind.setValue('weekly');
    group.controls.timesPerWeek.setValue(99);
    group.controls.kind.setValue('daily');
    expect(group.valid).toBe(true);
  });

  it('when the kind is every n days, then 1–365 is accepted and 0 refused', () => {
    const group = row();
    group.controls.kind.setValue('every-n-days');
    group.controls.everyDays.setValue(0);
    expect(fieldError(group.controls.everyDays.errors)).toEqual({ key: 'careplan.errors.min', params: { min: 1 } });
    group.controls.everyDays.setValue(365);
    expect(group.valid).toBe(true);
  });

  it('when the kind is weekdays and no day is ticked, then the weekdays ask for one', () => {
    const group = row();
    group.controls.kind.setValue('weekdays');
    expect(fieldError(group.controls.weekdays.errors)?.key).toBe('careplan.errors.weekdaysRequired');
    group.controls.weekdays.at(2).setValue(true);
    expect(group.valid).toBe(true);
  });

  it('when the end date is before the start date, then the end date is refused, and fixing the start clears it', () => {
    const group = row();
    group.controls.endDate.setValue('2025-11-01');
    expect(fieldError(group.controls.endDate.errors)?.key).toBe('careplan.errors.endBeforeStart');
    group.controls.startDate.setValue('2025-10-01');
    expect(group.controls.endDate.valid).toBe(true);
  });

  it('when the label is only spaces, then it is required', () => {
    const group = row();
    group.controls.label.setValue('   ');
    expect(fieldError(group.controls.label.errors)?.key).toBe('careplan.errors.required');
  });
});

describe('careplanForm', () => {
  it('when the review date is missing, then the form is invalid with a required error', () => {
    const form = careplanForm(emptyDraft());
    expect(fieldError(form.controls.reviewDate.errors)?.key).toBe('careplan.errors.required');
  });

  it('when the status is closed, then a closure reason is required', () => {
    const form = careplanForm({ ...emptyDraft(), reviewDate: '2026-02-01' });
    expect(form.valid).toBe(true);
    form.controls.status.setValue('closed');
    expect(fieldError(form.controls.closureReason.errors)?.key).toBe('careplan.errors.required');
    form.controls.closureReason.setValue('Ricovero in RSA');
    expect(form.valid).toBe(true);
  });

  it('when consent is recorded, then its date is required', () => {
    const form = careplanForm({ ...emptyDraft(), reviewDate: '2026-02-01' });
    form.controls.consent.setValue('given');
    expect(form.controls.consentDate.errors).toEqual({ required: true });
  });

  it('when the plan is active with no intervention, then the form carries the plan-level error', () => {
    const form = careplanForm({ ...emptyDraft(), reviewDate: '2026-02-01', status: 'active' });
    expect(fieldError(form.errors)?.key).toBe('careplan.errors.activeWithoutInterventions');
    form.controls.interventions.push(interventionForm({ ...emptyIntervention('i-a', '2025-11-22'), label: 'X' }));
    expect(form.valid).toBe(true);
  });
});

describe('fieldError', () => {
  it('when there is no error, then nothing is shown; an unknown error shows the generic message', () => {
    expect(fieldError(null)).toBeNull();
    expect(fieldError({ pattern: true })?.key).toBe('careplan.errors.invalid');
    expect(fieldError({ maxlength: { requiredLength: 500, actualLength: 501 } })).toEqual({ key: 'careplan.errors.maxlength', params: { max: 500 } });
  });
});
