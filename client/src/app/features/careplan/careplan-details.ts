import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { CareplanDoc, CareplanIntervention } from '@prossima/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { ShortDatePipe } from '../../core/i18n/format-pipes';
import type { Language } from '../../core/i18n/language';
import { frequencyLabel, isKnownResponsibleRole, needLabel, targetLevelLabel } from './careplan-labels';
import { isReviewOverdue } from './careplan-view';

/**
 * One PAI shown read-only: header, needs, goals, interventions (used by the
 * PAI page for the active plan and for each earlier one).
 *
 * Inputs: `plan` (required); `today` (`YYYY-MM-DD`, for the overdue review
 * warning); `lang`; `dueToday` (intervention id → times due today; badges
 * shown only for the ids present); `currentUserId` and `currentUserName`
 * (the case manager is named when it is the signed-in user). No outputs.
 * Its sections use `h3` headings: place it under an `h2`.
 */
@Component({
  selector: 'app-careplan-details',
  imports: [TranslatePipe, ShortDatePipe],
  templateUrl: './careplan-details.html',
  styleUrl: './careplan-details.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CareplanDetails {
  readonly plan = input.required<CareplanDoc>();
  readonly today = input.required<string>();
  readonly lang = input<Language>('it');
  readonly dueToday = input<ReadonlyMap<string, number>>(new Map());
  readonly currentUserId = input<string | null>(null);
  readonly currentUserName = input<string>('');

  protected readonly overdue = computed(() => isReviewOverdue(this.plan(), this.today()));
  protected readonly needs = computed(() => this.plan().needs.map((need) => ({ code: need.code, label: needLabel(need, this.lang()) })));
  protected readonly targetLevel = computed(() => {
    const level = this.plan().targetLevel;
    return level ? targetLevelLabel(level, this.lang()) : null;
  });

  protected frequency(intervention: CareplanIntervention): string {
    return frequencyLabel(intervention.frequency, this.lang());
  }

  protected roleKey(code: string): string | null {
    return isKnownResponsibleRole(code) ? `careplan.roles.${code}` : null;
  }
}
