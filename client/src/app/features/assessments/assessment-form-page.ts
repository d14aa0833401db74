import { ChangeDetectionStrategy, Component, computed, DOCUMENT, effect, inject, input, signal, untracked } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  canWriteCollection,
  documentRuleProblem,
  InstrumentAnswerError,
  InstrumentConfigError,
  runningScore,
  scoreInstrument,
  type InstrumentItem,
  type InstrumentScore,
} from '@prossima/domain';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { switchMap } from 'rxjs';
import { AuthSession } from '../../core/auth/auth-session';
import { CLOCK } from '../../core/clock';
import { LocalRecords } from '../../core/database/local-records';
import { errorMessageKey } from '../../core/errors/app-errors';
import { TimeOfDayPipe } from '../../core/i18n/format-pipes';
import { LanguageService } from '../../core/i18n/language';
import { LocalWrites } from '../../core/sync/local-writes';
import { fullName } from '../visits/round';
import { AssessmentDrafts, DraftKey } from './assessment-drafts';
import { applicableItems, buildAssessment, cleanAnswers, isRequired, newAssessmentId, offeredInstrument } from './assessment-record';

/**
 * "Nuova valutazione": any instrument of the domain engine rendered from its
 * definition, one fieldset per item, the running score always in view. Every
 * answer is kept as a sealed draft at once; saving scores the answers with the
 * engine, checks the document rule the server applies and inserts an
 * append-only `AssessmentDoc` locally.
 */
@Component({
  selector: 'app-assessment-form-page',
  imports: [RouterLink, MatButton, TranslatePipe, TimeOfDayPipe],
  templateUrl: './assessment-form-page.html',
  styleUrl: './assessment-form-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssessmentFormPage {
  /** The patient id (route parameter). */
  readonly patientId = input.required<string>();
  /** The instrument id (route parameter). */
  readonly instrumentId = input.required<string>();
  /** The visit the result belongs to (query parameter `visita`), if any. */
  readonly visita = input<string | undefined>();

  private readonly records = inject(LocalRecords);
  private readonly writes = inject(LocalWrites);
  private readonly drafts = inject(AssessmentDrafts);
  private readonly clock = inject(CLOCK);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly document = inject(DOCUMENT);
  protected readonly user = inject(AuthSession).user;
  protected readonly lang = inject(LanguageService).current;
  protected readonly fullName = fullName;
  protected readonly isRequired = isRequired;

  /** The instrument, when it is offered (licensed ones need an administrator's consent). */
  protected readonly definition = computed(() => offeredInstrument(this.instrumentId()));
  /** `undefined` while loading, `null` when not on this device. */
  protected readonly patient = toSignal(toObservable(this.patientId).pipe(switchMap((id) => this.records.patient$(id))));
  protected readonly canWrite = computed(() => {
    const user = this.user();
    return !!user && canWriteCollection(user.role, 'assessments');
  });

  /** Item id → chosen option value; answers to items that stop applying are dropped as they hide. */
  protected readonly answers = signal<Record<string, string>>({});
  protected readonly items = computed(() => {
    const definition = this.definition();
    return definition ? applicableItems(definition, this.answers()) : [];
  });
  protected readonly score = computed<InstrumentScore | null>(() => {
    const definition = this.definition();
    return definition ? runningScore(definition, this.answers()) : null;
  });
  protected readonly requiredCount = computed(() => this.items().filter(isRequired).length);
  protected readonly answeredRequired = computed(() => this.requiredCount() - (this.score()?.missing.length ?? 0));
  protected readonly convention = computed(() => {
    const definition = this.definition();
    const id = this.score()?.convention;
    return definition?.conventions.find((c) => c.id === id);
  });

  /** Items the last save attempt found unanswered (cleared as they get answers). */
  protected readonly missing = signal<readonly string[]>([]);
  protected readonly missingItems = computed(() => {
    const shown = new Map(this.items().map((item) => [item.id, item]));
    return this.missing()
      .map((id) => shown.get(id))
      .filter((item): item is InstrumentItem => item !== undefined && this.answers()[item.id] === undefined);
  });
  protected readonly ruleProblem = signal<string | null>(null);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly saving = signal(false);

  /** When the restored draft was written, while its note is shown. */
  protected readonly restoredAt = signal<string | null>(null);
  /** When this form's draft was last written. */
  protected readonly draftSavedAt = signal<string | null>(null);
  protected readonly draftFailed = signal(false);

  private readonly draftKey = computed<DraftKey | null>(() => {
    const user = this.user();
    const definition = this.definition();
    if (!user || !definition) return null;
    return { userId: user.id, patientId: this.patientId(), instrumentId: definition.id, visitId: this.visita() || null };
    // The same form stays the same key (a refreshed session brings a new but equal user object).
  }, { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) });

  constructor() {
    // A new form (first open, or the route reused for another instrument): start empty, then bring back its draft.
    effect(() => {
      const key = this.draftKey();
      untracked(() => {
        this.answers.set({});
        this.missing.set([]);
        this.restoredAt.set(null);
        this.draftSavedAt.set(null);
        if (key) void this.restoreDraft(key);
      });
    });
  }

  protected choose(itemId: string, value: string): void {
    const definition = this.definition();
    if (!definition) return;
    this.answers.set(cleanAnswers(definition, { ...this.answers(), [itemId]: value }));
    this.ruleProblem.set(null);
    this.errorKey.set(null);
    void this.saveDraft();
  }

  /** "Ricomincia": the draft is discarded and the form is empty again. */
  protected async startAgain(): Promise<void> {
    const key = this.draftKey();
    this.answers.set({});
    this.missing.set([]);
    this.restoredAt.set(null);
    this.draftSavedAt.set(null);
    if (key) await this.drafts.discard(key);
  }

  protected fieldsetId(item: InstrumentItem): string {
    return `asm-item-${item.id}`;
  }

  protected isMissing(itemId: string): boolean {
    return this.missingItems().some((item) => item.id === itemId);
  }

  /** Moves focus to the first answer of an item (from the list of missing items). */
  protected focusItem(itemId: string): void {
    const fieldset = this.document.getElementById(`asm-item-${itemId}`);
    const first = fieldset?.querySelector<HTMLInputElement>('input:checked') ?? fieldset?.querySelector<HTMLInputElement>('input');
    first?.focus();
    fieldset?.scrollIntoView?.({ block: 'start' });
  }

  protected async save(): Promise<void> {
    const definition = this.definition();
    const user = this.user();
    const patient = this.patient();
    const key = this.draftKey();
    if (!definition || !user || !patient || !key || this.saving()) return;
    this.ruleProblem.set(null);
    this.errorKey.set(null);

    let score: InstrumentScore;
    try {
      score = scoreInstrument(definition, this.answers());
    } catch (error) {
      if (error instanceof InstrumentAnswerError && error.code === 'missing-answer') {
        this.missing.set(error.itemIds);
        this.focusItem(error.itemIds[0]);
        return;
      }
      if (error instanceof InstrumentAnswerError || error instanceof InstrumentConfigError) {
        this.ruleProblem.set(error.message);
        return;
      }
      throw error;
    }
    this.missing.set([]);

    const now = this.clock();
    const doc = buildAssessment({
      id: newAssessmentId(patient.id, now, Math.random().toString(36).slice(2, 8)),
      patient,
      definition,
      answers: this.answers(),
      score,
      userId: user.id,
      now,
      visitId: this.visita(),
    });
    // The server refuses a document that breaks this rule: say so now, offline, rather than at sync.
    const problem = documentRuleProblem('assessments', { ...doc, _id: doc.id });
    if (problem) {
      this.ruleProblem.set(problem);
      return;
    }

    this.saving.set(true);
    try {
      await this.writes.insert('assessments', doc);
    } catch (error) {
      this.errorKey.set(errorMessageKey(error));
      this.saving.set(false);
      return;
    }
    await this.drafts.discard(key);
    this.saving.set(false);
    const visit = this.visita();
    await this.router.navigate(visit ? ['/visite', visit] : ['/pazienti', patient.id, 'valutazioni']);
    const band = score.band?.label[this.lang()];
    const message = this.translate.instant(band ? 'assessments.form.savedBand' : 'assessments.form.saved', {
      title: definition.title[this.lang()],
      total: score.total,
      band,
    }) as string;
    this.snackBar.open(message, undefined, { duration: 8000, politeness: 'polite' });
  }

  private async restoreDraft(key: DraftKey): Promise<void> {
    const definition = this.definition();
    if (!definition) return;
    try {
      const draft = await this.drafts.load(key);
      // Only into the form it belongs to, and never over answers given while it was loading.
      if (!draft || this.draftKey() !== key || Object.keys(this.answers()).length > 0) return;
      const answers = cleanAnswers(definition, draft.answers);
      if (Object.keys(answers).length === 0) return;
      this.answers.set(answers);
      this.restoredAt.set(draft.savedAt);
      this.draftSavedAt.set(draft.savedAt);
    } catch (error) {
      // The data key is locked or storage unreadable: the nurse must know the form is not being kept.
      if (error instanceof Error) this.draftFailed.set(true);
      else throw error;
    }
  }

  private async saveDraft(): Promise<void> {
    const key = this.draftKey();
    if (!key) return;
    try {
      const draft = await this.drafts.save(key, this.answers());
      this.draftSavedAt.set(draft.savedAt);
      this.draftFailed.set(false);
    } catch (error) {
      // Locked data key or full storage (DOMException is an Error): warn, the answers stay in the form.
      if (error instanceof Error) this.draftFailed.set(true);
      else throw error;
    }
  }
}
