import { expect, type Page } from '@playwright/test';

/** The visit note of one visit. */
export class VisitPage {
  constructor(private readonly page: Page) {}

  note() {
    return this.page.getByLabel('Nota della visita');
  }

  async writeNote(text: string): Promise<void> {
    await this.note().fill(text);
    await this.page.getByRole('button', { name: 'Salva', exact: true }).click();
    await expect(this.page.getByText('Visita salvata')).toBeVisible();
  }
}
