import { expect, type Page } from '@playwright/test';

/** "Oggi": the nurse's round for today, and the sync status every page shows. */
export class TodayPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Oggi' });
  }

  /** The links to the patients of the round, in planned order. */
  patientLinks() {
    return this.page.getByRole('main').getByRole('heading', { level: 2 }).getByRole('link');
  }

  /** The always-visible sync status region. */
  status() {
    return this.page.getByRole('status').filter({ hasText: /Online|Offline/ });
  }

  async openPatient(fullName: string): Promise<void> {
    await this.page.getByRole('link', { name: fullName }).first().click();
    await expect(this.page.getByRole('heading', { level: 1, name: fullName })).toBeVisible();
  }
}
