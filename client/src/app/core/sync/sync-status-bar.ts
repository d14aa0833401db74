import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { formatCount, formatTime } from '../i18n/format';
import { LanguageService } from '../i18n/language';
import { SyncRefusals, type RefusedChange } from './sync-refusals';
import { SyncStatus } from './sync-status';

/**
 * The sync state, on every page, in a polite live region (`role="status"`):
 * online or offline, local changes not yet sent, the last successful sync,
 * the first sync's progress, the changes the server refused (each with the
 * document and the server's reason), the last error.
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
  private readonly refusals = inject(SyncRefusals);
  private readonly language = inject(LanguageService);

  protected readonly online = this.status.online;
  protected readonly firstSync = this.status.firstSync;
  protected readonly lastError = this.status.lastError;
  protected readonly pending = this.status.pendingCount;
  protected readonly refused = this.status.refused;
  protected readonly pendingKey = computed(() => {
    const n = this.pending();
    return n === 0 ? 'status.pendingNone' : n === 1 ? 'status.pendingOne' : 'status.pendingMany';
  });
  protected readonly lastSyncTime = computed(() => {
    const at = this.status.lastSyncAt();
    return at ? formatTime(at, this.language.current()) : null;
  });
  /** "1.200 / 20.000" while the first sync's total is known. */
  protected readonly progress = computed(() => {
    const p = this.status.progress();
    if (!p) return null;
    const lang = this.language.current();
    return { done: formatCount(Math.min(p.done, p.total), lang), total: formatCount(p.total, lang) };
  });

  protected dismiss(change: RefusedChange): void {
    this.refusals.dismiss(change.collection, change.id);
  }
}
