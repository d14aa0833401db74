import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthSession } from '../../core/auth/auth-session';
import { homeUrl } from '../../core/auth/home-route';
import { errorMessageKey } from '../../core/errors/app-errors';

/** "Accedi a Prossima": username and password, one online login makes the app usable offline. */
@Component({
  selector: 'app-login-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatButton, TranslatePipe],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly auth = inject(AuthSession);
  private readonly router = inject(Router);
  protected readonly form = inject(NonNullableFormBuilder).group({ username: '', password: '' });
  protected readonly busy = signal(false);
  /** The translation key of the error shown in the alert, or `null`. */
  protected readonly errorKey = signal<string | null>(null);
  protected readonly expired = this.auth.endReason;

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    const { username, password } = this.form.getRawValue();
    if (!username.trim() || !password) {
      this.errorKey.set('login.missingFields');
      return;
    }
    this.busy.set(true);
    this.errorKey.set(null);
    try {
      const user = await this.auth.login(username.trim(), password);
      await this.router.navigateByUrl(homeUrl(user));
    } catch (err) {
      this.errorKey.set(errorMessageKey(err));
      this.form.controls.password.reset();
    } finally {
      this.busy.set(false);
    }
  }
}
