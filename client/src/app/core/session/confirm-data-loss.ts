import { inject, InjectionToken, Injector } from '@angular/core';

/** What the user is asked before local changes that were never sent are deleted. */
export interface DataLossQuestion {
  /** How many documents have unsent changes. */
  count: number;
  /** Translation key of the dialog's title. */
  titleKey: string;
  /** Translation key of the button that goes ahead (the other one is "Annulla"). */
  confirmKey: string;
}

/** Asks the user to confirm losing unsent changes; resolves true to go ahead. */
export type ConfirmDataLoss = (question: DataLossQuestion) => Promise<boolean>;

/**
 * The confirmation dialog (Angular Material, loaded with import() when first
 * needed, so the dialog code is not in the initial bundle). Tests provide
 * their own answer.
 */
export const CONFIRM_DATA_LOSS = new InjectionToken<ConfirmDataLoss>('CONFIRM_DATA_LOSS', {
  providedIn: 'root',
  factory: () => {
    const injector = inject(Injector);
    return async (question) => {
      const { openDataLossDialog } = await import('./data-loss-dialog');
      return openDataLossDialog(injector, question);
    };
  },
});
