import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { canWriteCollection, localDate } from '@prossima/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { switchMap } from 'rxjs';
import { AuthSession } from '../../core/auth/auth-session';
import { CLOCK } from '../../core/clock';
import { LocalRecords } from '../../core/database/local-records';
import { ShortDatePipe } from '../../core/i18n/format-pipes';
import { LanguageService } from '../../core/i18n/language';
import { CareplanDetails } from './careplan-details';
import { activeCareplan, dueOnDate, nurseProposals, otherCareplans } from './careplan-view';
import { PaiProposals } from './pai-proposals';

/** A patient's PAI: the active plan with what is due today, the nurses' proposals, the earlier plans. */
@Component({
  selector: 'app-careplan-page',
  imports: [RouterLink, TranslatePipe, ShortDatePipe, CareplanDetails, PaiProposals],
  templateUrl: './careplan-page.html',
  styleUrl: './careplan-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CareplanPage {
  /** The patient id (route parameter). */
  readonly patientId = input.required<string>();

  private readonly records = inject(LocalRecords);
  protected readonly user = inject(AuthSession).user;
  protected readonly lang = inject(LanguageService).current;
  /** Today's local date: what "due today" and "review overdue" are measured against. */
  protected readonly today = localDate(inject(CLOCK)());

  private readonly patientId$ = toObservable(this.patientId);
  /** `undefined` while loading, `null` when not on this device. */
  protected readonly patient = toSignal(this.patientId$.pipe(switchMap((id) => this.records.patient$(id))));
  private readonly plans = toSignal(this.patientId$.pipe(switchMap((id) => this.records.careplansOfPatient$(id))));
  private readonly visits = toSignal(this.patientId$.pipe(switchMap((id) => this.records.visitsOfPatient$(id))), { initialValue: [] });

  protected readonly loading = computed(() => this.plans() === undefined);
  /** A patient account reads its own plan only (its database holds nothing else; this keeps a typed URL honest too). */
  protected readonly allowed = computed(() => {
    const user = this.user();
    return user?.role !== 'patient' || user.patientId === this.patientId();
  });
  protected readonly active = computed(() => activeCareplan(this.plans() ?? []));
  protected readonly others = computed(() => otherCareplans(this.plans() ?? [], this.active()?.id ?? null));
  protected readonly dueToday = computed(() => {
    const plan = this.active();
    return plan ? dueOnDate(plan, this.today) : new Map<string, number>();
  });
  /** District nurses and coordinators write PAIs (the server checks again). */
  protected readonly canEdit = computed(() => {
    const role = this.user()?.role;
    return role !== undefined && canWriteCollection(role, 'careplans');
  });
  /** The staff who care for the patient see the nurses' proposals; the patient does not. */
  protected readonly showProposals = computed(() => {
    const role = this.user()?.role;
    return role === 'nurse' || role === 'district-nurse' || role === 'coordinator';
  });
  protected readonly proposals = computed(() => nurseProposals(this.visits()));
}
