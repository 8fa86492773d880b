import { expect, test } from '@playwright/test';
import { locales, textDirection } from '@droomkaart/shared';
import { blockOtherOrigins, expectNoAxeViolations, ownPages } from './pages-support.ts';

test.beforeEach(async ({ page }) => blockOtherOrigins(page));
// Seven pages with axe each: more than the default minute on a slow machine.
test.describe.configure({ timeout: 180_000 });

for (const locale of locales) {
  test(`home, activity, organisation and regelingen pages pass axe (WCAG 2.2 AA) in ${locale}, ${textDirection(locale)}`, async ({
    page,
  }) => {
    for (const { name, path } of ownPages(locale)) {
      const res = await page.goto(path);
      expect(res?.status(), `${name}: ${path}`).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('html')).toHaveAttribute('dir', textDirection(locale));
      await expectNoAxeViolations(page);
    }
  });
}
