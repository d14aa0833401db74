import { ChangeDetectionStrategy, Component, DOCUMENT, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { SwUpdate, VersionReadyEvent } from '@angular/service-worker';
import { TranslatePipe } from '@ngx-translate/core';
import { filter } from 'rxjs';

/** "Nuova versione disponibile — Aggiorna": shown when the service worker has a new version ready. */
@Component({
  selector: 'app-update-prompt',
  imports: [TranslatePipe],
  template: `
    <div class="update" aria-live="polite">
      @if (state() !== 'none') {
        <div class="update-box">
          <p>{{ (state() === 'ready' ? 'update.available' : 'update.broken') | translate }}</p>
          <button type="button" class="update-button" (click)="reload()">{{ 'update.reload' | translate }}</button>
        </div>
      }
    </div>
  `,
  styleUrl: './update-prompt.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UpdatePrompt {
  private readonly updates = inject(SwUpdate);
  private readonly document = inject(DOCUMENT);
  protected readonly state = signal<'none' | 'ready' | 'broken'>('none');

  constructor() {
    if (!this.updates.isEnabled) return;
    this.updates.versionUpdates
      .pipe(
        filter((event): event is VersionReadyEvent => event.type === 'VERSION_READY'),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.state.set('ready'));
    this.updates.unrecoverable.pipe(takeUntilDestroyed()).subscribe(() => this.state.set('broken'));
  }

  protected async reload(): Promise<void> {
    if (this.state() === 'ready') {
      try {
        await this.updates.activateUpdate();
      } catch (err) {
        // Reloading loads the new version anyway; the activation only saves a round trip.
        console.warn('Service worker update activation failed', err);
      }
    }
    this.document.location.reload();
  }
}
