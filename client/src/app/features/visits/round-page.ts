import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { localDate } from '@prossima/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { switchMap } from 'rxjs';
import { AuthSession } from '../../core/auth/auth-session';
import { CLOCK } from '../../core/clock';
import { LocalRecords } from '../../core/database/local-records';
import { addDays } from '../../core/i18n/format';
import { LongDatePipe } from '../../core/i18n/format-pipes';
import { LanguageService } from '../../core/i18n/language';
import { buildRound, fullName, timeWindow } from './round';

/** The nurse's round for today (`/oggi`) or tomorrow (`/domani`), from the local database. */
@Component({
  selector: 'app-round-page',
  imports: [RouterLink, TranslatePipe, LongDatePipe],
  templateUrl: './round-page.html',
  styleUrl: './round-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoundPage {
  /** 0 for today, 1 for tomorrow (route data). */
  readonly dayOffset = input(0);

  private readonly records = inject(LocalRecords);
  private readonly user = inject(AuthSession).user;
  private readonly clock = inject(CLOCK);
  protected readonly lang = inject(LanguageService).current;
  protected readonly fullName = fullName;
  protected readonly timeWindow = timeWindow;

  protected readonly date = computed(() => addDays(localDate(this.clock()), this.dayOffset()));
  private readonly visits = toSignal(toObservable(this.date).pipe(switchMap((date) => this.records.visitsOn$(date))));
  private readonly patients = toSignal(this.records.patients$());
  private readonly careplans = toSignal(this.records.activeCareplans$());

  /** The stops in order; `undefined` while the local database is opening. */
  protected readonly round = computed(() => {
    const visits = this.visits();
    const patients = this.patients();
    const user = this.user();
    if (visits === undefined || patients === undefined || !user) return undefined;
    return buildRound(visits, patients, user.id, this.date(), this.careplans() ?? []);
  });
}
