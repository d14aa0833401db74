import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { formatTime } from '../i18n/format';
import { LanguageService } from '../i18n/language';
import { SyncStatus } from './sync-status';

/**
 * The sync state, on every page, in a polite live region (`role="status"`):
 * online or offline, local changes not yet sent, the last successful sync,
 * the last error.
 */
@Component({
  selector: 'app-sync-status-bar',
  imports: [TranslatePipe],
  templateUrl: './sync-status-bar.html',
  styleUrl: './sync-status-bar.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SyncStatusBar {
  private readonly status = inject(SyncStatus);
  private readonly language = inject(LanguageService);

  protected readonly online = this.status.online;
  protected readonly firstSync = this.status.firstSync;
  protected readonly lastError = this.status.lastError;
  protected readonly pending = this.status.pendingCount;
  protected readonly pendingKey = computed(() => {
    const n = this.pending();
    return n === 0 ? 'status.pendingNone' : n === 1 ? 'status.pendingOne' : 'status.pendingMany';
  });
  protected readonly lastSyncTime = computed(() => {
    const at = this.status.lastSyncAt();
    return at ? formatTime(at, this.language.current()) : null;
  });
}
