import { expect, test } from '@playwright/test';
import { locales, textDirection } from '@droomkaart/shared';
import { expectCount, expectNoAxeViolations, labelCount, resultCount, watchRequests } from './catalogue-support.ts';

// The catalogue /<locale>/activiteiten: server-rendered first, then the InstantSearch island.

let seen: { all: string[]; foreign: string[] };
test.beforeEach(async ({ page, baseURL }) => {
  seen = await watchRequests(page, new URL(baseURL!).origin);
});
test.afterEach(() => {
  expect(seen.foreign, 'requests to other origins').toEqual([]);
});

/** The island has taken over (it marks itself once React runs). */
async function hydrated(page: import('@playwright/test').Page) {
  // It wakes on an interaction or by itself once the page has been quiet for a few seconds.
  await expect(page.locator('.catalogue[data-ready="true"]')).toHaveCount(1, { timeout: 20_000 });
}

test('the page arrives complete and the island takes over without searching again', async ({ page }) => {
  await page.goto('/nl/activiteiten?theme=sport-bewegen');
  await hydrated(page);
  await page.waitForLoadState('networkidle');
  expect(
    seen.all.filter((u) => u.includes('/api/search')),
    'searches while loading',
  ).toEqual([]);
  expect(await page.locator('.cards > li').count()).toBeGreaterThan(0);
  await expect(page.getByLabel('Thema')).toHaveValue('sport-bewegen');
});

test("the home pages' links arrive as they are, filtered by edition and theme", async ({ page }) => {
  const res = await page.goto('/nl/activiteiten?theme=sport-bewegen&edition=jong');
  expect(res?.status()).toBe(200);
  await expect(page).toHaveURL(/\/nl\/activiteiten\?theme=sport-bewegen&edition=jong$/);
  await expect(page.getByLabel('Voor wie?')).toHaveValue('jong');
  await expect(page.getByLabel('Thema')).toHaveValue('sport-bewegen');
  // Empty and unknown parameters (the no-JS form, old links) end up at the short address.
  await page.goto('/nl/activiteiten?q=&age=&theme=verdwenen&day=za&near=');
  await expect(page).toHaveURL(/\/nl\/activiteiten\?day=za$/);
});

test('a checkbox filter narrows the results to the count it showed, and filters combine', async ({ page }) => {
  await page.goto('/nl/activiteiten');
  await hydrated(page);
  const total = await resultCount(page);

  const free = page.getByRole('checkbox', { name: /^Gratis \(\d+\)$/ });
  const freeCount = labelCount(await page.locator('label[for="filter-cost-gratis"]').innerText());
  expect(freeCount).toBeGreaterThan(0);
  expect(freeCount).toBeLessThan(total);
  await free.check();
  await expectCount(page, freeCount);
  await expect(page).toHaveURL(/\/nl\/activiteiten\?cost=gratis$/);

  // Counts of the other facets now count within the free activities.
  const ageOption = page.getByLabel('Leeftijd').locator('option[value="8"]');
  const age8 = labelCount(await ageOption.innerText());
  await page.getByLabel('Leeftijd').selectOption('8');
  await expectCount(page, age8);
  expect(age8).toBeLessThanOrEqual(freeCount);
  await expect(page).toHaveURL(/\?age=8&cost=gratis$/);

  // A chosen filter is a link that removes it.
  await page.getByRole('link', { name: 'Filter weghalen: Gratis' }).click();
  await expect(page).toHaveURL(/\?age=8$/);
  await expect(free).not.toBeChecked();
});

test('the URL holds the search: reload keeps it, back and forward restore it', async ({ page }) => {
  await page.goto('/nl/activiteiten');
  await hydrated(page);
  const total = await resultCount(page);

  await page.getByLabel('Stadsdeel').selectOption('almere-buiten');
  await expect(page).toHaveURL(/\?stadsdeel=almere-buiten$/);
  const buiten = await resultCount(page);
  expect(buiten).toBeLessThan(total);

  await page.getByRole('searchbox', { name: 'Zoek' }).fill('sport');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(/\?q=sport&stadsdeel=almere-buiten$/);
  const both = await resultCount(page);

  await page.reload();
  await hydrated(page);
  await expect(page.getByRole('searchbox', { name: 'Zoek' })).toHaveValue('sport');
  await expect(page.getByLabel('Stadsdeel')).toHaveValue('almere-buiten');
  await expectCount(page, both);

  await page.goBack();
  await expect(page).toHaveURL(/\?stadsdeel=almere-buiten$/);
  await expect(page.getByRole('searchbox', { name: 'Zoek' })).toHaveValue('');
  await expectCount(page, buiten);
  await page.goBack();
  await expect(page).toHaveURL(/\/nl\/activiteiten$/);
  await expect(page.getByLabel('Stadsdeel')).toHaveValue('');
  await expectCount(page, total);
  await page.goForward();
  await expect(page.getByLabel('Stadsdeel')).toHaveValue('almere-buiten');
  await expectCount(page, buiten);

  // The language switch keeps a search made in the browser.
  await page.getByRole('link', { name: 'English', exact: true }).click();
  await expect(page).toHaveURL(/\/en\/activiteiten\?stadsdeel=almere-buiten$/);
});

test('sorting by distance from a wijk puts the nearest first, and another wijk changes the order', async ({ page }) => {
  await page.goto('/nl/activiteiten');
  await hydrated(page);
  const titles = () => page.locator('.cards h3').allInnerTexts();
  const relevance = await titles();

  const distances = async () =>
    (await page.locator('.cards .distance').allInnerTexts()).map((s) => Number(/[\d,]+/.exec(s)![0].replace(',', '.')));
  await page.getByLabel('Sorteer op afstand').selectOption('molenbuurt');
  await expect(page).toHaveURL(/\?near=molenbuurt$/);
  await expect(page.locator('.cards .distance').first()).toBeVisible();
  const buiten = await titles();
  const fromBuiten = await distances();
  expect(fromBuiten.length).toBeGreaterThan(5);
  expect(fromBuiten).toEqual([...fromBuiten].sort((a, b) => a - b));
  expect(buiten).not.toEqual(relevance);

  await page.getByLabel('Sorteer op afstand').selectOption('sluisweg');
  await expect(page).toHaveURL(/\?near=sluisweg$/);
  await expect.poll(titles).not.toEqual(buiten);
  const fromHaven = await distances();
  expect(fromHaven).toEqual([...fromHaven].sort((a, b) => a - b));
  expect((await titles())[0]).not.toBe(buiten[0]);

  // Without JavaScript the same order comes from the server.
  await page.goto('/nl/activiteiten?near=sluisweg');
  expect(await distances()).toEqual(fromHaven);
});

test.describe('my location', () => {
  test.use({ permissions: ['geolocation'], geolocation: { latitude: 52.3931, longitude: 5.2921 } });

  test('is asked only on a click and sorts from a rounded position', async ({ page }) => {
    await page.goto('/nl/activiteiten');
    await hydrated(page);
    await page.getByRole('button', { name: 'Gebruik mijn locatie' }).click();
    await expect(page).toHaveURL(/\?near=52\.39,5\.29$/);
    await expect(page.getByLabel('Sorteer op afstand')).toHaveValue('52.39,5.29');
    await expect(page.getByLabel('Sorteer op afstand').locator('option:checked')).toHaveText('Vanaf mijn locatie');
    await expect(page.locator('.cards .distance').first()).toBeVisible();
  });
});

test('a refused location says so and leaves the choice of a wijk', async ({ page, context }) => {
  await context.clearPermissions();
  await page.goto('/nl/activiteiten');
  await hydrated(page);
  await page.getByRole('button', { name: 'Gebruik mijn locatie' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Je gaf geen toestemming voor je locatie. Kies dan een wijk.' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/nl\/activiteiten$/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the list, the filter form, the filter links and the pages all work', async ({ page }) => {
    await page.goto('/nl/activiteiten');
    const total = await resultCount(page);
    expect(await page.locator('.cards > li').count()).toBe(Math.min(total, 20));

    await page.getByLabel('Leeftijd').selectOption('10');
    await page.getByLabel(/^zaterdag \(\d+\)$/).check();
    await page.getByRole('button', { name: 'Filters toepassen' }).click();
    // The GET form's empty fields are dropped: one short address per search.
    await expect(page).toHaveURL(/\/nl\/activiteiten\?age=10&day=za$/);
    const narrowed = await resultCount(page);
    expect(narrowed).toBeLessThan(total);
    await expect(page.getByLabel(/^zaterdag \(\d+\)$/)).toBeChecked();

    await page.getByRole('link', { name: 'Filter weghalen: zaterdag' }).click();
    await expect(page).toHaveURL(/\?age=10$/);

    await page.getByRole('link', { name: 'Alles wissen' }).click();
    await expect(page).toHaveURL(/\/nl\/activiteiten$/);
    if (total > 20) {
      await page.getByRole('link', { name: 'Volgende' }).click();
      await expect(page).toHaveURL(/\?page=2$/);
      await expect(page.getByText(/^Pagina 2 van \d+$/)).toBeVisible();
    }

    await page.getByLabel('Sorteer op afstand').selectOption('centrum');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page).toHaveURL(/\?near=centrum$/);
    await expect(page.locator('.cards .distance').first()).toBeVisible();

    // The card's link carries the chosen wijk, so the offer page says how far too.
    await page.locator('.cards h3 a').first().click();
    await expect(page).toHaveURL(/\/nl\/activiteiten\/[a-z0-9-]+\?near=centrum$/);
  });
});

test('keyboard only: choose a theme, then open an activity', async ({ page }) => {
  await page.goto('/nl/activiteiten');
  await hydrated(page);
  const focused = () =>
    page.evaluate(() => ({
      id: document.activeElement?.id ?? '',
      inCard: Boolean(document.activeElement?.closest('.cards')),
    }));
  for (let i = 0; i < 40 && (await focused()).id !== 'filter-theme'; i++) await page.keyboard.press('Tab');
  await expect(page.getByLabel('Thema')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/\?theme=sport-bewegen$/);
  for (let i = 0; i < 120 && !(await focused()).inCard; i++) await page.keyboard.press('Tab');
  const link = page.locator('.cards a:focus');
  await expect(link).toHaveCount(1);
  const title = await link.innerText();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/nl\/activiteiten\/[a-z0-9-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
});

test('Arabic reads right to left and the layout mirrors', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/ar/activiteiten');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const form = (await page.locator('.catalogue-form').boundingBox())!;
  const results = (await page.locator('.results').boundingBox())!;
  expect(form.x, 'filters on the right').toBeGreaterThan(results.x);
  await page.goto('/nl/activiteiten');
  const formLtr = (await page.locator('.catalogue-form').boundingBox())!;
  const resultsLtr = (await page.locator('.results').boundingBox())!;
  expect(formLtr.x, 'filters on the left').toBeLessThan(resultsLtr.x);
});

for (const locale of locales) {
  test(`the catalogue passes axe (WCAG 2.2 AA) in ${locale}, ${textDirection(locale)}`, async ({ page }) => {
    for (const path of [`/${locale}/activiteiten`, `/${locale}/activiteiten?cost=gratis&day=wo&near=centrum`]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('dir', textDirection(locale));
      await hydrated(page);
      await expectNoAxeViolations(page);
    }
  });
}
