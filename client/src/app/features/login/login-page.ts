import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import type { SessionUser } from '@prossima/domain';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthSession } from '../../core/auth/auth-session';
import { homeUrl } from '../../core/auth/home-route';
import { errorMessageKey } from '../../core/errors/app-errors';
import { CONFIRM_DATA_LOSS } from '../../core/session/confirm-data-loss';
import { SignIn } from '../../core/session/sign-in';

/** The password changed on the server while changes protected by the previous one wait on this device. */
interface Recovery {
  user: SessionUser;
  newPassword: string;
  unsentChanges: number;
}

/**
 * "Accedi a Prossima": username and password; one online login makes the app
 * usable offline. When the password changed since this device last saw it and
 * unsent changes are protected by the previous one, a second step asks for it.
 */
@Component({
  selector: 'app-login-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatButton, TranslatePipe],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly auth = inject(AuthSession);
  private readonly signIn = inject(SignIn);
  private readonly confirmDataLoss = inject(CONFIRM_DATA_LOSS);
  private readonly router = inject(Router);
  protected readonly form = inject(NonNullableFormBuilder).group({ username: '', password: '' });
  protected readonly recoveryForm = inject(NonNullableFormBuilder).group({ previousPassword: '' });
  protected readonly busy = signal(false);
  /** The translation key of the error shown in the alert, or `null`. */
  protected readonly errorKey = signal<string | null>(null);
  protected readonly ended = this.auth.endReason;
  protected readonly recovery = signal<Recovery | null>(null);

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    const { username, password } = this.form.getRawValue();
    if (!username.trim() || !password) {
      this.errorKey.set('login.missingFields');
      return;
    }
    await this.run(async () => {
      const outcome = await this.signIn.signIn(username.trim(), password);
      if (outcome.status === 'previous-password-needed') {
        this.recovery.set({ user: outcome.user, newPassword: password, unsentChanges: outcome.unsentChanges });
        this.form.controls.password.reset();
        return;
      }
      await this.router.navigateByUrl(homeUrl(outcome.user));
    }, () => this.form.controls.password.reset());
  }

  protected async recover(): Promise<void> {
    const recovery = this.recovery();
    if (!recovery || this.busy()) return;
    const { previousPassword } = this.recoveryForm.getRawValue();
    if (!previousPassword) {
      this.errorKey.set('login.missingPrevious');
      return;
    }
    await this.run(async () => {
      await this.signIn.recover(recovery.user, previousPassword, recovery.newPassword);
      this.finishRecovery(recovery.user);
    }, () => this.recoveryForm.reset());
  }

  protected async discard(): Promise<void> {
    const recovery = this.recovery();
    if (!recovery || this.busy()) return;
    const goAhead = await this.confirmDataLoss({
      count: recovery.unsentChanges,
      titleKey: 'dataLoss.discardTitle',
      confirmKey: 'dataLoss.discard',
    });
    if (!goAhead) return;
    await this.run(async () => {
      await this.signIn.discardAndContinue(recovery.user, recovery.newPassword);
      this.finishRecovery(recovery.user);
    });
  }

  private finishRecovery(user: SessionUser): void {
    this.recovery.set(null);
    this.recoveryForm.reset();
    void this.router.navigateByUrl(homeUrl(user));
  }

  /** Runs `task` with the form busy; a failure shows its message in the alert. */
  private async run(task: () => Promise<void>, onError: () => void = () => undefined): Promise<void> {
    this.busy.set(true);
    this.errorKey.set(null);
    try {
      await task();
    } catch (err) {
      this.errorKey.set(errorMessageKey(err));
      onError();
    } finally {
      this.busy.set(false);
    }
  }
}
