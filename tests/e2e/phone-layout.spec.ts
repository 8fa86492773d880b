import { expect, test, type Page } from '@playwright/test';
import { locales, textDirection } from '@droomkaart/shared';
import { expectNoAxeViolations, resultCount } from './catalogue-support.ts';

// Issue 17, phone first: a compact header, the results before the filters (which open as a sheet),
// the teen edition's own defaults, and nothing wider than the screen. At 390×844 (a phone) and
// 1366×900 (a laptop), with and without JavaScript where the page has some.

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 900 };
/** The teen edition's catalogue as its header and home open it (lib/edition.ts editionCatalogueSearch). */
const TEEN_CATALOGUE = '/nl/activiteiten?edition=jong';

async function hydrated(page: Page) {
  // It wakes on an interaction or by itself once the page has been quiet for a few seconds.
  await expect(page.locator('.catalogue[data-ready="true"]')).toHaveCount(1, { timeout: 20_000 });
}

/** Enter the teen edition through its home (it sets the edition cookie, as a visitor's click does). */
async function asTeen(page: Page) {
  await page.goto('/nl/036');
  await expect(page.locator('html')).toHaveAttribute('data-edition', 'jong');
}

async function expectNoOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page wider than the screen on ${page.url()}`).toBeLessThanOrEqual(innerWidth);
}

async function firstCardBottom(page: Page): Promise<number> {
  const box = (await page.locator('.cards > li').first().boundingBox())!;
  return box.y + box.height;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`on a phone, ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, () => {
    test.use({ viewport: PHONE, javaScriptEnabled });

    test('the header is compact: languages and menu each behind one button, the dream button in sight', async ({
      page,
    }) => {
      await page.goto('/nl/activiteiten');
      const header = (await page.locator('.site-header').boundingBox())!;
      const notice = await page.locator('.demo-notice').boundingBox();
      expect(Math.max(header.y + header.height, notice ? notice.y + notice.height : 0)).toBeLessThanOrEqual(110);
      await expect(page.getByRole('banner').getByRole('link', { name: 'Stuur je droom' })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeHidden();
      await expect(page.getByRole('navigation', { name: 'Taal' })).toBeHidden();

      const menu = page.locator('summary', { hasText: 'Menu' });
      if (javaScriptEnabled) {
        await menu.focus();
        await page.keyboard.press('Enter');
        await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
        await page.keyboard.press('Escape');
        await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeHidden();
        await expect(menu).toBeFocused();
      }
      await menu.click();
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      await expect(nav.getByRole('link', { name: 'Naar Dare to dream in 036' })).toBeVisible();
      await nav.getByRole('link', { name: 'Regelingen' }).click();
      await expect(page).toHaveURL(/\/nl\/regelingen$/);

      await page.locator('.header-menu summary', { hasText: 'Taal' }).click();
      await page.getByRole('navigation', { name: 'Taal' }).getByRole('link', { name: 'English' }).click();
      await expect(page).toHaveURL(/\/en\/regelingen$/);
    });

    for (const [edition, path] of [
      ['children', '/nl/activiteiten'],
      ['teen', TEEN_CATALOGUE],
    ] as const) {
      test(`the first result card of the ${edition} catalogue lies within the first screen`, async ({ page }) => {
        if (edition === 'teen') await asTeen(page);
        await page.goto(path);
        if (javaScriptEnabled) await hydrated(page);
        expect(await resultCount(page)).toBeGreaterThan(0);
        expect(await firstCardBottom(page)).toBeLessThan(PHONE.height);
        await expect(page.locator('.filter-sheet-body')).toBeHidden();
        await expectNoOverflow(page);
      });
    }

    test('a chip removes its one filter; "Alles wissen" removes them all', async ({ page }) => {
      await page.goto('/nl/activiteiten?age=10&cost=gratis');
      if (javaScriptEnabled) await hydrated(page);
      const both = await resultCount(page);
      await expect(page.locator('.filter-count')).toContainText('2');
      await page.getByRole('link', { name: 'Filter weghalen: Gratis' }).click();
      await expect(page).toHaveURL(/\/nl\/activiteiten\?age=10$/);
      await expect(page.getByRole('link', { name: 'Filter weghalen: Gratis' })).toHaveCount(0);
      await expect.poll(() => resultCount(page)).toBeGreaterThanOrEqual(both);
      await expect(page.locator('.filter-count')).toContainText('1');

      await page.goto('/nl/activiteiten?age=10&cost=gratis');
      if (javaScriptEnabled) await hydrated(page);
      await page.locator('.results-bar').getByRole('link', { name: 'Alles wissen' }).click();
      await expect(page).toHaveURL(/\/nl\/activiteiten$/);
      await expect(page.locator('.chips')).toHaveCount(0);
    });

    test('the teen edition opens the catalogue at its ages, shown as a chip that can go', async ({ page }) => {
      await asTeen(page);
      await page.locator('summary', { hasText: 'Menu' }).click();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Activiteiten' }).click();
      await expect(page).toHaveURL(/\/nl\/activiteiten\?edition=jong$/);
      await expect(page.getByRole('link', { name: /^Filter weghalen: .*12/ })).toBeVisible();
    });

    test('the teen dream form suggests a teen age and shows the teen picture set, all within the screen', async ({
      page,
    }) => {
      await page.goto('/nl/036/droom');
      await expect(page.locator('html')).toHaveAttribute('data-edition', 'jong');
      await expect(page.getByText('Je leeftijd in jaren, bijvoorbeeld 15.')).toHaveCount(1);
      await expect(page.getByText('bijvoorbeeld 9')).toHaveCount(0);
      await expect(page.getByText(/Bijvoorbeeld: monteur/)).toBeVisible();
      if (javaScriptEnabled)
        await page.getByRole('textbox', { name: 'Wat wil je later worden of doen?' }).fill('Monteur');
      if (javaScriptEnabled) await page.getByRole('button', { name: 'Volgende' }).click();
      const picks = page.locator('.pick-list label');
      await expect(picks.first()).toHaveText('Meelopen bij een beroep');
      await expect(picks.first().locator('svg')).toHaveCount(1);
      for (const box of await picks.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()))) {
        expect((box as DOMRect).right).toBeLessThanOrEqual(PHONE.width);
      }
      await expectNoOverflow(page);

      // The letterbox follows the edition the visitor came from (its cookie): start afresh as a child.
      await page.context().clearCookies();
      await page.goto('/nl/droom');
      await expect(page.locator('html')).toHaveAttribute('data-edition', 'kind');
      await expect(page.getByText('Je leeftijd in jaren, bijvoorbeeld 9.')).toHaveCount(1);
      if (javaScriptEnabled) await page.getByRole('textbox', { name: 'Wat wil je later worden?' }).fill('Kok');
      if (javaScriptEnabled) await page.getByRole('button', { name: 'Volgende' }).click();
      await expect(page.locator('.pick-list label').first()).toHaveText('Sport');
    });
  });
}

test.describe('on a phone, the filter sheet', () => {
  test.use({ viewport: PHONE });

  test('opens and closes by keyboard, says how many it finds and gives the focus back', async ({ page }) => {
    await page.goto('/nl/activiteiten');
    await hydrated(page);
    // A <details>: the browser tells assistive technology whether it is open (no aria-expanded to
    // keep in step, also without JavaScript).
    const details = page.locator('details.filter-sheet');
    const toggle = details.locator('summary');
    await toggle.focus();
    await expect(details).toHaveJSProperty('open', false);
    await page.keyboard.press('Enter');
    const sheet = page.locator('.filter-sheet-body');
    await expect(sheet).toBeVisible();
    await expect(details).toHaveJSProperty('open', true);
    // Over the whole screen, with the focus inside it.
    const box = (await sheet.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(PHONE.height - 1);
    await expect(sheet.locator(':focus')).toHaveCount(1);

    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await expect(details).toHaveJSProperty('open', false);
    await expect(toggle).toBeFocused();

    await page.keyboard.press('Enter');
    await page.getByLabel('Leeftijd').selectOption('10');
    const count = page.locator('#results-heading');
    await expect(count).toHaveAttribute('aria-live', 'polite');
    await expect(page).toHaveURL(/\?age=10$/);
    const found = await resultCount(page);
    const show = page.getByRole('button', { name: `Toon ${found} activiteit` });
    await expect(show).toBeVisible();
    await show.press('Enter');
    await expect(sheet).toBeHidden();
    await expect(count).toBeFocused();
    await expect(page.getByRole('link', { name: 'Filter weghalen: 10 jaar' })).toBeVisible();
    await expect(page.locator('.filter-count')).toContainText('1');
  });
});

test.describe('on a phone without JavaScript, the filter sheet', () => {
  test.use({ viewport: PHONE, javaScriptEnabled: false });

  test('opens from its button and applies the filters as a form', async ({ page }) => {
    await page.goto('/nl/activiteiten');
    await page.locator('summary.filter-toggle').click();
    await page.getByLabel('Leeftijd').selectOption('10');
    await page.getByRole('button', { name: 'Filters toepassen' }).click();
    await expect(page).toHaveURL(/\/nl\/activiteiten\?age=10$/);
    await expect(page.getByLabel('Leeftijd')).toBeHidden();
    expect(await firstCardBottom(page)).toBeLessThan(PHONE.height);
  });
});

test.describe('on a laptop', () => {
  test.use({ viewport: LAPTOP });

  test('the header shows the menu and the languages inline', async ({ page }) => {
    await page.goto('/nl/activiteiten');
    await expect(
      page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Kaart' }),
    ).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Taal' }).getByRole('link', { name: 'English' })).toBeVisible();
    await expect(page.locator('summary', { hasText: 'Menu' })).toBeHidden();
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`filters and results stand side by side, ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ viewport: LAPTOP, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto('/nl/activiteiten');
      if (javaScriptEnabled) await hydrated(page);
      const age = (await page.getByLabel('Leeftijd').boundingBox())!;
      const card = (await page.locator('.cards > li').first().boundingBox())!;
      expect(age.x + age.width).toBeLessThan(card.x);
      expect(card.y).toBeLessThan(LAPTOP.height);
      await expect(page.locator('summary.filter-toggle')).toBeHidden();
      await context.close();
    });
  }
});

for (const viewport of [PHONE, LAPTOP]) {
  test(`no page is wider than the screen at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    for (const path of [
      '/nl/',
      '/nl/activiteiten',
      '/nl/droom',
      '/nl/036',
      TEEN_CATALOGUE,
      '/nl/036/droom',
      '/ar/036',
    ]) {
      await page.goto(path);
      await expectNoOverflow(page);
    }
  });
}

test.describe('on a phone, in every language', () => {
  test.use({ viewport: PHONE });

  for (const locale of locales) {
    test(`the open menu, the filter sheet and the teen pages pass axe in ${locale}, ${textDirection(locale)}`, async ({
      page,
    }) => {
      await page.goto(`/${locale}/activiteiten`);
      await hydrated(page);
      await expect(page.locator('html')).toHaveAttribute('dir', textDirection(locale));
      await page.locator('.header-menu summary').last().click();
      await expect(page.locator('.header-menu .main-nav')).toBeVisible();
      await expectNoAxeViolations(page);
      await page.keyboard.press('Escape');
      await page.locator('summary.filter-toggle').click();
      await expect(page.locator('.filter-sheet-body')).toBeVisible();
      await expectNoOverflow(page);
      await expectNoAxeViolations(page);
      for (const path of [`/${locale}/036`, `/${locale}/036/droom`]) {
        await page.goto(path);
        await expectNoOverflow(page);
        await expectNoAxeViolations(page);
      }
    });
  }
});
