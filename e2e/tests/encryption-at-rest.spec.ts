import type { Page } from '@playwright/test';
import { expectAccessible, expect, test } from '../fixtures';

const NOTE = `Lesione sacrale in miglioramento, nota riservata ${Date.now()}.`;

/** Every record of the page's Prossima IndexedDB databases, as one JSON text (what a stolen tablet's disk holds). */
function rawLocalData(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const records: unknown[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name?.includes('prossima')) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        records.push(
          ...(await new Promise<unknown[]>((resolve) => {
            const request = db.transaction(store, 'readonly').objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => resolve([]);
          })),
        );
      }
      db.close();
    }
    return JSON.stringify(records);
  });
}

test.describe('clinical data encrypted at rest, unlocked offline, wiped at sign-out', () => {
  test('when a new tab starts offline, then it asks for the password and opens the encrypted data without network', async ({ nurse, context }) => {
    const { page, login, today, patient, visit } = nurse;

    await test.step('she signs in online and writes a note offline; a reload does not ask to unlock', async () => {
      await login.signIn('ifec.rossi');
      await expect(today.heading()).toBeVisible();
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await today.openPatient('Antonio Esposito');
      await patient.openTodaysVisitNote();
      await context.setOffline(true);
      await visit.writeNote(NOTE);
      await page.reload();
      await expect(visit.note()).toHaveValue(NOTE);
    });

    await test.step('the note is not in clear in IndexedDB', async () => {
      const raw = await rawLocalData(page);
      expect(raw).toContain('Esposito');
      expect(raw).not.toContain(NOTE);
      expect(raw).not.toContain('Penicillina');
    });

    await test.step('a new tab, offline, asks to unlock; a wrong password is refused', async () => {
      const tab = await context.newPage();
      await tab.goto('/oggi');
      await expect(tab.getByRole('heading', { level: 1, name: 'Sblocca Prossima' })).toBeVisible();
      await expectAccessible(tab);
      await tab.getByLabel('Password').fill('sbagliata');
      await tab.getByRole('button', { name: 'Sblocca' }).click();
      await expect(tab.getByRole('alert')).toHaveText('Password errata');

      await tab.getByLabel('Password').fill('prossima');
      await tab.getByRole('button', { name: 'Sblocca' }).click();
      await expect(tab.getByRole('heading', { level: 1, name: 'Oggi' })).toBeVisible();
      await expect(tab.getByRole('main').getByRole('heading', { level: 2 }).getByRole('link')).toHaveCount(5);
      await tab.close();
    });
  });

  test('when she signs out with an unsent change, then she is warned, and confirming leaves nothing of hers on the device', async ({ nurse, context }) => {
    const { page, login, today, patient, visit } = nurse;
    await login.signIn('ifec.bianchi');
    await expect(today.heading()).toBeVisible();
    await page.getByRole('main').getByRole('listitem').getByRole('link').first().click();
    await patient.openTodaysVisitNote();
    await context.setOffline(true);
    await visit.writeNote(NOTE);

    await page.getByRole('button', { name: 'Esci' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Uscire da Prossima?' });
    await expect(dialog).toContainText('1 modifica non ancora inviata andrà persa');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Annulla' }).click();
    await expect(dialog).toBeHidden();
    await expect(visit.note()).toHaveValue(NOTE);

    await page.getByRole('button', { name: 'Esci' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Esci comunque' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Accedi a Prossima' })).toBeVisible();
    await expect
      .poll(() => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('rxdb-dexie-prossima-'))))
      .toEqual([]);
    const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('prossima.') && k !== 'prossima.deviceId' && k !== 'prossima.language'));
    expect(left).toEqual([]);
  });
});
