import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { of, switchMap } from 'rxjs';
import { AuthSession } from '../../core/auth/auth-session';
import { CLOCK } from '../../core/clock';
import { LocalRecords } from '../../core/database/local-records';
import { greetingKey, HOME_TIME_ZONE } from './home-format';
import { HomeHistory } from './home-history';
import { HomeKindIcon } from './home-kind-icon';
import { HOME_KINDS } from './home-kinds';

/**
 * The patient's home screen (`/casa`, role patient): a greeting by name, six
 * very large buttons, one per measurement of the home kit, each opening its
 * guided flow; then the patient's own history. Reads the local database only,
 * so it works offline.
 */
@Component({
  selector: 'app-home-kit-page',
  imports: [RouterLink, TranslatePipe, HomeKindIcon, HomeHistory],
  templateUrl: './home-kit-page.html',
  styleUrl: './home-kit-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomeKitPage {
  private readonly records = inject(LocalRecords);
  private readonly user = inject(AuthSession).user;
  protected readonly kinds = HOME_KINDS;
  protected readonly greeting = greetingKey(inject(CLOCK)(), inject(HOME_TIME_ZONE));

  /** The patient document the signed-in account is (`null` for an account without one). */
  private readonly patientId = computed(() => this.user()?.patientId ?? null);
  private readonly patientId$ = toObservable(this.patientId);
  /** `undefined` while loading, `null` when not on this device. */
  protected readonly patient = toSignal(this.patientId$.pipe(switchMap((id) => (id ? this.records.patient$(id) : of(null)))));
  protected readonly observations = toSignal(this.patientId$.pipe(switchMap((id) => (id ? this.records.observationsOfPatient$(id) : of([])))));
  protected readonly hasPatient = computed(() => this.patientId() !== null);
}
