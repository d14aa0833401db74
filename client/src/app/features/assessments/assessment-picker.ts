import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../core/i18n/language';
import { offeredInstruments } from './assessment-record';

/**
 * The instruments a nurse may fill, as large links to the assessment form;
 * for the visit page ("Valutazioni" of a visit) and anywhere a new assessment starts.
 *
 * Inputs: `patientId` (required); `visitId` (optional: the result is linked to
 * that visit, and saving returns to it). No outputs: each link navigates to
 * `/pazienti/:patientId/valutazioni/nuova/:instrumentId[?visita=visitId]`.
 * The host page gives it a heading; the list is a `nav` named "Nuova valutazione".
 */
@Component({
  selector: 'app-assessment-picker',
  imports: [RouterLink, TranslatePipe],
  template: `
    <nav [attr.aria-label]="'assessments.picker.label' | translate">
      <ul class="picker plain-list">
        @for (instrument of instruments; track instrument.id) {
          <li>
            <a
              class="pick"
              [routerLink]="['/pazienti', patientId(), 'valutazioni', 'nuova', instrument.id]"
              [queryParams]="visitId() ? { visita: visitId() } : {}"
              >{{ instrument.title[lang()] }}</a
            >
          </li>
        }
      </ul>
    </nav>
  `,
  styles: `
    .picker {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
      gap: 0.5rem;
    }
    .pick {
      display: flex;
      align-items: center;
      min-height: 56px;
      height: 100%;
      padding: 0.5rem 1rem;
      border: 2px solid #0066cc;
      border-radius: 8px;
      color: #004d99;
      font-weight: 700;
      text-decoration: none;
      overflow-wrap: anywhere;
    }
    .pick:hover {
      background: #e8f1fa;
      text-decoration: underline;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssessmentPicker {
  /** The patient to assess. */
  readonly patientId = input.required<string>();
  /** The visit the result belongs to, if any. */
  readonly visitId = input<string | null | undefined>();

  protected readonly lang = inject(LanguageService).current;
  protected readonly instruments = offeredInstruments();
}
