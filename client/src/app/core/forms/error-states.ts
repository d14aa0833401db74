import { afterRenderEffect, Signal } from '@angular/core';
import type { MatInput } from '@angular/material/input';

/**
 * Material inputs re-read their ErrorStateMatcher by themselves only under a
 * forms directive (ngControl). For fields bound to signals, this asks every
 * input again after each render in which `problems` changed, so the error
 * text, `aria-invalid` and `aria-describedby` follow. Call it in a constructor.
 */
export function refreshErrorStatesOn(problems: () => unknown, inputs: Signal<readonly MatInput[]>): void {
  afterRenderEffect({
    write: () => {
      problems();
      for (const input of inputs()) input.updateErrorState();
    },
  });
}
