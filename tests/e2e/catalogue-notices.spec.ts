import { expect, test, type Page } from '@playwright/test';
import { city } from '@droomkaart/shared';
import { expectCount, expectNoAxeViolations, labelCount, resultCount, watchRequests } from './catalogue-support.ts';

// What the catalogue tells a family about its search: a place read from the words, words it had to
// drop, a wider search instead of an empty page, and on each card where, when and in which language.
// Queries use words of the demo data's first variants (judo, zwemles) or find what they need on the page.

let seen: { all: string[]; foreign: string[] };
test.beforeEach(async ({ page, baseURL }) => {
  seen = await watchRequests(page, new URL(baseURL!).origin);
});
test.afterEach(() => {
  expect(seen.foreign, 'requests to other origins').toEqual([]);
});

async function hydrated(page: Page) {
  // It wakes on an interaction or by itself once the page has been quiet for a few seconds.
  await expect(page.locator('.catalogue[data-ready="true"]')).toHaveCount(1, { timeout: 20_000 });
}

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Zoek' });
const notice = (page: Page) => page.locator('.results .search-notice');
const placeNotice = (page: Page) => notice(page).filter({ hasText: /^We zoeken/ });
const WEEK = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];

/**
 * A word of the demo data and a stadsdeel where no activity has it (from the stadsdeel filter's
 * own counts), with the stadsdeel's short name ("pampus") as a family types it.
 */
async function queryWithEmptyStadsdeel(page: Page): Promise<{ q: string; place: string; name: string }> {
  for (const q of ['judo', 'schaakclub', 'zwemles']) {
    await page.goto(`/nl/activiteiten?q=${q}`);
    const options = page.getByLabel('Stadsdeel').locator('option[value]:not([value=""])');
    const labels = await options.allInnerTexts();
    const i = labels.findIndex((l) => labelCount(l) === 0);
    if (i === -1 || (await resultCount(page)) === 0) continue;
    const name = labels[i].replace(/\s*\(\d+\)$/, '');
    return { q, place: name.replace(/^Almere /, '').toLowerCase(), name };
  }
  throw new Error('no word of the demo data is missing from a stadsdeel');
}

test.describe('a place in the query', () => {
  test('is searched as that stadsdeel, says so, and the family can search everywhere instead', async ({ page }) => {
    await page.goto('/nl/activiteiten?q=judo&stadsdeel=almere-haven');
    const chosen = await resultCount(page);

    seen.all.length = 0;
    await page.goto('/nl/activiteiten?q=judo+in+haven');
    await hydrated(page);
    await page.waitForLoadState('networkidle');
    // The island starts from the server's results: the same reading on both sides, no second search.
    expect(seen.all.filter((u) => u.includes('/api/search'))).toEqual([]);
    // The same results as a family that chose the stadsdeel; the words and the filters stay as typed.
    await expectCount(page, chosen);
    await expect(placeNotice(page)).toHaveText('We zoeken in Almere Haven. Zoek overal');
    await expect(searchBox(page)).toHaveValue('judo in haven');
    await expect(page.getByLabel('Stadsdeel')).toHaveValue('');
    await expect(page).toHaveURL(/\/nl\/activiteiten\?q=judo\+in\+haven$/);

    await page.getByRole('link', { name: 'Zoek overal' }).click();
    await expect(page).toHaveURL(/\?q=judo\+in\+haven&everywhere=1$/);
    await expect(placeNotice(page)).toHaveText('We zoeken overal. Zoek alleen in Almere Haven');
    await expect(searchBox(page)).toHaveValue('judo in haven');
    await page.getByRole('link', { name: 'Zoek alleen in Almere Haven' }).click();
    await expect(page).toHaveURL(/\?q=judo\+in\+haven$/);
    await expectCount(page, chosen);
  });

  test('is read while typing a wijk, without changing what is typed', async ({ page }) => {
    await page.goto('/nl/activiteiten');
    await hydrated(page);
    await searchBox(page).fill('zwemles kruidenwijk');
    await expect(placeNotice(page)).toHaveText('We zoeken in Kruidenwijk. Zoek overal');
    await expect(page).toHaveURL(/\?q=zwemles\+kruidenwijk$/);
    await expect(searchBox(page)).toHaveValue('zwemles kruidenwijk');
    // Every card there is in that wijk.
    for (const where of await page.locator('.cards .where').allInnerTexts())
      expect(where.startsWith('Kruidenwijk') || where.startsWith('op ')).toBe(true);

    // A place the family chose wins: the words are searched as typed.
    await page.getByLabel('Stadsdeel').selectOption('almere-buiten');
    await expect(page).toHaveURL(/\?q=zwemles\+kruidenwijk&stadsdeel=almere-buiten$/);
    await expect(placeNotice(page)).toHaveCount(0);
  });

  test('ordinary words are not places: "hout" after "met" is wood', async ({ page }) => {
    await page.goto('/nl/activiteiten?q=knutselen+met+hout');
    await hydrated(page);
    await expect(page.getByText('We zoeken in', { exact: false })).toHaveCount(0);
  });
});

test('a word that matches nothing is dropped, and the catalogue says which words it did find', async ({ page }) => {
  await page.goto('/nl/activiteiten?q=judo');
  await hydrated(page);
  await expect(notice(page)).toHaveCount(0);
  expect(await resultCount(page)).toBeGreaterThan(0);

  await page.goto('/nl/activiteiten?q=judo+xqzwv');
  await hydrated(page);
  expect(await resultCount(page)).toBeGreaterThan(0);
  await expect(notice(page)).toHaveText('Niets gevonden met alle woorden. Dit past bij: judo');
  // Before the results, as plain text.
  const noticeBox = (await notice(page).boundingBox())!;
  const firstCard = (await page.locator('.cards > li').first().boundingBox())!;
  expect(noticeBox.y).toBeLessThan(firstCard.y);
});

test('a child’s dream sentence is not a loosened search: only the words it is about count', async ({ page }) => {
  await page.goto('/nl/activiteiten?q=ik+wil+later+judoka+worden');
  await hydrated(page);
  expect(await resultCount(page)).toBeGreaterThan(0);
  await expect(notice(page)).toHaveCount(0);

  await page.goto('/nl/activiteiten?q=ik+wil+later+judoka+xqzwv+worden');
  await hydrated(page);
  await expect(notice(page)).toHaveText(/Dit past bij: judoka$/);
});

test.describe('no results with filters', () => {
  test('offer the same words without the filter that leaves nothing, with the count', async ({ page }) => {
    await page.goto('/nl/activiteiten?q=judo');
    await hydrated(page);
    const judo = await resultCount(page);
    // An age no judo activity is for, found from the filter's own counts.
    const ages = await page.getByLabel('Leeftijd').locator('option[value]:not([value=""])').allInnerTexts();
    const values = await page
      .getByLabel('Leeftijd')
      .locator('option[value]:not([value=""])')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const none = values[ages.findIndex((label) => labelCount(label) === 0)];
    expect(none, 'an age without judo').toBeDefined();

    await page.goto(`/nl/activiteiten?q=judo&age=${none}`);
    await hydrated(page);
    await expectCount(page, 0);
    const wider = page.getByRole('link', { name: /^Zonder het filter .+ vind je \d+ activiteit(en)?\.$/ });
    await expect(wider).toHaveText(new RegExp(` ${judo} activiteit(en)?\\.$`));
    await expectNoAxeViolations(page);
    await wider.click();
    await expect(page).toHaveURL(/\/nl\/activiteiten\?q=judo$/);
    await expectCount(page, judo);
  });

  test('offer the words everywhere when the place read from the query has nothing', async ({ page }) => {
    const { q, place } = await queryWithEmptyStadsdeel(page);
    await page.goto(`/nl/activiteiten?q=${q}+in+${place}`);
    await hydrated(page);
    await expectCount(page, 0);
    const everywhere = page.getByRole('link', { name: /^Overal vind je \d+ activiteit(en)?\.$/ });
    const count = Number(/\d+/.exec(await everywhere.innerText())![0]);
    expect(count).toBeGreaterThan(0);
    await everywhere.click();
    await expect(page).toHaveURL(new RegExp(`\\?q=${q}\\+in\\+${place}&everywhere=1$`));
    expect(await resultCount(page)).toBeGreaterThan(0);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the place notice and the wider search are plain links', async ({ page }) => {
      const { q, place, name } = await queryWithEmptyStadsdeel(page);
      await page.goto(`/nl/activiteiten?q=${q}+in+${place}`);
      await page.getByRole('link', { name: /^Overal vind je \d+ activiteit(en)?\.$/ }).click();
      await expect(page).toHaveURL(new RegExp(`\\?q=${q}\\+in\\+${place}&everywhere=1$`));
      await expect(page.getByRole('link', { name: `Zoek alleen in ${name}` })).toBeVisible();
    });
  });
});

test('every card says where and on which days, in the reader’s language', async ({ page }) => {
  const wijkNames = new Set(city.stadsdelen.flatMap((s) => s.wijken.map((w) => w.name)));
  await page.goto('/nl/activiteiten');
  const wheres = await page.locator('.cards .where').allInnerTexts();
  expect(wheres.length).toBe(await page.locator('.cards > li').count());
  for (const where of wheres) expect(wijkNames.has(where) || /^op \d+ plekken$/.test(where), where).toBe(true);
  let withDays = 0;
  for (const line of await page.locator('.cards .when').allInnerTexts()) {
    // "ma, wo 15:30–16:30", or days with different times: "di 10:00–11:00 · za 13:00–14:00"
    for (const part of line.split(' · ')) {
      const days = part.replace(/ \d\d:\d\d–\d\d:\d\d$/, '');
      if (/^\d/.test(days)) continue;
      withDays++;
      const ds = days.split(', ');
      expect(
        ds.every((d) => WEEK.includes(d)),
        line,
      ).toBe(true);
      expect(ds, 'days in week order').toEqual([...ds].sort((a, b) => WEEK.indexOf(a) - WEEK.indexOf(b)));
    }
  }
  expect(withDays).toBeGreaterThan(0);

  await page.goto('/en/activiteiten');
  const english = (await page.locator('.cards .when').allInnerTexts()).join('\n');
  expect(english).toMatch(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/);
  expect(english).not.toMatch(/\b(ma|di|wo|do|vr|za|zo)\b/);
});

test('a card without a translation says it is only in Dutch, and its Dutch text is marked Dutch', async ({ page }) => {
  await page.goto('/en/activiteiten?q=zwemles');
  const dutch = page.locator('.cards .card:has(h3[lang="nl"])');
  const translated = page.locator('.cards .card:not(:has(h3[lang="nl"]))');
  expect(await dutch.count()).toBeGreaterThan(0);
  for (const card of await dutch.all()) {
    await expect(card.locator('.only-dutch')).toHaveText('Only in Dutch');
    await expect(card.locator('.only-dutch')).not.toHaveAttribute('lang', 'nl');
    await expect(card.locator('p[lang="nl"]')).toHaveCount(1);
  }
  for (const card of await translated.all()) await expect(card.locator('.only-dutch')).toHaveCount(0);
  await page.goto('/ar/activiteiten?q=zwemles');
  await expect(page.locator('.cards .only-dutch').first()).toHaveText('بالهولندية فقط');
  await page.goto('/nl/activiteiten?q=zwemles');
  await expect(page.locator('.only-dutch')).toHaveCount(0);
});

test('on a phone the notices are short and pass axe, in Dutch and Arabic', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of [
    '/nl/activiteiten?q=judo+in+haven',
    '/ar/activiteiten?q=judo+in+haven',
    '/nl/activiteiten?q=judo+xqzwv',
  ]) {
    await page.goto(path);
    await hydrated(page);
    const box = (await notice(page).first().boundingBox())!;
    const lineHeight = await notice(page)
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.5);
    expect(box.height, `${path}: at most two lines`).toBeLessThanOrEqual(lineHeight * 2 + 2);
    expect(box.width).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);
  }
  // The place notice's link is reachable by keyboard.
  await page.goto('/nl/activiteiten?q=judo+in+haven');
  await hydrated(page);
  const link = page.getByRole('link', { name: 'Zoek overal' });
  for (let i = 0; i < 80 && !(await link.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/&everywhere=1$/);
});
