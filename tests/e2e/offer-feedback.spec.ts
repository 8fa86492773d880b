import { expect, test, type Page } from '@playwright/test';
import { blockOtherOrigins, expectNoAxeViolations, SEEDED } from './pages-support.ts';
import { stackInfo } from './stack-info.ts';
import { DEMO_ADMIN, request, signIn } from '../utils/cms-admin.ts';

// Issue 19, points 5 and 8 in a real browser on a phone (390 px): a visitor reports a mistake in an
// offer ("Klopt er iets niet?") without JavaScript and with it, keyboard only, and the report is
// stored; the form and "Hoe actueel is de kaart?" (/<locale>/actueel) pass axe (WCAG 2.2 AA).

const FEEDBACK = 'api::offer-feedback.offer-feedback';
const offerPath = (locale: string) => `/${locale}/activiteiten/${SEEDED.weekly}`;

test.use({ viewport: { width: 390, height: 844 } });
test.beforeEach(async ({ page }) => blockOtherOrigins(page));
test.describe.configure({ timeout: 120_000 });

async function reportsAbout(slug: string): Promise<{ reason: string; text: string }[]> {
  const { urls, env } = stackInfo();
  const admin = await signIn(urls.cms, DEMO_ADMIN.email, env.DEMO_PASSWORD);
  const res = await request(
    admin,
    'GET',
    `/content-manager/collection-types/${FEEDBACK}?pageSize=100&filters[activitySlug][$eq]=${slug}`,
  );
  expect(res.status).toBe(200);
  return res.body.results;
}

/** Keyboard only: open the disclosure, choose a reason, type a text, send. */
async function reportWithKeyboard(page: Page, reasonLabel: RegExp, text: string) {
  const summary = page.locator('#klopt-er-iets-niet summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#klopt-er-iets-niet details')).toHaveAttribute('open', '');
  // Tab to the first choice; the arrow keys move within the radio group (and choose).
  await page.keyboard.press('Tab');
  const first = page.locator('#klopt-er-iets-niet input[type="radio"]').first();
  await expect(first).toBeFocused();
  await page.keyboard.press('Space');
  const wanted = page.getByRole('radio', { name: reasonLabel });
  for (let i = 0; i < 5 && !(await wanted.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(wanted).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.locator('#offer-feedback-text')).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /Verstuur|Send/ })).toBeFocused();
  await page.keyboard.press('Enter');
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a visitor on a phone reports a mistake with the keyboard and is thanked', async ({ page }) => {
    const before = (await reportsAbout(SEEDED.weekly)).length;
    await page.goto(offerPath('nl'));
    await expect(page.locator('#klopt-er-iets-niet summary')).toHaveText('Klopt er iets niet?');
    await page.locator('#klopt-er-iets-niet summary').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Je hoeft geen naam of andere gegevens te geven.')).toBeVisible();
    await page.reload();

    await reportWithKeyboard(page, /De prijs/, 'Het kost nu €5 per keer. <b>niet gratis</b>');
    await expect(page).toHaveURL(/\?melding=bedankt#klopt-er-iets-niet$/);
    await expect(page.getByRole('status').filter({ hasText: 'Dank je wel!' })).toBeVisible();
    // The page never shows the typed text, and nothing sticks out on a phone.
    await expect(page.locator('b', { hasText: 'niet gratis' })).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const after = await reportsAbout(SEEDED.weekly);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ reason: 'prijs', text: 'Het kost nu €5 per keer. <b>niet gratis</b>' });
  });
});

test.describe('with JavaScript', () => {
  test('the same form works in English, keyboard only', async ({ page }) => {
    const before = (await reportsAbout(SEEDED.weekly)).length;
    await page.goto(offerPath('en'));
    await expect(page.locator('#klopt-er-iets-niet summary')).toHaveText('Is something not right?');
    await reportWithKeyboard(page, /no longer exists/, '');
    await expect(page).toHaveURL(/\/en\/activiteiten\/.+\?melding=bedankt/);
    await expect(page.getByRole('status').filter({ hasText: 'Thank you!' })).toBeVisible();
    // axe needs JavaScript: the thanks and the open form are checked here (WCAG 2.2 AA).
    await expectNoAxeViolations(page);
    await page.locator('#klopt-er-iets-niet summary').click();
    await expect(page.locator('#offer-feedback-text')).toBeVisible();
    await expectNoAxeViolations(page);
    const after = await reportsAbout(SEEDED.weekly);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ reason: 'bestaat-niet-meer', text: '' });
  });

  test('"Hoe actueel is de kaart?" shows its tables on a phone, from the footer link', async ({ page }) => {
    await page.goto('/nl/');
    await page.getByRole('link', { name: 'Hoe actueel is de kaart?' }).click();
    await expect(page).toHaveURL(/\/nl\/actueel$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hoe actueel is de kaart?');
    await expect(page.getByText(/van het aanbod is in de laatste 6 maanden gecontroleerd/)).toBeVisible();
    await expect(page.getByText(/^Gecontroleerd betekent:/)).toBeVisible();
    for (const caption of ['Het hele aanbod', 'Per soort organisatie', 'Per stadsdeel'])
      await expect(page.getByRole('table', { name: caption })).toBeVisible();
    const rows = page.getByRole('table', { name: 'Per stadsdeel' }).getByRole('row');
    expect(await rows.count()).toBeGreaterThan(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);
  });

  test('the page speaks every site language, right to left in Arabic', async ({ page }) => {
    await page.goto('/ar/actueel');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ما مدى حداثة الخريطة؟');
    await expectNoAxeViolations(page);
  });
});
