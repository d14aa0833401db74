import type { Page } from '@playwright/test';

/** A patient's record. */
export class PatientPage {
  constructor(private readonly page: Page) {}

  heading(fullName: string) {
    return this.page.getByRole('heading', { level: 1, name: fullName });
  }

  /** The "Visite" section with each visit's note. */
  visits() {
    return this.page.getByRole('region', { name: 'Visite' });
  }

  async openTodaysVisitNote(): Promise<void> {
    await this.page.getByRole('link', { name: 'Nota della visita' }).click();
    await this.page.waitForURL(/\/visite\//);
  }
}
