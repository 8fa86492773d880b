import { expect, test } from '@playwright/test';
import { locales, textDirection } from '@droomkaart/shared';
import {
  blockOtherOrigins,
  enhanced,
  expectNoAxeViolations,
  fillAll,
  uniquePhone,
  waitMinFill,
} from './dream-support.ts';

// axe (WCAG 2.2 AA tags) on every state of the letterbox and on the privacy statement, in every
// site language: both editions' forms (in steps, as most people see them), the page with errors
// and the confirmation (answered by the server, as without JavaScript), and the privacy page.
// The states of the steps with JavaScript (messages, summary) are checked in dream.spec.ts.

test.describe.configure({ timeout: 180_000 });

for (const locale of locales) {
  test(`letterbox and privacy pages pass axe in ${locale} (${textDirection(locale)})`, async ({
    page,
    browser,
    baseURL,
  }) => {
    const refused = await blockOtherOrigins(page);
    for (const path of [`/${locale}/droom`, `/${locale}/036/droom`]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('html')).toHaveAttribute('dir', textDirection(locale));
      await enhanced(page);
      await expectNoAxeViolations(page);
    }
    const privacy = await page.goto(`/${locale}/privacy`);
    expect(privacy?.status()).toBe(200);
    await expect(page.locator('h1')).toBeVisible();
    await expectNoAxeViolations(page);
    expect(refused).toEqual([]);

    // Errors and the confirmation, as the server answers them: the island's script is left out
    // (axe itself needs JavaScript, so the page keeps it).
    const plain = await browser.newContext({ baseURL });
    try {
      const p = await plain.newPage();
      await blockOtherOrigins(p);
      await p.route(/\/_astro\/.*\.js$/, (route) => route.abort());
      await p.goto(`/${locale}/droom`);
      await fillAll(p, { dream: 'x', firstName: '', age: '99', phone: '123', email: 'nope' });
      await waitMinFill(p);
      await p.locator('form.dream-form button[type="submit"]').click();
      await expect(p.locator('#dream-error-summary')).toBeVisible();
      await expect(p.locator('[aria-invalid="true"]')).toHaveCount(5);
      await expectNoAxeViolations(p);

      const phone = uniquePhone();
      await fillAll(p, { dream: 'Piloot', firstName: 'Yusuf', age: '10', phone: phone.typed, email: '' });
      await waitMinFill(p);
      await p.locator('form.dream-form button[type="submit"]').click();
      await expect(p.locator('[data-dream-status="ontvangen"]')).toBeVisible();
      await expect(p.locator('html')).toHaveAttribute('dir', textDirection(locale));
      await expectNoAxeViolations(p);
    } finally {
      await plain.close();
    }
  });
}
