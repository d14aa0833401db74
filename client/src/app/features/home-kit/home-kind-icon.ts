import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { HomeKind } from './home-kinds';

/**
 * The picture of a home measurement, drawn inline (no icon font to download:
 * it shows offline) in the text colour, so it keeps the button's contrast.
 * Decorative: the word beside it is the button's name. Input: `kind`.
 */
@Component({
  selector: 'app-home-kind-icon',
  template: `
    <svg viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false"
         fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round">
      @switch (kind()) {
        @case ('pressione') {
          <circle cx="24" cy="26" r="16" />
          <path d="M24 26l8-8M14 26h3M31 26h3M24 16v3" />
          <path d="M18 42h12" />
        }
        @case ('ossigeno') {
          <path d="M24 5C24 5 10 21 10 30a14 14 0 0 0 28 0C38 21 24 5 24 5z" />
          <path d="M18 31a6 6 0 0 0 6 6" />
        }
        @case ('temperatura') {
          <path d="M20 8a4 4 0 0 1 8 0v21a9 9 0 1 1-8 0z" />
          <path d="M24 14v18" />
          <circle cx="24" cy="36" r="3" />
        }
        @case ('ecg') {
          <path d="M3 26h10l4-10 6 22 5-16 3 4h14" />
        }
        @case ('spirometria') {
          <path d="M5 18h23a5 5 0 1 0-5-5" />
          <path d="M5 26h31a5 5 0 1 1-5 5" />
          <path d="M5 34h15" />
        }
        @case ('peso') {
          <rect x="7" y="9" width="34" height="32" rx="5" />
          <path d="M16 20a8 8 0 0 1 16 0z" />
          <path d="M24 20l3-4" />
        }
      }
    </svg>
  `,
  styles: `
    :host {
      display: inline-flex;
      flex: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomeKindIcon {
  /** Which measurement to draw. */
  readonly kind = input.required<HomeKind>();
}
