import type { Page } from '@playwright/test';
import { expectAccessible, expectReflowAt200, expect, pagesFor, test } from '../fixtures';

// Franco Pittarello: no other journey touches his visit; his catheter change (every 30 days) falls due today.
const PATIENT = 'Franco Pittarello';
const NOTE = `Catetere sostituito senza difficoltà, urine limpide. Visita offline ${Date.now()}.`;

/** Answers every item of the assessment form on screen with its first option, from item `from` on; returns how many. */
async function answerItems(page: Page, from = 0, count = Infinity): Promise<number> {
  const items = page.getByRole('main').getByRole('group');
  const total = await items.count();
  let answered = 0;
  for (let i = from; i < total && answered < count; i++) {
    await items.nth(i).getByRole('radio').first().check();
    answered++;
  }
  return answered;
}

test.describe('the whole home visit, offline, reaches the district nurse', () => {
  test('when the nurse does the visit without network, then tasks, scores, vitals and the closed visit reach the district nurse', async ({ nurse, browser, context }) => {
    test.setTimeout(240_000);
    const { page, login, today } = nurse;

    await test.step('the nurse signs in; the round lists what is due and the warnings', async () => {
      await login.signIn('ifec.rossi');
      await expect(today.heading()).toBeVisible();
      await expect(today.patientLinks()).toHaveCount(5);
      await expect(page.getByText('Cane in giardino: suonare e attendere')).toBeVisible();
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await expectAccessible(page);
    });

    await test.step('offline, she opens the visit and starts it', async () => {
      await context.setOffline(true);
      await expect(today.status()).toContainText('Offline');
      await page.getByRole('link', { name: `Apri la visita — ${PATIENT}` }).click();
      await expect(page.getByRole('heading', { level: 1, name: `Visita — ${PATIENT}` })).toBeVisible();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Inizia la visita' }).click();
      await expect(page.getByText('In corso', { exact: true })).toBeVisible();
    });

    await test.step('she records the outcome of every PAI task due today', async () => {
      const tasks = page.getByRole('region', { name: 'Attività del PAI' });
      await expect(tasks).toBeVisible();
      const done = tasks.getByRole('radio', { name: 'Fatto', exact: true });
      const due = await done.count();
      expect(due).toBeGreaterThan(0);
      for (let i = 0; i < due; i++) await done.nth(i).check();
      await page.getByRole('button', { name: 'Salva', exact: true }).click();
      await expect(page.getByText('Visita salvata')).toBeVisible();
      await expectAccessible(page);
      await expectReflowAt200(page);
    });

    await test.step('she fills the Barthel index, reloads in the middle, and finds her answers', async () => {
      await page.getByRole('navigation', { name: 'Nuova valutazione' }).getByRole('link', { name: /Indice di Barthel$/ }).click();
      await expect(page.getByRole('heading', { level: 1, name: /Indice di Barthel/ })).toBeVisible();
      await expectAccessible(page);
      await answerItems(page, 0, 5);
      await expect(page.getByText('Voci obbligatorie compilate: 5 di 10')).toBeVisible();
      await page.reload();
      await expect(page.getByText(/Bozza ripristinata/)).toBeVisible();
      await expect(page.getByText('Voci obbligatorie compilate: 5 di 10')).toBeVisible();
      await answerItems(page, 5);
      await expect(page.getByText('Voci obbligatorie compilate: 10 di 10')).toBeVisible();
      await expectReflowAt200(page);
      await page.getByRole('button', { name: 'Salva valutazione' }).click();
      await expect(page.getByRole('heading', { level: 1, name: `Visita — ${PATIENT}` })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Valutazioni' })).toContainText('Indice di Barthel');
    });

    await test.step('she fills the Exton-Smith scale', async () => {
      await page.getByRole('navigation', { name: 'Nuova valutazione' }).getByRole('link', { name: /Exton-Smith/ }).click();
      await expect(page.getByRole('heading', { level: 1, name: /Exton-Smith/ })).toBeVisible();
      await answerItems(page);
      await page.getByRole('button', { name: 'Salva valutazione' }).click();
      await expect(page.getByRole('region', { name: 'Valutazioni' })).toContainText('Scala di Exton-Smith');
    });

    await test.step('she enters the vital signs: an impossible temperature is refused, then the right values are saved', async () => {
      const vitals = page.getByRole('region', { name: 'Parametri vitali' });
      await vitals.getByLabel('Temperatura corporea').fill('48');
      await vitals.getByRole('button', { name: 'Salva parametri' }).click();
      await expect(vitals.getByRole('alert').first()).toContainText('Temperatura corporea');
      await expect(vitals.getByText('Parametri salvati')).toHaveCount(0);
      await vitals.getByLabel('Temperatura corporea').fill('36,8');
      await vitals.getByLabel('Pressione sistolica').fill('132');
      await vitals.getByLabel('Pressione diastolica').fill('78');
      await vitals.getByLabel('Frequenza cardiaca').fill('76');
      await vitals.getByRole('button', { name: 'Salva parametri' }).click();
      await expect(vitals.getByText('Parametri salvati')).toBeVisible();
      await expectAccessible(page);
    });

    await test.step('she writes the note and closes the visit from its summary', async () => {
      await page.getByLabel('Nota della visita').fill(NOTE);
      await page.getByRole('button', { name: 'Chiudi la visita' }).click();
      const summary = page.getByRole('region', { name: 'Riepilogo della visita' });
      await expect(summary).toContainText('Indice di Barthel');
      await expect(summary).toContainText('Temperatura corporea: 36,8 °C');
      await expect(summary).toContainText('Pressione arteriosa: 132/78 mmHg');
      await expect(summary).toContainText(NOTE);
      await page.getByRole('button', { name: 'Conferma e chiudi la visita' }).click();
      await expect(page.getByText('Completata', { exact: true })).toBeVisible();
      await expectAccessible(page);
    });

    await test.step('she prints the report, still offline', async () => {
      await page.getByRole('link', { name: 'Resoconto stampabile' }).click();
      const report = page.getByRole('article');
      await expect(report.getByRole('heading', { level: 1, name: 'Resoconto della visita domiciliare' })).toBeVisible();
      await expect(report).toContainText(PATIENT);
      await expect(report).toContainText('Eseguita');
      await expect(report).toContainText('36,8 °C');
      await expectAccessible(page);
      await page.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => void ((window as unknown as { printed: number }).printed += 1);
      });
      await page.getByRole('button', { name: 'Stampa il resoconto' }).click();
      expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      // What the printer gets: the report alone, without the app's header.
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('banner')).toBeHidden();
      await expect(report).toBeVisible();
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await page.emulateMedia({ media: 'screen' });
    });

    await test.step('back online, everything is sent by itself', async () => {
      await context.setOffline(false);
      await expect(today.status()).toContainText('Online');
      await expect(today.status()).toContainText('Nessuna modifica in attesa', { timeout: 30_000 });
    });

    await test.step('the district nurse sees the closed visit, its scores and vital signs', async () => {
      const districtContext = await browser.newContext();
      const district = pagesFor(await districtContext.newPage());
      await district.login.signIn('dist.verdi');
      await expect(district.page.getByRole('heading', { level: 1, name: 'Pazienti' })).toBeVisible();
      await district.page.getByRole('link', { name: PATIENT }).click();
      await expect(district.patient.heading(PATIENT)).toBeVisible();
      await expect(district.patient.visits()).toContainText(NOTE);
      await expect(district.page.getByRole('region', { name: 'Ultimi parametri vitali' })).toContainText('36,8');
      const scores = district.page.getByRole('region', { name: 'Ultime valutazioni' });
      await expect(scores).toContainText('Indice di Barthel');
      await expect(scores).toContainText('Scala di Exton-Smith');
      await expectAccessible(district.page);
      await expectReflowAt200(district.page);
      await districtContext.close();
    });
  });
});
