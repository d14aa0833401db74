import { ChangeDetectionStrategy, Component, inject, Injector } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import type { DataLossQuestion } from './confirm-data-loss';

/**
 * "N modifiche non ancora inviate andranno perse": an alert dialog with
 * "Annulla" (focused first: the safe choice) and the button that goes ahead.
 */
@Component({
  selector: 'app-data-loss-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ question.titleKey | translate }}</h2>
    <mat-dialog-content>
      <p id="data-loss-text">{{ (question.count === 1 ? 'dataLoss.one' : 'dataLoss.many') | translate: { count: question.count } }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-stroked-button type="button" [mat-dialog-close]="false">{{ 'dataLoss.cancel' | translate }}</button>
      <button mat-flat-button type="button" class="danger" [mat-dialog-close]="true">{{ question.confirmKey | translate }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    @use '../../../styles/tokens' as t;

    .danger {
      --mat-button-filled-container-color: #{t.$danger};
      --mat-button-filled-label-text-color: #fff;
    }
    button {
      min-height: 44px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DataLossDialog {
  protected readonly question = inject<DataLossQuestion>(MAT_DIALOG_DATA);
}

/** Opens the dialog; resolves true when the user confirms, false when they cancel or dismiss it. */
export async function openDataLossDialog(injector: Injector, question: DataLossQuestion): Promise<boolean> {
  const ref = injector.get(MatDialog).open<DataLossDialog, DataLossQuestion, boolean>(DataLossDialog, {
    data: question,
    role: 'alertdialog',
    ariaDescribedBy: 'data-loss-text',
    // The first button, "Annulla": Enter must not destroy anything.
    autoFocus: 'first-tabbable',
    restoreFocus: true,
    maxWidth: '32rem',
  });
  return (await firstValueFrom(ref.afterClosed())) === true;
}
