import type { Browser, Page } from '@playwright/test';
import { expectAccessible, expectReflowAt200, expect, pagesFor, test } from '../fixtures';

/** Signs `username` in, in a browser context of their own, and waits for their home page. */
async function signedIn(browser: Browser, username: string, home: RegExp): Promise<Page> {
  const context = await browser.newContext();
  const app = pagesFor(await context.newPage());
  await app.login.signIn(username);
  await app.page.waitForURL(home);
  await expect(app.page.getByRole('heading', { level: 1 })).toBeVisible();
  return app.page;
}

/** Opens each path, waits for its content, and checks axe and the 200 % reflow. */
async function checkScreens(page: Page, screens: [path: string, heading: RegExp][]): Promise<void> {
  for (const [path, heading] of screens) {
    await test.step(path, async () => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.getByText('Caricamento…')).toHaveCount(0);
      await expectAccessible(page);
      await expectReflowAt200(page);
    });
  }
}

test.describe('every screen passes axe and reflows at 200 % zoom', () => {
  test('when the nurse opens each of her screens, then none has a serious or critical violation or needs horizontal scrolling', async ({ browser }) => {
    const page = await signedIn(browser, 'ifec.rossi', /\/oggi$/);
    await checkScreens(page, [
      ['/oggi', /^Oggi$/],
      ['/domani', /^Domani$/],
      ['/pazienti', /^Pazienti$/],
      ['/pazienti/pat-a-004', /Lucia Menegazzo/],
      ['/pazienti/pat-a-004/pai', /PAI|Piano/],
      ['/pazienti/pat-a-004/valutazioni', /Valutazioni/],
      ['/pazienti/pat-a-004/valutazioni/nuova/tinetti', /Tinetti/],
      ['/pazienti/pat-a-004/parametri', /Parametri vitali/],
      ['/pazienti/pat-a-004/parametri/nuovi', /parametri vitali/i],
      ['/dispositivi', /Dispositivi/],
      ['/pazienti/pat-a-004/misura', /Misura/],
    ]);
    await page.context().close();
  });

  test('when the district nurse opens the PAI pages and the editor, then none has a serious or critical violation', async ({ browser }) => {
    const page = await signedIn(browser, 'dist.verdi', /\/pazienti$/);
    await checkScreens(page, [
      ['/pazienti/pat-a-003', /Giuseppe Bortolami/],
      ['/pazienti/pat-a-003/pai', /PAI|Piano/],
      ['/pazienti/pat-a-003/pai/nuovo', /Nuovo PAI/],
      ['/pazienti/pat-a-003/pai/cp-pat-a-003/modifica', /Modifica PAI/],
    ]);
    await page.context().close();
  });

  test('when the patient opens his home kit, a guided measurement, his record and his devices, then none has a serious or critical violation', async ({ browser }) => {
    const page = await signedIn(browser, 'paz.esposito', /\/casa$/);
    await checkScreens(page, [
      ['/casa', /Antonio|misure/i],
      ['/casa/misura/pressione', /pressione|misura/i],
      ['/pazienti/pat-a-001', /Antonio Esposito/],
      ['/pazienti/pat-a-001/parametri', /Parametri vitali/],
      ['/dispositivi', /Dispositivi/],
    ]);
    await page.context().close();
  });
});
