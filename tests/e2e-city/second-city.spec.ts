import { expect, test, type Page } from '@playwright/test';
import { blockOtherOrigins, expectNoAxeViolations, SEEDED } from '../e2e/pages-support.ts';
import { resultCount } from '../e2e/catalogue-support.ts';
import { secondCity } from './second-city.ts';

// Another city by configuration alone: the stack runs with the second city's file (CITY_CONFIG,
// global-setup.ts) and a demo seed made from it. Its pages show its name, editions, stadsdelen and
// wijken, and nothing of the default city.

const city = secondCity.municipality.name;
const child = secondCity.editions.find((e) => e.path === '')!;
const teen = secondCity.editions.find((e) => e.path !== '')!;
const teenName = teen.name;

test.beforeEach(async ({ page }) => blockOtherOrigins(page));
test.describe.configure({ timeout: 120_000 });

/** Opens a page, and checks that it answers and that its HTML names nothing of the default city. */
async function open(page: Page, path: string): Promise<string> {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(200);
  const html = await page.content();
  for (const word of [/almere/i, /Dare to dream/i, /Als ik later groot ben/i, /ألمير/, /Алмере/])
    expect(html, `${path} names the default city: ${word}`).not.toMatch(word);
  return html;
}

test('the home pages wear the second city’s editions, names and colours', async ({ page }) => {
  await open(page, '/nl/');
  await expect(page.locator('html')).toHaveAttribute('data-edition', child.id);
  await expect(page.getByRole('heading', { level: 1, name: child.name })).toBeVisible();
  await expect(page.getByRole('link', { name: `Naar ${teenName}` }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  await open(page, `/nl/${teen.path}`);
  await expect(page.locator('html')).toHaveAttribute('data-edition', teen.id);
  await expect(page.locator('html')).toHaveAttribute('data-tone', 'jong');
  await expect(page.getByRole('heading', { level: 1, name: teenName })).toBeVisible();
  await expectNoAxeViolations(page);
  // The default city's edition path is no page here.
  expect((await page.goto('/nl/036'))?.status()).toBe(404);
});

test('the catalogue names the city and its stadsdelen, and finds the seeded activities', async ({ page }) => {
  await open(page, '/nl/activiteiten');
  await expect(page.getByText(`Zoek iets leuks om te doen in ${city}.`)).toBeVisible();
  const stadsdeel = page.getByLabel('Stadsdeel');
  await expect(stadsdeel.locator('option', { hasText: `Heel ${city}` })).toHaveCount(1);
  for (const s of secondCity.stadsdelen) await expect(stadsdeel.locator(`option[value="${s.slug}"]`)).toHaveCount(1);
  await expect(async () => {
    await page.reload();
    expect(await resultCount(page)).toBeGreaterThan(0);
  }).toPass({ timeout: 60_000 });
  // In another language the city has its own spelling.
  await open(page, '/ar/activiteiten');
  await expect(page.getByText(`ابحث عن شيء ممتع تفعله في ${secondCity.municipality.names.ar}.`)).toBeVisible();
});

test('an activity page shows a place in the city', async ({ page }) => {
  const html = await open(page, `/nl/activiteiten/${SEEDED.weekly}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const wijken = secondCity.stadsdelen.flatMap((s) => s.wijken.map((w) => w.name));
  expect(html).toContain(city);
  expect(wijken.some((w) => html.includes(w))).toBe(true);
});

test('the letterbox’s first step asks in the city’s words, with its wijken', async ({ page }) => {
  const html = await open(page, '/nl/droom');
  await expect(page.getByRole('heading', { level: 1, name: 'Stuur je droom' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Je droom' })).toBeVisible();
  await expect(
    page.getByRole('link', { name: `Ben je ${teen.ageMin} jaar of ouder? Ga naar ${teenName}.` }),
  ).toBeVisible();
  for (const w of secondCity.stadsdelen.flatMap((s) => s.wijken)) expect(html).toContain(w.name);
  await expectNoAxeViolations(page);

  await open(page, `/nl/${teen.path}/droom`);
  await expect(page.getByRole('heading', { level: 1, name: 'Jouw droom, jouw plan' })).toBeVisible();
});

test('the map page is the city’s map', async ({ page }) => {
  const html = await open(page, '/nl/kaart');
  expect(html).toContain(`Kaart met activiteiten in ${city}`);
  for (const s of secondCity.stadsdelen) expect(html).toContain(s.name);
});
