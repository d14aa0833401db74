import { AbstractControl, FormArray, FormControl, FormGroup, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { type CareplanDoc, type CareplanTargetLevel, dayNumber, type InterventionFrequency } from '@prossima/domain';
import type { CareplanDraft, ConsentChoice, GoalDraft, InterventionDraft } from './careplan-draft';

/**
 * The PAI editor's reactive form: controls, validators (the schema's bounds,
 * what one field asks of another) and the translation key of each error.
 * The document rule (`careplanProblem`) is still run on save: the form catches
 * what a person can fix field by field, the rule is the last word.
 */

/** One goal row. */
export type GoalForm = FormGroup<{
  id: FormControl<string>;
  text: FormControl<string>;
  targetDate: FormControl<string>;
}>;

/** One intervention row. */
export type InterventionForm = FormGroup<{
  id: FormControl<string>;
  label: FormControl<string>;
  kind: FormControl<InterventionFrequency['kind']>;
  timesPerWeek: FormControl<number | null>;
  everyDays: FormControl<number | null>;
  weekdays: FormArray<FormControl<boolean>>;
  responsibleRole: FormControl<string>;
  minutesPerVisit: FormControl<number | null>;
  startDate: FormControl<string>;
  endDate: FormControl<string>;
  notes: FormControl<string>;
}>;

/** The whole editor. */
export type CareplanForm = FormGroup<{
  assessmentDate: FormControl<string>;
  caseManagerId: FormControl<string>;
  consent: FormControl<ConsentChoice>;
  consentDate: FormControl<string>;
  targetLevel: FormControl<CareplanTargetLevel | ''>;
  needs: FormControl<{ code: string; label: string }[]>;
  goals: FormArray<GoalForm>;
  interventions: FormArray<InterventionForm>;
  reviewDate: FormControl<string>;
  status: FormControl<CareplanDoc['status']>;
  closureReason: FormControl<string>;
}>;

/** Lengths of the schema (domain/src/schemas/careplan.ts). */
export const LIMITS = { goalText: 500, label: 200, notes: 1000, closureReason: 500, goals: 40, interventions: 60 } as const;

/** `{ date: true }` for a value that is not a calendar date `YYYY-MM-DD` (empty passes). */
export const calendarDate: ValidatorFn = (control) =>
  control.value && dayNumber(String(control.value)) === undefined ? { date: true } : null;

/** `{ required: true }` for text that is empty or only spaces. */
export const notBlank: ValidatorFn = (control) =>
  typeof control.value === 'string' && control.value.trim() === '' ? { required: true } : null;

/** `{ integer: true }` for a number with a fraction (empty passes). */
export const wholeNumber: ValidatorFn = (control) =>
  control.value !== null && control.value !== '' && !Number.isInteger(control.value) ? { integer: true } : null;

/** Runs `validators` only while `applies()` holds (a field another field asks for). */
function onlyWhen(applies: () => boolean, validators: ValidatorFn[]): ValidatorFn {
  const all = Validators.compose(validators)!;
  return (control) => (applies() ? all(control) : null);
}

/** `{ weekdaysRequired: true }` when the weekdays kind is chosen and no day is ticked. */
const someWeekday: ValidatorFn = (control) =>
  (control.value as boolean[]).some(Boolean) ? null : { weekdaysRequired: true };

/** `{ endBeforeStart: true }` for an end date before the start date in `start`. */
function notBefore(start: FormControl<string>): ValidatorFn {
  return (control) => (control.value && start.value && control.value < start.value ? { endBeforeStart: true } : null);
}

/** `{ activeWithoutInterventions: true }` on the form: an active plan must plan something. */
const activePlansSomething: ValidatorFn = (control) => {
  const form = control as CareplanForm;
  return form.controls.status.value === 'active' && form.controls.interventions.length === 0 ? { activeWithoutInterventions: true } : null;
};

/** The form for a plan's values. */
export function careplanForm(draft: CareplanDraft): CareplanForm {
  const consent = new FormControl<ConsentChoice>(draft.consent, { nonNullable: true });
  const status = new FormControl<CareplanDoc['status']>(draft.status, { nonNullable: true });
  const form: CareplanForm = new FormGroup(
    {
      assessmentDate: new FormControl(draft.assessmentDate, { nonNullable: true, validators: [calendarDate] }),
      caseManagerId: new FormControl(draft.caseManagerId, { nonNullable: true }),
      consent,
      consentDate: new FormControl(draft.consentDate, {
        nonNullable: true,
        validators: [calendarDate, onlyWhen(() => consent.value !== '', [Validators.required])],
      }),
      targetLevel: new FormControl<CareplanTargetLevel | ''>(draft.targetLevel, { nonNullable: true }),
      needs: new FormControl(draft.needs, { nonNullable: true }),
      goals: new FormArray(draft.goals.map(goalForm)),
      interventions: new FormArray(draft.interventions.map(interventionForm)),
      reviewDate: new FormControl(draft.reviewDate, { nonNullable: true, validators: [Validators.required, calendarDate] }),
      status,
      closureReason: new FormControl(draft.closureReason, {
        nonNullable: true,
        validators: [Validators.maxLength(LIMITS.closureReason), onlyWhen(() => status.value === 'closed', [Validators.required, notBlank])],
      }),
    },
    { validators: [activePlansSomething] },
  );
  const c = form.controls;
  c.consent.valueChanges.subscribe(() => c.consentDate.updateValueAndValidity());
  c.status.valueChanges.subscribe(() => c.closureReason.updateValueAndValidity());
  return form;
}

/** The controls of one goal row. */
export function goalForm(goal: GoalDraft): GoalForm {
  return new FormGroup({
    id: new FormControl(goal.id, { nonNullable: true }),
    text: new FormControl(goal.text, { nonNullable: true, validators: [Validators.required, notBlank, Validators.maxLength(LIMITS.goalText)] }),
    targetDate: new FormControl(goal.targetDate, { nonNullable: true, validators: [calendarDate] }),
  });
}

/** The controls of one intervention row; the frequency fields are checked only for the chosen kind. */
export function interventionForm(row: InterventionDraft): InterventionForm {
  const kind = new FormControl<InterventionFrequency['kind']>(row.kind, { nonNullable: true });
  const kindIs = (wanted: InterventionFrequency['kind']) => () => kind.value === wanted;
  const startDate = new FormControl(row.startDate, { nonNullable: true, validators: [Validators.required, calendarDate] });
  const group: InterventionForm = new FormGroup({
    id: new FormControl(row.id, { nonNullable: true }),
    label: new FormControl(row.label, { nonNullable: true, validators: [Validators.required, notBlank, Validators.maxLength(LIMITS.label)] }),
    kind,
    timesPerWeek: new FormControl(row.timesPerWeek, {
      validators: [onlyWhen(kindIs('weekly'), [Validators.required, wholeNumber, Validators.min(1), Validators.max(14)])],
    }),
    everyDays: new FormControl(row.everyDays, {
      validators: [onlyWhen(kindIs('every-n-days'), [Validators.required, wholeNumber, Validators.min(1), Validators.max(365)])],
    }),
    weekdays: new FormArray(
      row.weekdays.map((ticked) => new FormControl(ticked, { nonNullable: true })),
      { validators: [onlyWhen(kindIs('weekdays'), [someWeekday])] },
    ),
    responsibleRole: new FormControl(row.responsibleRole, { nonNullable: true, validators: [Validators.required] }),
    minutesPerVisit: new FormControl(row.minutesPerVisit, { validators: [wholeNumber, Validators.min(1), Validators.max(480)] }),
    startDate,
    endDate: new FormControl(row.endDate, { nonNullable: true, validators: [calendarDate, notBefore(startDate)] }),
    notes: new FormControl(row.notes, { nonNullable: true, validators: [Validators.maxLength(LIMITS.notes)] }),
  });
  const c = group.controls;
  c.kind.valueChanges.subscribe(() => {
    c.timesPerWeek.updateValueAndValidity();
    c.everyDays.updateValueAndValidity();
    c.weekdays.updateValueAndValidity();
  });
  c.startDate.valueChanges.subscribe(() => c.endDate.updateValueAndValidity());
  return group;
}

/** An error to show: its translation key (under `careplan.errors`) and parameters. */
export interface FieldError {
  key: string;
  params: Record<string, unknown>;
}

/** The first error of a control as a translation key, or `null` when valid. */
export function fieldError(errors: ValidationErrors | null): FieldError | null {
  if (!errors) return null;
  const key = (name: string, params: Record<string, unknown> = {}): FieldError => ({ key: `careplan.errors.${name}`, params });
  if (errors['required']) return key('required');
  if (errors['date']) return key('date');
  if (errors['integer']) return key('integer');
  if (errors['min']) return key('min', { min: errors['min'].min });
  if (errors['max']) return key('max', { max: errors['max'].max });
  if (errors['maxlength']) return key('maxlength', { max: errors['maxlength'].requiredLength });
  if (errors['endBeforeStart']) return key('endBeforeStart');
  if (errors['weekdaysRequired']) return key('weekdaysRequired');
  if (errors['activeWithoutInterventions']) return key('activeWithoutInterventions');
  return key('invalid');
}

/** The error of a control once the user has been there (or tried to save), else `null`. */
export function shownError(control: AbstractControl): FieldError | null {
  return control.touched ? fieldError(control.errors) : null;
}
