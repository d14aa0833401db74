/**
 * The manual vital-signs form, reusable in any page (the visit, the patient's
 * record, its own page).
 *
 * Inputs:
 * - `patient: PatientDoc` (required): whose values are recorded; the district comes from it.
 * - `visitId?: string`: the visit the values are taken in, stored on each observation.
 * Output:
 * - `saved: ObservationDoc[]`: the observations stored locally after a save.
 *
 * Every field is optional, at least one is needed. Values are checked on blur
 * and on save with the domain's vital table: an impossible value blocks the
 * whole save (nothing is stored) with the domain's message on the field and in
 * an alert; a value outside the expected range needs "Confermo i valori".
 * Blood pressure is stored as one panel, each other value as one observation.
 */
import { NgTemplateOutlet } from '@angular/common';
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
  viewChild,
  viewChildren,
} from '@angular/core';
import { refreshErrorStatesOn } from '../../core/forms/error-states';
import { _IdGenerator } from '@angular/cdk/a11y';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { canWriteCollection, documentRuleProblem, VITALS, type ObservationDoc, type PatientDoc } from '@prossima/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthSession } from '../../core/auth/auth-session';
import { CLOCK } from '../../core/clock';
import { errorMessageKey } from '../../core/errors/app-errors';
import { LanguageService } from '../../core/i18n/language';
import { LocalWrites } from '../../core/sync/local-writes';
import {
  buildObservations,
  checkEntry,
  EMPTY_CHECK,
  ENTRY_KINDS,
  entryKindsOf,
  problemMessage,
  warningMessage,
  type EntryCheck,
  type EntryKind,
  type EntryTexts,
} from './vitals-entry';

/** What the alert region says. */
type FormAlert =
  | { kind: 'problems' }
  | { kind: 'nothing' }
  | { kind: 'confirm' }
  | { kind: 'rule'; reason: string }
  | { kind: 'write-failed'; errorKey: string; failed: EntryKind[]; saved: EntryKind[] };

/** The typed fields other than blood pressure (pain is a scale of radio buttons). */
const SINGLE_KINDS: readonly EntryKind[] = ['heart-rate', 'spo2', 'body-temperature', 'respiratory-rate', 'body-weight', 'capillary-glucose'];

@Component({
  selector: 'app-vitals-form',
  imports: [NgTemplateOutlet, MatFormField, MatLabel, MatInput, MatSuffix, MatError, MatHint, MatButton, MatCheckbox, TranslatePipe],
  templateUrl: './vitals-form.html',
  styleUrl: './vitals-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VitalsFormComponent {
  /** Whose values are recorded. */
  readonly patient = input.required<PatientDoc>();
  /** The visit the values are taken in, if any. */
  readonly visitId = input<string>();
  /** The observations stored by a save (also those stored when another write of the same save failed). */
  readonly saved = output<ObservationDoc[]>();

  private readonly writes = inject(LocalWrites);
  private readonly clock = inject(CLOCK);
  private readonly user = inject(AuthSession).user;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly lang = inject(LanguageService).current;

  // The CDK's id source (what Material's own fields use): ids stay unique when the form appears twice on a page.
  protected readonly baseId = inject(_IdGenerator).getId('vitals-form-');
  protected readonly pressureKinds: readonly EntryKind[] = ['systolic', 'diastolic'];
  protected readonly singleKinds = SINGLE_KINDS;
  protected readonly painScores = Array.from({ length: 11 }, (_, i) => String(i));

  /** Only roles that may write observations see the form (the server checks again). */
  protected readonly canWrite = computed(() => {
    const user = this.user();
    return !!user && canWriteCollection(user.role, 'observations');
  });

  protected readonly texts = signal<EntryTexts>({});
  protected readonly confirmed = signal(false);
  protected readonly saving = signal(false);
  protected readonly savedNotice = signal(false);
  protected readonly alert = signal<FormAlert | null>(null);
  /** The last check (taken on blur and on save, not on each keystroke: no error flashes while typing). */
  private readonly check = signal<EntryCheck>(EMPTY_CHECK);
  /** Fields whose problems and warnings are shown: left once, or all after a save. */
  private readonly shown = signal<ReadonlySet<EntryKind>>(new Set());
  /** Whether a lone systolic or diastolic is a problem yet (from the first save on). */
  private readonly pairRequired = signal(false);

  protected readonly fieldProblems = computed(() => {
    const shown = this.shown();
    return new Map(this.check().problems.filter((p) => shown.has(p.kind)).map((p) => [p.kind, p] as const));
  });
  protected readonly fieldWarnings = computed(() => {
    const shown = this.shown();
    return new Map(this.check().warnings.filter((w) => shown.has(w.kind)).map((w) => [w.kind, w] as const));
  });
  protected readonly warnings = computed(() => [...this.fieldWarnings().values()]);
  /** The alert stays while what it says is true: it empties as the person fixes the form. */
  protected readonly alertShown = computed(() => {
    switch (this.alert()?.kind) {
      case undefined:
        return false;
      case 'problems':
        return this.fieldProblems().size > 0;
      case 'nothing':
        return this.check().empty;
      case 'confirm':
        return this.warnings().length > 0 && !this.confirmed();
      default:
        return true;
    }
  });

  /** Material shows a field's error (and sets aria-invalid and aria-describedby) when its matcher says so. */
  private readonly matchers = new Map<EntryKind, ErrorStateMatcher>(
    ENTRY_KINDS.map((kind) => [kind, { isErrorState: () => this.fieldProblems().has(kind) }]),
  );
  /** The message under each field: its problem, else its warning. */
  protected readonly fieldErrors = computed(() => {
    const lang = this.lang();
    return new Map([...this.fieldProblems()].map(([kind, problem]) => [kind, problemMessage(problem, lang)] as const));
  });
  protected readonly fieldHints = computed(() => {
    const lang = this.lang();
    return new Map([...this.fieldWarnings()].map(([kind, warning]) => [kind, warningMessage(warning, lang)] as const));
  });

  private readonly confirmBox = viewChild(MatCheckbox);
  private readonly inputs = viewChildren(MatInput);

  constructor() {
    refreshErrorStatesOn(this.fieldProblems, this.inputs);
  }

  protected fieldId(kind: EntryKind): string {
    return `${this.baseId}-${kind}`;
  }

  protected label(kind: EntryKind): string {
    return VITALS[kind].label[this.lang()];
  }

  protected symbol(kind: EntryKind): string {
    return VITALS[kind].symbol;
  }

  protected text(kind: EntryKind): string {
    return this.texts()[kind] ?? '';
  }

  protected matcher(kind: EntryKind): ErrorStateMatcher {
    return this.matchers.get(kind)!;
  }

  protected labels(kinds: readonly EntryKind[]): string {
    return kinds.map((kind) => this.label(kind)).join(', ');
  }

  protected edit(kind: EntryKind, text: string): void {
    this.texts.update((texts) => ({ ...texts, [kind]: text }));
    // A confirmation covers the values seen: a changed value must be looked at again.
    this.confirmed.set(false);
    this.savedNotice.set(false);
  }

  protected leave(kind: EntryKind): void {
    this.shown.update((shown) => new Set([...shown, kind]));
    this.check.set(checkEntry(this.texts(), { requirePair: this.pairRequired() }));
  }

  protected choosePain(score: string): void {
    this.edit('pain-nrs', score);
    this.leave('pain-nrs');
  }

  protected async save(): Promise<void> {
    const user = this.user();
    if (!user || this.saving()) return;
    this.savedNotice.set(false);
    this.pairRequired.set(true);
    const check = checkEntry(this.texts(), { requirePair: true });
    this.check.set(check);
    this.shown.set(new Set(ENTRY_KINDS));
    if (check.empty) return this.refuse({ kind: 'nothing' }, () => this.focusField('systolic'));
    if (check.problems.length > 0) return this.refuse({ kind: 'problems' }, () => this.focusField(check.problems[0].kind));
    if (check.warnings.length > 0 && !this.confirmed()) return this.refuse({ kind: 'confirm' }, () => this.confirmBox()?.focus());

    const docs = buildObservations(check.values, {
      patient: this.patient(),
      visitId: this.visitId(),
      userId: user.id,
      now: this.clock(),
    });
    // The server's rules, run before any write: all the values are stored, or none.
    for (const doc of docs) {
      const reason = documentRuleProblem('observations', { ...doc, _id: doc.id });
      if (reason) return this.refuse({ kind: 'rule', reason }, () => this.focusField(entryKindsOf(doc)[0]));
    }

    this.alert.set(null);
    this.saving.set(true);
    const stored: ObservationDoc[] = [];
    const failed: ObservationDoc[] = [];
    let errorKey = '';
    try {
      for (const doc of docs) {
        try {
          stored.push(await this.writes.insert('observations', doc));
        } catch (err) {
          // LocalWrites throws AppError 'save-failed' (collection missing, id taken, storage full); the others are still tried.
          failed.push(doc);
          errorKey = errorMessageKey(err);
        }
      }
    } finally {
      this.saving.set(false);
    }
    if (stored.length > 0) this.saved.emit(stored);
    if (failed.length === 0) {
      this.reset();
      this.savedNotice.set(true);
      return;
    }
    // The stored values leave the form, the others stay: trying again does not store anything twice.
    const storedKinds = stored.flatMap(entryKindsOf);
    this.texts.update((texts) => {
      const kept = { ...texts };
      for (const kind of storedKinds) delete kept[kind];
      return kept;
    });
    this.check.set(checkEntry(this.texts(), { requirePair: true }));
    this.alert.set({ kind: 'write-failed', errorKey, failed: failed.flatMap(entryKindsOf), saved: storedKinds });
  }

  private refuse(alert: FormAlert, focus: () => void): void {
    this.alert.set(alert);
    afterNextRender({ write: focus }, { injector: this.injector });
  }

  private focusField(kind: EntryKind): void {
    this.host.nativeElement.querySelector<HTMLElement>(`[id="${this.fieldId(kind)}"]`)?.focus();
  }

  private reset(): void {
    this.texts.set({});
    this.confirmed.set(false);
    this.alert.set(null);
    this.check.set(EMPTY_CHECK);
    this.shown.set(new Set());
    this.pairRequired.set(false);
  }
}
