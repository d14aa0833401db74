import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { AbstractControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import type { Language } from '../../core/i18n/language';
import { fieldError, FieldError, InterventionForm, LIMITS, shownError } from './careplan-form';
import { ISO_WEEKDAYS, isKnownResponsibleRole, RESPONSIBLE_ROLES, weekdayLong } from './careplan-labels';

/**
 * One intervention of the PAI editor: label, frequency (the kind, then the
 * field that kind needs), responsible role, minutes, dates, notes.
 *
 * Inputs: `group` (the row's form group, owned by the editor), `index`
 * (0-based, for the legend and the ids), `lang`, `saveAttempts`. Output: `remove` (the user
 * asked to drop the row). Errors show once a field was left or a save was tried.
 */
@Component({
  selector: 'app-intervention-row',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatHint, MatButton, TranslatePipe],
  templateUrl: './intervention-row.html',
  styleUrl: './careplan-editor-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InterventionRow {
  readonly group = input.required<InterventionForm>();
  readonly index = input.required<number>();
  readonly lang = input<Language>('it');
  /**
   * How many times a save was tried: the editor marks every field touched
   * then, and this changing input is what re-renders this OnPush row so its
   * errors appear.
   */
  readonly saveAttempts = input(0);
  readonly remove = output<void>();

  protected readonly limits = LIMITS;
  protected readonly weekdays = ISO_WEEKDAYS;
  protected readonly kinds = ['daily', 'weekly', 'every-n-days', 'weekdays'] as const;
  protected readonly prefix = computed(() => `iv-${this.index()}`);
  /** The known roles, and the stored one when it is another code (so editing does not change it silently). */
  protected readonly roles = computed(() => {
    const current = this.group().controls.responsibleRole.value;
    const known: readonly string[] = RESPONSIBLE_ROLES;
    return current && !isKnownResponsibleRole(current) ? [...known, current] : known;
  });

  protected weekdayName(day: number): string {
    return weekdayLong(day, this.lang());
  }

  protected roleKey(code: string): string | null {
    return isKnownResponsibleRole(code) ? `careplan.roles.${code}` : null;
  }

  protected error(control: AbstractControl): FieldError | null {
    return fieldError(control.errors);
  }

  /** The weekdays error, shown outside a form field (a group of checkboxes). */
  protected weekdaysError(): FieldError | null {
    return shownError(this.group().controls.weekdays);
  }
}
