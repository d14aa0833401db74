import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { LoginPage } from './pages/login.page';
import { PatientPage } from './pages/patient.page';
import { TodayPage } from './pages/today.page';
import { VisitPage } from './pages/visit.page';

/** Assert the page has no serious or critical WCAG 2.1 A/AA violation (axe-core). */
export async function expectAccessible(page: Page): Promise<void> {
  // The pointer rests where the last click left it: a hover state layer caught mid-transition is not the page's colours.
  await page.mouse.move(0, 0);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} [${n.failureSummary ?? ''}]`).join(', ')}`);
  expect(serious, `axe violations on ${page.url()}`).toEqual([]);
}

/** At 200 % zoom (a 640 px wide window for a 1280 px screen) nothing needs horizontal scrolling (WCAG 1.4.10). */
export async function expectReflowAt200(page: Page): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 640, height: 480 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `horizontal overflow at 200 % zoom on ${page.url()}`).toBeLessThanOrEqual(0);
  if (size) await page.setViewportSize(size);
}

/** Page objects for one signed-in user's browser. */
export interface AppPages {
  page: Page;
  login: LoginPage;
  today: TodayPage;
  patient: PatientPage;
  visit: VisitPage;
}

/** Page objects around `page`. */
export function pagesFor(page: Page): AppPages {
  return { page, login: new LoginPage(page), today: new TodayPage(page), patient: new PatientPage(page), visit: new VisitPage(page) };
}

/** The test with the nurse's pages as a fixture; other users open their own contexts. */
export const test = base.extend<{ nurse: AppPages }>({
  nurse: async ({ page }, use) => {
    await use(pagesFor(page));
  },
});

export { expect };
