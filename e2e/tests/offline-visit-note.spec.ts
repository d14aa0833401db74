import { expectAccessible, expect, pagesFor, test } from '../fixtures';

const NOTE = `Parametri stabili, edemi declivi ridotti. Nota scritta offline ${Date.now()}.`;

test.describe('a visit note written offline reaches the district nurse', () => {
  test('when the nurse writes a note without network and reloads, then it survives, waits, and syncs by itself', async ({ nurse, browser, context }) => {
    const { page, login, today, patient, visit } = nurse;

    await test.step('the nurse signs in and sees today\'s round in Italian', async () => {
      await login.signIn('ifec.rossi');
      await expect(today.heading()).toBeVisible();
      await expect(today.patientLinks()).toHaveCount(5);
      await expect(today.patientLinks().first()).toHaveAccessibleName('Antonio Esposito');
      await expect(today.status()).toContainText('Online');
      await expectAccessible(page);
    });

    await test.step('the service worker takes control, so the app can start without network', async () => {
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.reload();
      await expect(today.heading()).toBeVisible();
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    });

    await test.step('she opens the patient', async () => {
      await today.openPatient('Antonio Esposito');
      await expect(page.getByText('Penicillina')).toBeVisible();
      await expectAccessible(page);
      await patient.openTodaysVisitNote();
      await expect(page.getByRole('heading', { level: 1, name: 'Visita — Antonio Esposito' })).toBeVisible();
      await expectAccessible(page);
    });

    await test.step('the network goes away and she writes the note', async () => {
      await context.setOffline(true);
      await expect(today.status()).toContainText('Offline');
      await visit.writeNote(NOTE);
      await expect(today.status()).toContainText('1 modifica in attesa');
    });

    await test.step('she reloads offline: the app starts from the service worker with the round and her note', async () => {
      await page.reload();
      await expect(visit.note()).toHaveValue(NOTE);
      await expect(today.status()).toContainText('Offline');
      await expect(today.status()).toContainText('1 modifica in attesa');
      await page.goto('/oggi');
      await expect(today.heading()).toBeVisible();
      await expect(today.patientLinks()).toHaveCount(5);
    });

    await test.step('the network comes back: the note is sent by itself', async () => {
      await context.setOffline(false);
      await expect(today.status()).toContainText('Online');
      await expect(today.status()).toContainText('Nessuna modifica in attesa');
      await expect(today.status()).toContainText(/Ultima sincronizzazione: \d{2}:\d{2}/);
    });

    await test.step('the district nurse, in her own browser, sees the note', async () => {
      const districtContext = await browser.newContext();
      const district = pagesFor(await districtContext.newPage());
      await district.login.signIn('dist.verdi');
      await expect(district.page.getByRole('heading', { level: 1, name: 'Pazienti' })).toBeVisible();
      await expectAccessible(district.page);
      await district.page.getByRole('link', { name: 'Antonio Esposito' }).click();
      await expect(district.patient.heading('Antonio Esposito')).toBeVisible();
      await expect(district.patient.visits()).toContainText(NOTE);
      await expectAccessible(district.page);
      await districtContext.close();
    });
  });

  test('when the language switch is used, then the round speaks English', async ({ nurse }) => {
    const { page, login, today } = nurse;
    await login.signIn('ifec.bianchi');
    await expect(today.heading()).toBeVisible();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Italiano' }).click();
    await expect(today.heading()).toBeVisible();
  });

  test('when the password is wrong, then the sign-in page says so accessibly', async ({ nurse }) => {
    const { page, login } = nurse;
    await login.signIn('ifec.rossi', 'sbagliata');
    await expect(login.error()).toContainText('Nome utente o password errati');
    await expectAccessible(page);
  });
});
