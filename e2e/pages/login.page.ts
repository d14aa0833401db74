import { expect, type Page } from '@playwright/test';

/** The sign-in page. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  /** Open the app and sign in as a demo account. */
  async signIn(username: string, password = 'prossima'): Promise<void> {
    await this.page.goto('/login');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Accedi a Prossima' })).toBeVisible();
    await this.page.getByLabel('Nome utente').fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Accedi' }).click();
  }

  /** The error shown after a refused sign-in. */
  error() {
    return this.page.getByRole('alert');
  }
}
