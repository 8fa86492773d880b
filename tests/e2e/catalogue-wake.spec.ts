import { expect, test, type Page } from '@playwright/test';
import { expectCount, labelCount, resultCount, watchRequests } from './catalogue-support.ts';

// The catalogue island hydrates on the visitor's first interaction (client:interaction, issue 17:
// a phone spends no time on React before the first results are usable). Nothing the visitor does
// in the first moments may be lost: words typed and filters chosen before the island woke count.

let seen: { all: string[]; foreign: string[] };
test.beforeEach(async ({ page, baseURL }) => {
  seen = await watchRequests(page, new URL(baseURL!).origin);
});
test.afterEach(() => {
  expect(seen.foreign, 'requests to other origins').toEqual([]);
});

const islandScripts = () => seen.all.filter((u) => /\/_astro\/CatalogueIsland\.[^/]+\.js$/.test(u));
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Zoek' });

test('the page loads without the island: its script comes with the first interaction', async ({ page }) => {
  await page.goto('/nl/activiteiten', { waitUntil: 'load' });
  expect(await page.locator('.cards > li').count()).toBeGreaterThan(0);
  expect(islandScripts(), 'island loaded before any interaction').toEqual([]);
  await expect(page.locator('.catalogue[data-ready="true"]')).toHaveCount(0);
  await searchBox(page).focus();
  await expect(page.locator('.catalogue[data-ready="true"]')).toHaveCount(1);
  expect(islandScripts()).toHaveLength(1);
});

test('words typed at once, before the island woke, are searched', async ({ page }) => {
  await page.goto('/nl/activiteiten', { waitUntil: 'load' });
  const total = await resultCount(page);
  await searchBox(page).pressSequentially('zwem');
  await expect(page).toHaveURL(/\/nl\/activiteiten\?q=zwem$/);
  await expect(searchBox(page)).toHaveValue('zwem');
  await expect(page.locator('#results-heading')).not.toHaveText(new RegExp(`^${total} `));
  const found = await resultCount(page);
  expect(found).toBeGreaterThan(0);
  expect(found).toBeLessThan(total);
  await expect(page.locator('.cards > li').first()).toContainText(/zwem/i);
});

test('a filter ticked at once, before the island woke, applies', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/nl/activiteiten', { waitUntil: 'load' });
  const freeCount = labelCount(await page.locator('label[for="filter-cost-gratis"]').innerText());
  await page.getByRole('checkbox', { name: /^Gratis \(\d+\)$/ }).click();
  await expect(page).toHaveURL(/\/nl\/activiteiten\?cost=gratis$/);
  await expectCount(page, freeCount);
  await expect(page.getByRole('checkbox', { name: /^Gratis \(\d+\)$/ })).toBeChecked();
});

test('on a phone: the filter sheet opened and a filter ticked at once apply', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/nl/activiteiten', { waitUntil: 'load' });
  await page.locator('summary.filter-toggle').click();
  const freeCount = labelCount(await page.locator('label[for="filter-cost-gratis"]').innerText());
  await page.getByRole('checkbox', { name: /^Gratis \(\d+\)$/ }).click();
  await expect(page).toHaveURL(/\/nl\/activiteiten\?cost=gratis$/);
  await expectCount(page, freeCount);
  await expect(page.locator('details.filter-sheet')).toHaveAttribute('open', '');
});

test('a chosen filter removed at once, before the island woke, is removed', async ({ page }) => {
  await page.goto('/nl/activiteiten?cost=gratis', { waitUntil: 'load' });
  await page.getByRole('link', { name: 'Filter weghalen: Gratis' }).click();
  await expect(page).toHaveURL(/\/nl\/activiteiten$/);
  await expect(page.getByRole('checkbox', { name: /^Gratis \(\d+\)$/ })).not.toBeChecked();
});
