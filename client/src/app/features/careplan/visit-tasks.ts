import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, untracked } from '@angular/core';
import { type CareplanDoc, type TaskOutcome, type TaskOutcomeProblem, type VisitDoc, type VisitTaskResult } from '@prossima/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../core/i18n/language';
import { frequencyLabel } from './careplan-labels';
import { dueAtVisit, entriesFromResults, entryProblems, resultsFromEntries, TaskEntry } from './visit-tasks-state';

/**
 * The PAI tasks of a visit: the interventions due on the visit's date, each
 * with Fatto / Non fatto / Parzialmente, a reason (asked for, and required,
 * when not done or partly done) and an optional note. Embed it in the visit
 * page; the page saves the visit.
 *
 * Inputs:
 * - `visit: VisitDoc` (required): its date picks the due interventions, its
 *   `taskResults` give the starting state (reset when another visit is shown);
 * - `careplan: CareplanDoc | null` (required): the patient's active plan;
 * - `editable: boolean` (default false): radio choices and fields, or a read-only summary;
 * - `showErrors: boolean` (default false): show every missing reason at once
 *   (set it when a save is tried); otherwise a reason's error shows once its field was left.
 *
 * It renders its own `h2` ("Attività del PAI"): place it where a second-level section fits.
 *
 * Outputs (both on every change the nurse makes, not on first render):
 * - `resultsChange: VisitTaskResult[]`: the visit's `taskResults` to store
 *   (due interventions with an outcome, then earlier results of interventions no longer due);
 * - `validChange: boolean`: whether every chosen outcome passes `validateTaskOutcome`
 *   (false while a reason is missing: do not save then, the server would refuse the visit).
 */
@Component({
  selector: 'app-visit-tasks',
  imports: [TranslatePipe],
  templateUrl: './visit-tasks.html',
  styleUrl: './visit-tasks.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitTasksComponent {
  readonly visit = input.required<VisitDoc>();
  readonly careplan = input.required<CareplanDoc | null>();
  readonly editable = input(false);
  readonly showErrors = input(false);
  readonly resultsChange = output<VisitTaskResult[]>();
  readonly validChange = output<boolean>();

  protected readonly lang = inject(LanguageService).current;
  protected readonly outcomes: readonly { value: TaskOutcome; key: string }[] = [
    { value: 'done', key: 'careplan.tasks.done' },
    { value: 'not-done', key: 'careplan.tasks.notDone' },
    { value: 'partial', key: 'careplan.tasks.partial' },
  ];

  protected readonly due = computed(() => dueAtVisit(this.visit(), this.careplan()));
  /** Results the visit holds for interventions not due on its date (kept as they are). */
  protected readonly otherResults = computed(() => {
    const dueIds = new Set(this.due().map((d) => d.intervention.id));
    return (this.visit().taskResults ?? []).filter((result) => !dueIds.has(result.interventionId));
  });
  /** The nurse's entries; taken from the visit when another visit is shown, then left to the nurse (sync does not clobber typing). */
  private readonly entries = linkedSignal({
    source: () => this.visit().id,
    computation: () => entriesFromResults(untracked(this.visit).taskResults),
  });
  /** Reason fields the nurse has left (their errors show from then on). */
  private readonly left = linkedSignal<string, ReadonlySet<string>>({ source: () => this.visit().id, computation: () => new Set() });
  private readonly idPrefix = `tasks-${nextId++}`;

  protected entry(id: string): TaskEntry {
    return this.entries()[id] ?? { outcome: '', reason: '', note: '' };
  }

  protected frequency(index: number): string {
    return frequencyLabel(this.due()[index].intervention.frequency, this.lang());
  }

  protected needsReason(id: string): boolean {
    const outcome = this.entry(id).outcome;
    return outcome === 'not-done' || outcome === 'partial';
  }

  /** The first problem of a field, once it should be shown. */
  protected problem(id: string, field: TaskOutcomeProblem['field']): string | null {
    if (field === 'reason' && !this.showErrors() && !this.left().has(id)) return null;
    const found = entryProblems(id, this.entries()[id]).find((p) => p.field === field);
    return found ? found.message[this.lang()] : null;
  }

  protected outcomeKey(outcome: TaskOutcome | ''): string {
    return this.outcomes.find((o) => o.value === outcome)?.key ?? 'careplan.tasks.notRecorded';
  }

  /** An element id unique to this component instance. */
  protected fieldId(id: string, part: string): string {
    return `${this.idPrefix}-${id}-${part}`;
  }

  protected choose(id: string, outcome: TaskOutcome): void {
    this.update(id, { outcome });
  }

  protected type(id: string, field: 'reason' | 'note', event: Event): void {
    this.update(id, { [field]: (event.target as HTMLTextAreaElement).value });
  }

  protected leave(id: string): void {
    if (!this.left().has(id)) this.left.update((set) => new Set([...set, id]));
  }

  private update(id: string, change: Partial<TaskEntry>): void {
    this.entries.update((all) => ({ ...all, [id]: { ...this.entry(id), ...change } }));
    const entries = this.entries();
    const due = this.due();
    this.resultsChange.emit(resultsFromEntries(due, entries, this.visit().taskResults));
    this.validChange.emit(due.every((d) => entryProblems(d.intervention.id, entries[d.intervention.id]).length === 0));
  }
}

/** Instance counter for element ids (two task lists on one page must not share ids). */
let nextId = 0;
