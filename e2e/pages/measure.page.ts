import { expect, type Locator, type Page } from '@playwright/test';

/** What the measure panel reports about its last reading and save (data attributes on the panel). */
export interface MeasureTimings {
  /** Last notification of the device → reading mapped and shown, ms. */
  toReading: number | null;
  /** "Salva" pressed → observations written, ms. */
  save: number | null;
  /** Last notification → observations written, ms (includes the time before "Salva" is pressed). */
  toSaved: number | null;
  /** JSON bytes of the observations written. */
  savedBytes: number | null;
}

/** The page that measures a patient with a kit device (`/pazienti/:id/misura`), and its measure panel. */
export class MeasurePage {
  constructor(private readonly page: Page) {}

  heading(patientName: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `Misura con dispositivo — ${patientName}` });
  }

  /** The measure panel (a region named by its heading). */
  panel(): Locator {
    return this.page.getByRole('region', { name: 'Misura con un dispositivo' });
  }

  /**
   * Opens the page inside the running app (the router follows a history entry, no reload), as the
   * visit page's "Misura" link will once it is wired: a reload while offline would show the sync
   * bar's start-up error, which is not what this journey is about.
   */
  async open(patientId: string, patientName: string, visitId?: string): Promise<void> {
    const url = `/pazienti/${encodeURIComponent(patientId)}/misura${visitId ? `?visita=${encodeURIComponent(visitId)}` : ''}`;
    await this.page.evaluate((target) => {
      history.pushState({}, '', target);
      dispatchEvent(new PopStateEvent('popstate', { state: {} }));
    }, url);
    await expect(this.heading(patientName)).toBeVisible();
  }

  /** Picks what to measure (its large button) and waits for the guided steps. */
  async choose(family: string): Promise<void> {
    await this.panel().getByRole('button', { name: family, exact: true }).click();
    await expect(this.panel().getByRole('heading', { name: `${family}: come procedere` })).toBeVisible();
  }

  async start(): Promise<void> {
    await this.panel().getByRole('button', { name: 'Avvia la misura' }).click();
  }

  /** Waits for the reading of `family`, then returns the panel. */
  async reading(family: string, timeout = 60_000): Promise<Locator> {
    await expect(this.panel().getByRole('heading', { name: `${family}: lettura` })).toBeVisible({ timeout });
    return this.panel();
  }

  /** One value of the reading, by its label (the term) and its shown value (the definition). */
  value(text: string): Locator {
    return this.panel().getByRole('definition').filter({ hasText: text });
  }

  async save(): Promise<void> {
    await this.panel().getByRole('button', { name: 'Salva la misura' }).click();
  }

  /** The panel's live status (progress, "Misura salvata", "Misura già registrata"). */
  status(): Locator {
    return this.panel().getByRole('status');
  }

  alert(): Locator {
    return this.panel().getByRole('alert');
  }

  async measureSomethingElse(): Promise<void> {
    await this.panel().getByRole('button', { name: 'Misura un altro parametro' }).click();
    await expect(this.panel().getByRole('heading', { name: 'Che cosa misuri?' })).toBeVisible();
  }

  async timings(): Promise<MeasureTimings> {
    const host = this.page.locator('app-measure-panel');
    const read = async (name: string) => {
      const value = await host.getAttribute(name);
      return value === null ? null : Number(value);
    };
    return {
      toReading: await read('data-ms-to-reading'),
      save: await read('data-ms-save'),
      toSaved: await read('data-ms-to-saved'),
      savedBytes: await read('data-saved-bytes'),
    };
  }
}
