import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthSession } from '../auth/auth-session';
import { DataKeyVault } from '../auth/data-key-vault';
import { homeUrl } from '../auth/home-route';
import { LanguageService } from '../i18n/language';
import { UpdatePrompt } from '../pwa/update-prompt';
import { SessionLifecycle } from '../session/session-lifecycle';
import { SyncStatusBar } from '../sync/sync-status-bar';

/** A link of the main navigation. */
interface NavLink {
  path: string;
  labelKey: string;
}

/**
 * The banner on every page: app name, the user, the language switch, sign
 * out, the navigation for the role, the update prompt and the sync status.
 */
@Component({
  selector: 'app-header',
  imports: [RouterLink, RouterLinkActive, TranslatePipe, SyncStatusBar, UpdatePrompt],
  templateUrl: './app-header.html',
  styleUrl: './app-header.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppHeader {
  private readonly auth = inject(AuthSession);
  private readonly lifecycle = inject(SessionLifecycle);
  private readonly vault = inject(DataKeyVault);
  protected readonly language = inject(LanguageService);
  protected readonly user = this.auth.user;
  protected readonly signingOut = this.lifecycle.signingOut;
  protected readonly home = computed(() => {
    const user = this.user();
    return user ? homeUrl(user) : '/login';
  });
  protected readonly links = computed<NavLink[]>(() => {
    const user = this.user();
    // Locked (the "Sblocca" page): no page opens before the key does.
    if (user && this.vault.key()?.userId !== user.id) return [];
    switch (user?.role) {
      case 'nurse':
        return [
          { path: '/oggi', labelKey: 'nav.today' },
          { path: '/domani', labelKey: 'nav.tomorrow' },
          { path: '/pazienti', labelKey: 'nav.patients' },
          { path: '/dispositivi', labelKey: 'nav.devices' },
        ];
      case 'district-nurse':
        return [{ path: '/pazienti', labelKey: 'nav.patients' }];
      case 'coordinator':
        return [
          { path: '/pazienti', labelKey: 'nav.patients' },
          { path: '/conflitti', labelKey: 'nav.conflicts' },
        ];
      case 'patient':
        return [
          { path: homeUrl(user), labelKey: 'nav.myMeasurements' },
          ...(user.patientId ? [{ path: `/pazienti/${encodeURIComponent(user.patientId)}`, labelKey: 'nav.myRecord' }] : []),
          { path: '/dispositivi', labelKey: 'nav.devices' },
        ];
      case 'admin':
        return [{ path: '/amministrazione', labelKey: 'nav.admin' }];
      default:
        return [];
    }
  });

  protected switchLanguage(): void {
    void this.language.toggle();
  }

  protected signOut(): void {
    void this.lifecycle.signOut();
  }
}
