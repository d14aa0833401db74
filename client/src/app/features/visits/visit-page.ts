import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal, untracked } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { canWriteCollection, documentRuleProblem, type VisitDoc, type VisitTaskResult } from '@prossima/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { distinctUntilChanged, map, of, shareReplay, switchMap } from 'rxjs';
import { AuthSession } from '../../core/auth/auth-session';
import { CLOCK } from '../../core/clock';
import { LocalRecords } from '../../core/database/local-records';
import { errorMessageKey } from '../../core/errors/app-errors';
import { ShortDatePipe } from '../../core/i18n/format-pipes';
import { LanguageService } from '../../core/i18n/language';
import { AuditedPatch, LocalWrites } from '../../core/sync/local-writes';
import { AssessmentPicker } from '../assessments/assessment-picker';
import { PaiProposalField } from '../careplan/pai-proposal-field';
import { VisitTasksComponent } from '../careplan/visit-tasks';
import { MeasurePanelComponent } from '../devices/measure-panel';
import { VitalsFormComponent } from '../vitals/vitals-form';
import { activeCareplan, fullName, timeWindow, warningsOf } from './round';
import { closePatch, isOpen, missedPatch, progressPatch, startPatch, tasksWithoutOutcome } from './visit-lifecycle';
import { visitSummary } from './visit-report';

/**
 * A home visit, done on the tablet without network: warnings first; start it
 * (or record why it was missed); the PAI tasks due with their outcome, vital
 * signs, assessments, the note and a proposal for the PAI, saved locally as
 * she goes; then a summary to close it, and the printable report.
 */
@Component({
  selector: 'app-visit-page',
  imports: [
    RouterLink, MatFormField, MatLabel, MatInput, MatButton, TranslatePipe, ShortDatePipe,
    VisitTasksComponent, PaiProposalField, VitalsFormComponent, AssessmentPicker, MeasurePanelComponent,
  ],
  templateUrl: './visit-page.html',
  styleUrl: './visit-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitPage {
  /** The visit id (route parameter). */
  readonly id = input.required<string>();

  private readonly records = inject(LocalRecords);
  private readonly writes = inject(LocalWrites);
  private readonly clock = inject(CLOCK);
  private readonly user = inject(AuthSession).user;
  protected readonly lang = inject(LanguageService).current;
  protected readonly fullName = fullName;
  protected readonly timeWindow = timeWindow;

  /** The visit; `undefined` while loading, `null` when not on this device. */
  protected readonly visit = toSignal(toObservable(this.id).pipe(switchMap((id) => this.records.visit$(id))));
  private readonly patientId$ = toObservable(this.visit).pipe(
    map((visit) => visit?.patientId ?? null),
    distinctUntilChanged(),
    shareReplay({ bufferSize: 1, refCount: true }),
  );
  protected readonly patient = toSignal(this.patientId$.pipe(switchMap((id) => (id ? this.records.patient$(id) : of(null)))));
  private readonly careplans = toSignal(this.patientId$.pipe(switchMap((id) => (id ? this.records.careplansOfPatient$(id) : of([])))));
  private readonly assessments = toSignal(this.patientId$.pipe(switchMap((id) => (id ? this.records.assessmentsOfPatient$(id) : of([])))));
  private readonly observations = toSignal(this.patientId$.pipe(switchMap((id) => (id ? this.records.observationsOfPatient$(id) : of([])))));

  protected readonly careplan = computed(() => {
    const visit = this.visit();
    return visit ? activeCareplan(this.careplans() ?? [], visit.patientId) : null;
  });
  protected readonly warnings = computed(() => warningsOf(this.patient() ?? null));
  /** Only the visiting nurse (or a coordinator) records the visit; the server checks again. */
  protected readonly canEdit = computed(() => {
    const user = this.user();
    const visit = this.visit();
    if (!user || !visit || !canWriteCollection(user.role, 'visits')) return false;
    return user.role !== 'nurse' || visit.nurseId === user.id;
  });
  /** The visit can be worked on here: editable and not closed. */
  protected readonly open = computed(() => this.canEdit() && !!this.visit() && isOpen(this.visit()!));
  /** What was recorded in this visit, as the closing step and the report show it. */
  protected readonly summary = computed(() => {
    const visit = this.visit();
    if (!visit) return null;
    return visitSummary({ ...visit, note: this.draft(), taskResults: this.taskResults(), paiProposal: this.proposal() }, this.assessments() ?? [], this.observations() ?? []);
  });

  /** What the nurse is editing: taken from the visit when it loads, then hers (sync does not clobber typing). */
  protected readonly draft = linkedSignal({ source: () => this.visit()?.id, computation: () => untracked(this.visit)?.note ?? '' });
  protected readonly taskResults = linkedSignal<string | undefined, VisitTaskResult[]>({
    source: () => this.visit()?.id,
    computation: () => untracked(this.visit)?.taskResults ?? [],
  });
  protected readonly proposal = linkedSignal({ source: () => this.visit()?.id, computation: () => untracked(this.visit)?.paiProposal ?? '' });
  protected readonly tasksValid = signal(true);
  protected readonly triedSave = signal(false);

  protected readonly missedOpen = signal(false);
  protected readonly missedReason = signal('');
  protected readonly closing = signal(false);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  /** A message to show as it is (a rule's sentence, the tasks still without an outcome). */
  protected readonly errorText = signal<string | null>(null);

  protected edit(event: Event): void {
    this.draft.set((event.target as HTMLTextAreaElement).value);
    this.saved.set(false);
  }

  protected onResults(results: VisitTaskResult[]): void {
    this.taskResults.set(results);
    this.saved.set(false);
  }

  protected onProposal(text: string): void {
    this.proposal.set(text);
    this.saved.set(false);
  }

  protected start(): Promise<boolean> {
    return this.apply((visit, userId, now) => startPatch(visit, userId, now));
  }

  protected async markMissed(): Promise<void> {
    if (!this.missedReason().trim()) {
      this.errorKey.set('visit.missedReasonRequired');
      return;
    }
    if (await this.apply((_visit, userId, now) => missedPatch(this.missedReason(), userId, now))) this.missedOpen.set(false);
  }

  /** Saves what was recorded so far; the visit stays open. */
  protected async save(): Promise<boolean> {
    this.triedSave.set(true);
    if (!this.tasksValid()) {
      this.errorKey.set('visit.tasksIncomplete');
      return false;
    }
    const ok = await this.apply((visit, userId, now) =>
      progressPatch(visit, { note: this.draft(), taskResults: this.taskResults(), paiProposal: this.proposal() }, userId, now),
    );
    this.saved.set(ok);
    return ok;
  }

  /** Saves, then shows the summary to confirm, unless a due task still has no outcome. */
  protected async reviewClose(): Promise<void> {
    const visit = this.visit();
    if (!visit || !(await this.save())) return;
    const missing = tasksWithoutOutcome(visit, this.careplan(), this.taskResults());
    if (missing.length > 0) {
      this.errorText.set(`${this.lang() === 'it' ? 'Indica l’esito di' : 'Record the outcome of'}: ${missing.join(', ')}`);
      return;
    }
    this.closing.set(true);
  }

  protected async close(): Promise<void> {
    if (await this.apply((visit, userId, now) => closePatch(visit, userId, now))) this.closing.set(false);
  }

  /** Writes one lifecycle patch, checked locally with the rules the server applies. */
  private async apply(make: (visit: VisitDoc, userId: string, now: Date) => AuditedPatch<VisitDoc>): Promise<boolean> {
    const user = this.user();
    if (!user || this.busy()) return false;
    this.busy.set(true);
    this.errorKey.set(null);
    this.errorText.set(null);
    try {
      await this.writes.patch('visits', this.id(), (visit) => {
        const patch = make(visit, user.id, this.clock());
        const problem = documentRuleProblem('visits', { ...visit, ...patch, _id: visit.id } as Record<string, unknown>);
        if (problem) throw new RuleError(problem);
        return patch;
      });
      return true;
    } catch (err) {
      if (err instanceof RuleError) this.errorText.set(err.message);
      else if (err instanceof RangeError) this.errorKey.set('visit.missedReasonRequired');
      else this.errorKey.set(errorMessageKey(err));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}

/** A patch that breaks a document rule: nothing was written. */
class RuleError extends Error {
  override readonly name = 'RuleError';
}
