import { afterNextRender, ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, Injector, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { CAREPLAN_TARGET_LEVELS, type CareplanDoc, documentRuleProblem, localDate, SIAD_NEEDS } from '@prossima/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { of, switchMap } from 'rxjs';
import { AuthSession } from '../../core/auth/auth-session';
import { CLOCK } from '../../core/clock';
import { LocalRecords } from '../../core/database/local-records';
import { errorMessageKey } from '../../core/errors/app-errors';
import { ShortDatePipe } from '../../core/i18n/format-pipes';
import { LanguageService } from '../../core/i18n/language';
import { LocalWrites } from '../../core/sync/local-writes';
import { buildCareplan, type CareplanDraft, careplanToDraft, draftToFields, emptyDraft, emptyGoal, emptyIntervention, withoutUndefined } from './careplan-draft';
import { type CareplanForm, careplanForm, fieldError, type FieldError, goalForm, interventionForm, LIMITS } from './careplan-form';
import { newCareplanId, newRowId, RANDOM_TOKEN } from './careplan-ids';
import { needLabel, targetLevelLabel } from './careplan-labels';
import { activeCareplan, nurseProposals } from './careplan-view';
import { InterventionRow } from './intervention-row';
import { PaiProposals } from './pai-proposals';

/** The reason stored on the active plan a new active plan replaces. */
export const REPLACED_REASON = 'Sostituito da un nuovo PAI';

/**
 * Creates or edits a PAI (district nurses and coordinators). Saving checks the
 * fields, then the document rule the server applies (its sentence is shown and
 * nothing is written when it fails), then writes locally; activating a plan
 * while another is active offers to close the other one.
 */
@Component({
  selector: 'app-careplan-editor-page',
  imports: [ReactiveFormsModule, RouterLink, MatFormField, MatLabel, MatInput, MatError, MatButton, MatAnchor, TranslatePipe, ShortDatePipe, InterventionRow, PaiProposals],
  templateUrl: './careplan-editor-page.html',
  styleUrl: './careplan-editor-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CareplanEditorPage {
  /** The patient id (route parameter). */
  readonly patientId = input.required<string>();
  /** The plan being edited (route parameter); missing for a new plan. */
  readonly careplanId = input<string>();

  private readonly records = inject(LocalRecords);
  private readonly writes = inject(LocalWrites);
  private readonly router = inject(Router);
  private readonly clock = inject(CLOCK);
  private readonly token = inject(RANDOM_TOKEN);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly user = inject(AuthSession).user;
  protected readonly lang = inject(LanguageService).current;

  protected readonly limits = LIMITS;
  protected readonly siadNeeds = SIAD_NEEDS;
  protected readonly targetLevels = CAREPLAN_TARGET_LEVELS;
  protected readonly statuses = ['draft', 'active', 'closed'] as const;

  private readonly patientId$ = toObservable(this.patientId);
  protected readonly patient = toSignal(this.patientId$.pipe(switchMap((id) => this.records.patient$(id))));
  private readonly plans = toSignal(this.patientId$.pipe(switchMap((id) => this.records.careplansOfPatient$(id))), { initialValue: [] });
  private readonly visits = toSignal(this.patientId$.pipe(switchMap((id) => this.records.visitsOfPatient$(id))), { initialValue: [] });
  /** The stored plan: `undefined` while loading, `null` when missing (or a new plan). */
  protected readonly stored = toSignal(
    toObservable(this.careplanId).pipe(switchMap((id) => (id ? this.records.careplan$(id) : of(null)))),
  );
  protected readonly isNew = computed(() => !this.careplanId());
  protected readonly notFound = computed(() => {
    const plan = this.stored();
    return !this.isNew() && (plan === null || (plan !== undefined && plan.patientId !== this.patientId()));
  });
  protected readonly proposals = computed(() => nurseProposals(this.visits()));

  /** The form, made once: at once for a new plan, when the stored plan first arrives otherwise (sync does not clobber typing). */
  protected readonly form = signal<CareplanForm | null>(null);
  protected readonly saveAttempts = signal(0);
  protected readonly saving = signal(false);
  protected readonly invalidOnSave = signal(false);
  protected readonly ruleProblem = signal<string | null>(null);
  protected readonly errorKey = signal<string | null>(null);
  /** The active plan a save would leave active beside this one: the user must decide first. */
  protected readonly replacing = signal<CareplanDoc | null>(null);

  /** Which plan the form was made for (`''` for a new one): the router reuses this page when only the id changes. */
  private formFor: string | null = null;

  constructor() {
    effect(() => {
      const key = this.careplanId() ?? '';
      const stored = this.stored();
      if (this.formFor === key) return;
      if (key === '') {
        this.form.set(careplanForm(emptyDraft()));
      } else if (stored?.id === key && !this.notFound()) {
        this.form.set(careplanForm(careplanToDraft(stored)));
      } else {
        // Still loading the newly asked plan (or it is missing): no form from the previous one.
        this.form.set(null);
        return;
      }
      this.formFor = key;
      this.resetMessages();
    });
  }

  private resetMessages(): void {
    this.saveAttempts.set(0);
    this.invalidOnSave.set(false);
    this.ruleProblem.set(null);
    this.errorKey.set(null);
    this.replacing.set(null);
  }

  /** Case manager choices: the patient's care team, and the stored one if it is someone else. */
  protected readonly caseManagers = computed(() => {
    const ids = [...(this.patient()?.careTeam ?? [])];
    const current = this.stored()?.caseManagerId;
    if (current && !ids.includes(current)) ids.push(current);
    return ids;
  });

  /** The SIAD needs, plus any stored code that is not on the list (so it can be seen and unticked). */
  protected needChoices(form: CareplanForm): { code: string; label: string; unknown: boolean }[] {
    const known = this.siadNeeds.map((need) => ({ code: need.code as string, label: need.label[this.lang()], unknown: false }));
    const extra = form.controls.needs.value
      .filter((need) => !known.some((k) => k.code === need.code))
      .map((need) => ({ code: need.code, label: needLabel(need, this.lang()), unknown: true }));
    return [...known, ...extra];
  }

  protected hasNeed(form: CareplanForm, code: string): boolean {
    return form.controls.needs.value.some((need) => need.code === code);
  }

  protected toggleNeed(form: CareplanForm, choice: { code: string; label: string }, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    const rest = form.controls.needs.value.filter((need) => need.code !== choice.code);
    form.controls.needs.setValue(checked ? [...rest, { code: choice.code, label: choice.label }] : rest);
    form.controls.needs.markAsDirty();
  }

  protected levelLabel(level: (typeof CAREPLAN_TARGET_LEVELS)[number]): string {
    return targetLevelLabel(level, this.lang());
  }

  protected error(control: AbstractControl): FieldError | null {
    return fieldError(control.errors);
  }

  /** The form-level error (an active plan with nothing planned), once a save was tried. */
  protected planError(form: CareplanForm): FieldError | null {
    return this.saveAttempts() > 0 ? fieldError(form.errors) : null;
  }

  protected addGoal(form: CareplanForm): void {
    const id = newRowId('g', form.controls.goals.value.map((g) => g.id ?? ''), this.token);
    form.controls.goals.push(goalForm(emptyGoal(id)));
    this.focusAfterRender(`goal-${form.controls.goals.length - 1}-text`);
  }

  protected removeGoal(form: CareplanForm, index: number): void {
    form.controls.goals.removeAt(index);
    this.focusAfterRender('add-goal');
  }

  protected addIntervention(form: CareplanForm): void {
    const id = newRowId('i', form.controls.interventions.value.map((i) => i.id ?? ''), this.token);
    form.controls.interventions.push(interventionForm(emptyIntervention(id, localDate(this.clock()))));
    const index = form.controls.interventions.length - 1;
    this.focusAfterRender(`iv-${index}`, 'input');
  }

  protected removeIntervention(form: CareplanForm, index: number): void {
    form.controls.interventions.removeAt(index);
    this.focusAfterRender('add-intervention');
  }

  /**
   * Checks the form and the document rule, then saves. When the plan becomes
   * active beside another active one, the user is asked first; `replaceConfirmed`
   * is the yes (everything is checked again: the form may have changed since).
   */
  protected async save(form: CareplanForm, replaceConfirmed = false): Promise<void> {
    if (this.saving()) return;
    this.saveAttempts.update((n) => n + 1);
    this.ruleProblem.set(null);
    this.errorKey.set(null);
    const confirmedFor = replaceConfirmed ? this.replacing() : null;
    this.replacing.set(null);
    form.markAllAsTouched();
    if (form.invalid) {
      this.invalidOnSave.set(true);
      // Material leaves aria-invalid off an empty required input, so its form field's invalid class is looked for too.
      this.focusAfterRender(null, '.mat-form-field-invalid :is(input, select, textarea), input[aria-invalid="true"]');
      return;
    }
    this.invalidOnSave.set(false);
    const draft = form.getRawValue() as CareplanDraft;
    const doc = this.documentFor(draft);
    if (!doc) return;
    const problem = documentRuleProblem('careplans', { ...doc, _id: doc.id });
    if (problem) {
      this.ruleProblem.set(problem);
      return;
    }
    const otherActive = doc.status === 'active' ? activeCareplan(this.plans().filter((plan) => plan.id !== doc.id)) : null;
    if (otherActive && otherActive.id !== confirmedFor?.id) {
      this.replacing.set(otherActive);
      this.focusAfterRender('replace-confirm');
      return;
    }
    await this.write(draft, doc, otherActive);
  }

  protected cancelReplace(): void {
    this.replacing.set(null);
    this.focusAfterRender(null, 'select[formControlName="status"]');
  }

  /** The document the save would store: a new one, or the stored one with the form's fields. */
  private documentFor(draft: CareplanDraft): CareplanDoc | null {
    const user = this.user();
    const districtId = this.patient()?.districtId ?? user?.districtId;
    if (!user || !districtId) {
      this.errorKey.set('errors.save-failed');
      return null;
    }
    const updatedAt = this.clock().toISOString();
    const stored = this.stored();
    if (stored) return withoutUndefined({ ...stored, ...draftToFields(draft), updatedAt, updatedBy: user.id });
    const id = newCareplanId(this.patientId(), this.token());
    return buildCareplan(draft, { id, districtId, patientId: this.patientId(), updatedAt, updatedBy: user.id });
  }

  private async write(draft: CareplanDraft, doc: CareplanDoc, closePrevious: CareplanDoc | null): Promise<void> {
    this.saving.set(true);
    try {
      const audit = { updatedAt: doc.updatedAt, updatedBy: doc.updatedBy };
      if (this.stored()) {
        // Every editable field goes in the patch; a cleared optional one is `undefined`, which removes it.
        const changes = draftToFields(draft);
        await this.writes.patch('careplans', doc.id, () => ({ ...changes, ...audit }));
      } else {
        await this.writes.insert('careplans', doc);
      }
      if (closePrevious) {
        await this.writes.patch('careplans', closePrevious.id, () => ({ status: 'closed' as const, closureReason: REPLACED_REASON, ...audit }));
      }
      this.replacing.set(null);
      await this.router.navigate(['/pazienti', this.patientId(), 'pai']);
    } catch (err) {
      this.errorKey.set(errorMessageKey(err));
    } finally {
      this.saving.set(false);
    }
  }

  /** Moves focus after the view updates: to the element with `id`, or the first match of `selector` inside it (or the page). */
  private focusAfterRender(id: string | null, selector?: string): void {
    afterNextRender(
      () => {
        const root: ParentNode | null = id ? this.host.nativeElement.querySelector(`#${id}`) : this.host.nativeElement;
        const target = selector && root ? root.querySelector<HTMLElement>(selector) : (root as HTMLElement | null);
        target?.focus();
      },
      { injector: this.injector },
    );
  }
}
