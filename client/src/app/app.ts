import { ChangeDetectionStrategy, Component, DOCUMENT, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AppHeader } from './core/layout/app-header';

/** The page frame: skip link, banner (with navigation and sync status), main content. */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet, TranslatePipe, AppHeader],
  template: `
    <a class="skip-link" href="#main" (click)="skipToMain($event)">{{ 'a11y.skipToContent' | translate }}</a>
    <app-header />
    <main id="main" tabindex="-1">
      <router-outlet />
    </main>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  private readonly document = inject(DOCUMENT);

  /** With `<base href="/">` a bare `#main` link would leave the page: move the focus by hand. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.document.getElementById('main')?.focus();
  }
}
