/**
 * The patient's manual entry for one home measurement: only the fields of
 * that measurement (the two pressures and the pulse, the temperature …), big
 * and plainly labelled, checked with the domain's vital table.
 *
 * Inputs:
 * - `patient: PatientDoc` (required): whose value it is (the district comes from it);
 * - `kind: HomeKind` (required): which measurement.
 * Output:
 * - `saved: ObservationDoc[]`: the observations stored locally.
 *
 * A value that cannot be real blocks the save with the domain's sentence on
 * the field and in an alert; a value outside the expected range asks "is it
 * right?" once (typing slips are the usual cause) and is then saved.
 */
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  viewChildren,
} from '@angular/core';
import { refreshErrorStatesOn } from '../../core/forms/error-states';
import { _IdGenerator } from '@angular/cdk/a11y';
import { MatButton } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { canWriteCollection, documentRuleProblem, VITALS, type ObservationDoc, type PatientDoc, type VitalKind } from '@prossima/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthSession } from '../../core/auth/auth-session';
import { CLOCK } from '../../core/clock';
import { errorMessageKey } from '../../core/errors/app-errors';
import { LanguageService } from '../../core/i18n/language';
import { LocalWrites } from '../../core/sync/local-writes';
import { HOME_KIND_DEFINITIONS, type HomeKind, type ManualField } from './home-kinds';
import { checkManual, manualKindsOf, manualObservations, type ManualProblem, type ManualTexts } from './manual-entry';

/** What the alert region says. */
type ManualAlert = { kind: 'problems' } | { kind: 'unusual' } | { kind: 'rule'; reason: string } | { kind: 'write-failed'; errorKey: string };

@Component({
  selector: 'app-home-manual-form',
  imports: [MatFormField, MatLabel, MatInput, MatSuffix, MatError, MatHint, MatButton, TranslatePipe],
  templateUrl: './home-manual-form.html',
  styleUrl: './home-manual-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomeManualForm {
  /** Whose value is recorded. */
  readonly patient = input.required<PatientDoc>();
  /** Which measurement. */
  readonly kind = input.required<HomeKind>();
  /** The observations stored by a save. */
  readonly saved = output<ObservationDoc[]>();

  private readonly writes = inject(LocalWrites);
  private readonly clock = inject(CLOCK);
  private readonly user = inject(AuthSession).user;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly lang = inject(LanguageService).current;
  protected readonly baseId = inject(_IdGenerator).getId('home-manual-');

  /** Fields already stored by an attempt whose other writes failed: gone from the form. */
  private readonly storedKinds = signal<ReadonlySet<VitalKind>>(new Set());
  protected readonly fields = computed(() => HOME_KIND_DEFINITIONS[this.kind()].manual.filter((f) => !this.storedKinds().has(f.kind)));
  /** The patient role writes observations of its own record (the access table); the server checks again. */
  protected readonly canWrite = computed(() => {
    const user = this.user();
    return !!user && canWriteCollection(user.role, 'observations');
  });

  protected readonly texts = signal<ManualTexts>({});
  /** Problems are shown from the first save on, and follow the typing from then on. */
  private readonly tried = signal(false);
  /** The patient said the unusual values are right. */
  private readonly confirming = signal(false);
  protected readonly saving = signal(false);
  protected readonly alert = signal<ManualAlert | null>(null);
  /** Observations stored by an attempt whose other writes failed: emitted with the rest once stored. */
  private readonly storedSoFar: ObservationDoc[] = [];

  private readonly check = computed(() => checkManual(this.kind(), this.texts(), this.storedKinds()));
  protected readonly problems = computed(() => new Map<VitalKind, ManualProblem>(this.tried() ? this.check().problems.map((p) => [p.kind, p]) : []));
  protected readonly unusual = computed(() => this.check().unusual);
  protected readonly askingConfirmation = computed(() => this.alert()?.kind === 'unusual' && this.check().unusual.length > 0);
  /** The alert stays while what it says is true. */
  protected readonly alertShown = computed(() => {
    switch (this.alert()?.kind) {
      case undefined:
        return false;
      case 'problems':
        return this.problems().size > 0;
      case 'unusual':
        return this.askingConfirmation();
      default:
        return true;
    }
  });

  private readonly matchers = new Map<VitalKind, ErrorStateMatcher>();
  private readonly inputs = viewChildren(MatInput);

  constructor() {
    refreshErrorStatesOn(this.problems, this.inputs);
  }

  protected fieldId(kind: VitalKind): string {
    return `${this.baseId}-${kind}`;
  }

  /** The field's name in the patient's words ("Pressione massima"): `homeKit.fields.<kind>`. */
  protected fieldKey(kind: VitalKind): string {
    return `homeKit.fields.${kind}`;
  }

  protected symbol(kind: VitalKind): string {
    return VITALS[kind].symbol;
  }

  protected exampleOf(field: ManualField): string {
    return field.example[this.lang()];
  }

  protected text(kind: VitalKind): string {
    return this.texts()[kind] ?? '';
  }

  protected matcher(kind: VitalKind): ErrorStateMatcher {
    let matcher = this.matchers.get(kind);
    if (!matcher) {
      matcher = { isErrorState: () => this.problems().has(kind) };
      this.matchers.set(kind, matcher);
    }
    return matcher;
  }

  /** The message of a field's problem: a translation key and its parameters. */
  protected problemMessage(problem: ManualProblem, field: ManualField): { key: string; params: Record<string, string> } {
    switch (problem.code) {
      case 'missing':
        return { key: 'homeKit.manual.missing', params: {} };
      case 'unreadable':
        return { key: 'homeKit.manual.unreadable', params: { example: this.exampleOf(field) } };
      case 'refused':
        return { key: 'homeKit.manual.domain', params: { text: problem.message[this.lang()] } };
    }
  }

  protected edit(kind: VitalKind, text: string): void {
    this.texts.update((texts) => ({ ...texts, [kind]: text }));
    // A "yes, it is right" covers the values seen: a changed value must be looked at again.
    this.confirming.set(false);
    if (this.alert()?.kind !== 'problems') this.alert.set(null);
  }

  protected async save(): Promise<void> {
    const user = this.user();
    if (!user || this.saving()) return;
    this.tried.set(true);
    const check = this.check();
    if (check.problems.length > 0) return this.refuse({ kind: 'problems' }, () => this.focusField(check.problems[0].kind));
    if (check.unusual.length > 0 && !this.confirming()) {
      this.confirming.set(true);
      return this.refuse({ kind: 'unusual' }, () => this.focusField(check.unusual[0]));
    }

    const docs = manualObservations(check.values, { patient: this.patient(), userId: user.id, now: this.clock() });
    // The server's rules, run before any write: everything is stored, or nothing.
    for (const doc of docs) {
      const reason = documentRuleProblem('observations', { ...doc, _id: doc.id });
      if (reason) return this.refuse({ kind: 'rule', reason }, () => this.focusField(this.fields()[0].kind));
    }

    this.alert.set(null);
    this.saving.set(true);
    try {
      for (const doc of docs) this.storedSoFar.push(await this.writes.insert('observations', doc));
    } catch (err) {
      // LocalWrites throws AppError 'save-failed' (storage full, collection missing). What was stored
      // leaves the form, so trying again stores only the rest, never a value twice.
      this.storedKinds.set(new Set(this.storedSoFar.flatMap(manualKindsOf)));
      this.alert.set({ kind: 'write-failed', errorKey: errorMessageKey(err) });
      return;
    } finally {
      this.saving.set(false);
    }
    // One measurement, one result: emitted once everything typed is stored.
    const stored = this.storedSoFar.splice(0);
    this.reset();
    this.saved.emit(stored);
  }

  private refuse(alert: ManualAlert, focus: () => void): void {
    this.alert.set(alert);
    afterNextRender({ write: focus }, { injector: this.injector });
  }

  private focusField(kind: VitalKind): void {
    this.host.nativeElement.querySelector<HTMLElement>(`[id="${this.fieldId(kind)}"]`)?.focus();
  }

  private reset(): void {
    this.texts.set({});
    this.storedKinds.set(new Set());
    this.tried.set(false);
    this.confirming.set(false);
  }
}
