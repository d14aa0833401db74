import { ChangeDetectionStrategy, Component, input, linkedSignal, output } from '@angular/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';

/** Longest proposal the visit schema accepts (`visits.paiProposal`). */
export const PAI_PROPOSAL_MAX_LENGTH = 2000;

/**
 * The nurse's proposal to change the PAI, typed at the visit ("Proposta di
 * modifica del PAI"); the district nurse or coordinator reads it on the PAI page.
 * Embed it in the visit page; the page stores it in `visit.paiProposal` when
 * it saves the visit.
 *
 * Inputs: `proposal: string | undefined` (the visit's current proposal; the
 * field follows it until the nurse types); `disabled: boolean` (default false).
 * Output: `proposalChange: string` on every keystroke, as typed (an empty or
 * blank string means "no proposal": store `undefined` then).
 */
@Component({
  selector: 'app-pai-proposal-field',
  imports: [MatFormField, MatLabel, MatInput, MatHint, TranslatePipe],
  template: `
    <mat-form-field appearance="outline" class="proposal">
      <mat-label>{{ 'careplan.proposalField.label' | translate }}</mat-label>
      <textarea
        matInput
        rows="4"
        [attr.maxlength]="maxLength"
        [value]="text()"
        [disabled]="disabled()"
        (input)="type($event)"
      ></textarea>
      <mat-hint>{{ 'careplan.proposalField.hint' | translate }}</mat-hint>
      <mat-hint align="end">{{ text().length }}/{{ maxLength }}</mat-hint>
    </mat-form-field>
  `,
  styles: `
    .proposal {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PaiProposalField {
  readonly proposal = input<string | undefined>(undefined);
  readonly disabled = input(false);
  readonly proposalChange = output<string>();

  protected readonly maxLength = PAI_PROPOSAL_MAX_LENGTH;
  /** What the field shows: the input's value until the nurse types. */
  protected readonly text = linkedSignal(() => this.proposal() ?? '');

  protected type(event: Event): void {
    const value = (event.target as HTMLTextAreaElement).value;
    this.text.set(value);
    this.proposalChange.emit(value);
  }
}
