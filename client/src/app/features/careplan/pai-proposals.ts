import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { VisitDoc } from '@prossima/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { ShortDatePipe } from '../../core/i18n/format-pipes';
import type { Language } from '../../core/i18n/language';

/**
 * The nurses' proposals to change a PAI, one per visit that carries one
 * (shown on the PAI page and beside the editor).
 *
 * Inputs: `visits` (already filtered and ordered, see `nurseProposals`);
 * `lang`; `currentUserId` (the signed-in nurse's own proposals say "tu").
 * No outputs. A `ul` of cards, with no heading of its own.
 */
@Component({
  selector: 'app-pai-proposals',
  imports: [RouterLink, TranslatePipe, ShortDatePipe],
  template: `
    @if (visits().length > 0) {
      <ul class="proposals plain-list">
        @for (visit of visits(); track visit.id) {
          <li class="card">
            <p class="proposal-head">
              <strong>{{ visit.date | shortDate: lang() }}</strong>
              <span>
                {{
                  'careplan.proposals.nurse'
                    | translate: { nurse: visit.nurseId === currentUserId() ? ('careplan.proposals.you' | translate) : visit.nurseId }
                }}
              </span>
              <a [routerLink]="['/visite', visit.id]">{{ 'careplan.proposals.openVisit' | translate }}</a>
            </p>
            <p class="proposal-text">{{ visit.paiProposal }}</p>
          </li>
        }
      </ul>
    } @else {
      <p>{{ 'careplan.proposals.none' | translate }}</p>
    }
  `,
  styles: `
    .proposals {
      display: grid;
      gap: 0.5rem;
    }

    .proposal-head {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      align-items: baseline;
      margin: 0 0 0.25rem;
    }

    .proposal-head a {
      display: inline-block;
      min-height: 48px;
      line-height: 48px;
    }

    .proposal-text {
      margin: 0;
      white-space: pre-wrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PaiProposals {
  readonly visits = input.required<readonly VisitDoc[]>();
  readonly lang = input<Language>('it');
  readonly currentUserId = input<string | null>(null);
}
