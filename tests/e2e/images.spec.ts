// Activities' pictures (DESIGN §7 "images served as AVIF/WebP at the size shown"): the demo seed gives
// every activity the illustration of its first theme (cms/src/seed/images.ts), uploaded once
// through Strapi, with AVIF and WebP versions at 320–1600 px.
import { expect, test, type Locator, type Page, type Response } from '@playwright/test';
import { stackInfo } from './stack-info.ts';
import { blockOtherOrigins, expectNoAxeViolations, SEEDED } from './pages-support.ts';

test.beforeEach(async ({ page }) => blockOtherOrigins(page));

const activity = (locale: string, slug: string = SEEDED.weekly) => `/${locale}/activiteiten/${slug}`;

/** Every image response of a page, with its body size, from the moment this is called. */
function recordImages(page: Page): { url: string; type: string; bytes: Promise<number> }[] {
  const seen: { url: string; type: string; bytes: Promise<number> }[] = [];
  page.on('response', (r: Response) => {
    if (r.request().resourceType() !== 'image') return;
    seen.push({
      url: r.url(),
      type: r.headers()['content-type'] ?? '',
      bytes: r.body().then(
        (b) => b.length,
        () => -1,
      ),
    });
  });
  return seen;
}

/**
 * Waits until an <img> has loaded, then what the browser chose, the width of that file in pixels
 * (`naturalWidth` of a srcset image is divided by its density, so the file is decoded on its own)
 * and how wide it is shown.
 */
async function loaded(img: Locator) {
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  return img.evaluate(async (el: HTMLImageElement) => {
    const file = new Image();
    file.src = el.currentSrc;
    await file.decode();
    return {
      currentSrc: el.currentSrc,
      fileWidth: file.naturalWidth,
      shownWidth: el.getBoundingClientRect().width,
      shownHeight: el.getBoundingClientRect().height,
      dpr: window.devicePixelRatio,
    };
  });
}

/** The widths a <picture>'s AVIF source offers (`… 320w, … 640w`). */
async function offeredWidths(picture: Locator): Promise<number[]> {
  const srcset = (await picture.locator('source[type="image/avif"]').getAttribute('srcset')) ?? '';
  return srcset.split(',').map((c) => Number(/(\d+)w\s*$/.exec(c.trim())?.[1]));
}

test.describe('desktop, 1280 px wide at density 1', () => {
  test.use({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });

  test('the activity page shows its picture as AVIF or WebP, from the site itself, at the width shown and without a layout shift', async ({
    page,
    baseURL,
  }, testInfo) => {
    const images = recordImages(page);
    await page.goto(activity('nl'));
    const hero = page.locator('picture.activity-hero');
    const img = hero.locator('img');
    // Loaded first, without waiting for the page to scroll; decoded off the main thread.
    await expect(img).toHaveAttribute('fetchpriority', 'high');
    await expect(img).toHaveAttribute('decoding', 'async');
    expect(await img.getAttribute('loading')).toBeNull();
    // An illustration: decorative.
    await expect(img).toHaveAttribute('alt', '');
    await expect(hero.locator('source').first()).toHaveAttribute('type', 'image/avif');
    await expect(hero.locator('source').nth(1)).toHaveAttribute('type', 'image/webp');
    // width/height reserve the space before the image arrives.
    await expect(img).toHaveAttribute('width', '960');
    await expect(img).toHaveAttribute('height', '600');

    const chosen = await loaded(img);
    expect(chosen.currentSrc.startsWith(`${baseURL}/uploads/`), chosen.currentSrc).toBe(true);
    expect(chosen.shownWidth).toBe(960);
    expect(chosen.shownHeight).toBe(600);
    expect(chosen.fileWidth).toBeLessThanOrEqual(chosen.shownWidth * chosen.dpr);
    expect(chosen.fileWidth).toBeGreaterThanOrEqual(chosen.shownWidth * chosen.dpr);
    const response = images.find((r) => r.url === chosen.currentSrc);
    expect(response, 'the browser fetched the picture it shows').toBeDefined();
    expect(['image/avif', 'image/webp']).toContain(response!.type);
    // Only this one picture was downloaded (no JPEG fallback, no second size).
    expect([...new Set(images.filter((r) => r.url.includes('/uploads/')).map((r) => r.url))]).toEqual([
      chosen.currentSrc,
    ]);

    // Bytes served, against the JPEG the partner uploaded and Strapi's JPEG of the same width.
    const cms = stackInfo().urls.cms;
    const row = (await (
      await fetch(`${cms}/api/activities?filters[slug][$eq]=${SEEDED.weekly}&locale=nl&populate[images]=true`)
    ).json()) as {
      data: { images: { url: string; formats: Record<string, { url: string; width: number }> }[] }[];
    };
    const file = row.data[0].images[0];
    const size = async (url: string) => (await (await page.request.get(url)).body()).length;
    const figures = {
      served: { type: response!.type, width: chosen.fileWidth, bytes: await response!.bytes },
      avif960: await size(`${file.formats.avif_960.url}`),
      webp960: await size(`${file.formats.webp_960.url}`),
      jpeg960: await size(`${file.formats.medium.url}`),
      originalJpeg: await size(file.url),
    };
    console.log(`[images] hero: ${JSON.stringify(figures)}`);
    testInfo.annotations.push({ type: 'hero bytes', description: JSON.stringify(figures) });
    expect(figures.served.bytes).toBeLessThan(figures.originalJpeg);
    expect(figures.served.bytes).toBeLessThan(figures.jpeg960);
  });

  test('catalogue cards show a small picture, lazily, never a large version', async ({ page }) => {
    const images = recordImages(page);
    await page.goto('/nl/activiteiten');
    const cards = page.locator('.results .card');
    await expect(cards.first()).toBeVisible();
    const pictures = page.locator('.results .card picture.card-image');
    expect(await pictures.count()).toBe(await cards.count());
    for (const img of await pictures.locator('img').all()) {
      await expect(img).toHaveAttribute('loading', 'lazy');
      await expect(img).toHaveAttribute('decoding', 'async');
      await expect(img).toHaveAttribute('alt', '');
    }
    // From the search document: only the card's versions.
    expect(await offeredWidths(pictures.first())).toEqual([320, 640]);
    await expect(pictures.first().locator('source').first()).toHaveAttribute('sizes', '6.75em');
    const first = await loaded(pictures.first().locator('img'));
    expect(first.shownWidth).toBe(108);
    expect(first.fileWidth).toBe(320);
    // Lazy: the cards far below the fold are not fetched until scrolled to.
    const last = pictures.last().locator('img');
    expect(await last.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(false);
    await last.scrollIntoViewIfNeeded();
    await loaded(last);
    const fetched = images.filter((r) => r.url.includes('/uploads/'));
    expect(fetched.length).toBeGreaterThan(0);
    for (const r of fetched) {
      expect(['image/avif', 'image/webp'], r.url).toContain(r.type);
      expect(Number(/\/uploads\/(?:avif|webp)_(\d+)_/.exec(r.url)?.[1]), r.url).toBeLessThanOrEqual(640);
    }

    // After a search in the browser (the island renders the cards), the pictures stay.
    await expect(page.locator('.catalogue[data-ready="true"]')).toHaveCount(1);
    await page.getByRole('searchbox', { name: 'Zoek' }).fill('zwemles');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page).toHaveURL(/q=zwemles/);
    await expect(page.locator('.results .card').first()).toContainText(/zwem/i);
    expect(await page.locator('.results .card picture.card-image').count()).toBe(
      await page.locator('.results .card').count(),
    );
    await expect(page.locator('.results .card picture.card-image img').first()).toHaveAttribute('loading', 'lazy');
  });

  test('an organisation page’s cards show the same small pictures', async ({ page }) => {
    await page.goto(`/nl/organisaties/${SEEDED.organisation}`);
    const img = page.locator('.card picture.card-image img').first();
    await expect(img).toHaveAttribute('loading', 'lazy');
    expect(await offeredWidths(page.locator('.card picture.card-image').first())).toEqual([320, 640]);
  });

  test('axe finds nothing on pages with pictures', async ({ page }) => {
    for (const path of [
      activity('nl'),
      activity('ar'),
      activity('en', SEEDED.untranslated),
      '/nl/activiteiten',
      `/nl/organisaties/${SEEDED.organisation}`,
    ]) {
      await page.goto(path);
      await expect(page.locator('main picture').first()).toBeVisible();
      await expectNoAxeViolations(page);
    }
  });
});

test.describe('phone, 390 px wide at density 2', () => {
  test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });

  test('the activity page takes a version for the phone’s width, not the large one', async ({ page }) => {
    const images = recordImages(page);
    await page.goto(activity('nl'));
    const hero = page.locator('picture.activity-hero');
    const chosen = await loaded(hero.locator('img'));
    const needed = chosen.shownWidth * chosen.dpr;
    // At most the first version at least as wide as needed (the browser may take the one below).
    const offered = await offeredWidths(hero);
    expect(offered).toEqual([320, 640, 960, 1280, 1600]);
    expect(chosen.fileWidth).toBeLessThanOrEqual(offered.find((w) => w >= needed)!);
    expect(chosen.fileWidth).toBeGreaterThan(chosen.shownWidth);
    const response = images.find((r) => r.url === chosen.currentSrc);
    expect(['image/avif', 'image/webp']).toContain(response?.type);
    console.log(
      `[images] phone: shown ${chosen.shownWidth} px at density ${chosen.dpr}, fetched the ${chosen.fileWidth} px ${response?.type}`,
    );
  });
});

test('the site passes on image uploads only', async ({ request }) => {
  const page = await request.get(activity('nl'));
  const src = /<source type="image\/avif" srcset="([^ "]+) /.exec(await page.text())?.[1];
  expect(src).toMatch(/^\/uploads\/avif_320_voorbeeld_[a-z_]+_\w+\.avif\?v=[a-z0-9]+$/);
  const image = await request.get(src!);
  expect(image.status()).toBe(200);
  expect(image.headers()).toMatchObject({
    'content-type': 'image/avif',
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
  });
  // Without a version: cached an hour, then revalidated.
  expect((await request.get(src!.split('?')[0])).headers()['cache-control']).toBe(
    'public, max-age=3600, stale-while-revalidate=86400',
  );
  for (const path of [
    '/uploads/..%2F..%2Fpackage.json',
    '/uploads/..%2Fconfig%2Fserver.ts',
    '/uploads/%2E%2E%2Fx.jpg',
    '/uploads/x.svg',
    '/uploads/geen-bestand.jpg',
    '/uploads/a/b.jpg',
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});
