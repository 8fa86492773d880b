import { expect, test, type Page } from '@playwright/test';
import { watchRequests } from './catalogue-support.ts';

// The map page starts MapLibre (its largest script by far) on the visitor's first interaction or
// once the page has been quiet a few seconds (lib/map/page.ts, issue 17: a cheap phone's first
// seconds go to the title, the switch and the list). Until then the map's box is in place (laid out
// from the first paint, so nothing moves) and says the map is coming.

let seen: { all: string[]; foreign: string[] };
test.beforeEach(async ({ page, baseURL }) => {
  seen = await watchRequests(page, new URL(baseURL!).origin);
});
test.afterEach(() => {
  expect(seen.foreign, 'requests to other origins').toEqual([]);
});

const map = (page: Page) => page.locator('.map');
const mapLibre = () => seen.all.filter((u) => /\/_astro\/controller\.[^/]+\.js$/.test(u));

test('on a phone the map box fills the first screen at once, and a touch starts the map', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/nl/kaart', { waitUntil: 'load' });
  expect(mapLibre(), 'MapLibre loaded before any interaction').toEqual([]);
  await expect(map(page)).toBeInViewport({ ratio: 0.5 });
  await expect(page.locator('[data-map-loading]')).toBeInViewport();
  await expect(page.locator('[data-map-loading]')).toHaveText('De kaart wordt geladen…');
  await map(page).click();
  await expect(map(page)).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  expect(mapLibre()).toHaveLength(1);
  await expect(page.locator('[data-map-loading]')).toHaveCount(0);
});

test('without any interaction the map starts by itself after a quiet while', async ({ page }) => {
  await page.goto('/nl/kaart', { waitUntil: 'load' });
  await expect(map(page)).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  expect(mapLibre()).toHaveLength(1);
});

test('nothing moves while the page loads: the layout waits for no script', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: number };
    w.shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!e.hadRecentInput) w.shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const path of ['/nl/kaart', '/nl/kaart?weergave=lijst']) {
    await page.goto(path, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    const shifts = await page.evaluate(() => (window as unknown as { shifts: number }).shifts);
    // Lighthouse's "good" is below 0.1; the map page's own layout adds nothing to the page's.
    expect(shifts, path).toBeLessThan(0.05);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('there is no map box: the list is the page', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/nl/kaart');
    await expect(map(page)).toBeHidden();
    await expect(page.locator('.cards > li').first()).toBeInViewport();
    await expect(page.locator('.map-intro')).toHaveText(
      'Zoek iets leuks in de buurt. Op de kaart en in de lijst staan dezelfde activiteiten.',
    );
  });
});
