import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ActivatedRoute, Router } from '@angular/router';
import type { SessionUser } from '@prossima/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthSession } from '../../core/auth/auth-session';
import { DataKeyVault } from '../../core/auth/data-key-vault';
import { homeUrl } from '../../core/auth/home-route';
import { AppError, errorMessageKey } from '../../core/errors/app-errors';
import { SignIn } from '../../core/session/sign-in';

/**
 * "Sblocca Prossima": a session exists on this device but its data key is not
 * in this tab (a cold start). The password opens the stored key offline. If
 * this device has no key for the user yet (a session from before encryption),
 * the same password signs in online and makes one.
 */
@Component({
  selector: 'app-unlock-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatButton, TranslatePipe],
  templateUrl: './unlock-page.html',
  styleUrl: './login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnlockPage {
  private readonly auth = inject(AuthSession);
  private readonly vault = inject(DataKeyVault);
  private readonly signIn = inject(SignIn);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly user = this.auth.user;
  protected readonly form = inject(NonNullableFormBuilder).group({ password: '' });
  protected readonly busy = signal(false);
  /** The translation key of the error shown in the alert, or `null`. */
  protected readonly errorKey = signal<string | null>(null);
  /** No wrapped key on this device for this user: unlocking needs the server once. */
  protected readonly needsServer = signal(this.noKeyHere());

  protected async submit(): Promise<void> {
    const user = this.user();
    if (!user || this.busy()) return;
    const password = this.form.controls.password.value;
    if (!password) {
      this.errorKey.set('unlock.missingPassword');
      return;
    }
    this.busy.set(true);
    this.errorKey.set(null);
    try {
      const result = await this.vault.unlock(user.id, password);
      if (result === 'wrong-password') throw new AppError('wrong-password');
      if (result === 'no-key') {
        const outcome = await this.signIn.signIn(user.username, password);
        // With no key here nothing can be waiting under a previous password; stay on the safe side anyway.
        if (outcome.status !== 'signed-in') throw new AppError('wrong-password');
      }
      await this.router.navigateByUrl(this.next(user));
    } catch (err) {
      this.errorKey.set(errorMessageKey(err));
      this.form.controls.password.reset();
      this.needsServer.set(this.noKeyHere());
    } finally {
      this.busy.set(false);
    }
  }

  private noKeyHere(): boolean {
    const user = this.user();
    return user !== null && !this.vault.hasWrappedKey(user.id);
  }

  /** Where the user was going (`?next=`, same-origin paths only), else their home page. */
  private next(user: SessionUser): string {
    const next = this.route.snapshot.queryParamMap.get('next');
    return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sblocca') ? next : homeUrl(user);
  }
}
