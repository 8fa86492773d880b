import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { locales } from '@droomkaart/shared';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectNoViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

for (const locale of locales) {
  test(`pages pass axe (WCAG 2.2 AA) in ${locale}`, async ({ page }) => {
    test.setTimeout(150_000); // five pages, each analysed by axe: slow on a busy machine
    for (const path of [
      `/${locale}/`,
      `/${locale}/036`,
      `/${locale}/activiteiten`,
      `/${locale}/activiteiten?age=8&theme=sport-bewegen`,
    ]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await expectNoViolations(page);
    }
    await page.goto(`/${locale}/activiteiten`);
    await page.locator('.cards a').first().click();
    await expect(page.locator('h1')).toBeVisible();
    await expectNoViolations(page);
  });
}

test('the catalogue can be used with the keyboard alone', async ({ page }) => {
  await page.goto('/nl/activiteiten');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Ga naar de inhoud' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('searchbox', { name: 'Zoek' }).focus();
  await page.keyboard.type('zwemmen');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/q=zwemmen/);
});
