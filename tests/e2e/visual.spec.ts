// Visual regression (issue 17): the first screen of every public page type, on a phone (390×844)
// and a laptop (1366×900), compared with the approved screenshots in visual.spec.ts-snapshots/.
// What a parent sees first is what is compared; a difference above 2 % of the pixels fails.
// Deterministic: the demo seed is fixed, animations and the caret are off, and what depends on the
// clock or the GPU is masked (dates and times: <time> and [data-visual-mask]; the map's canvas).
//
// A change that is meant: look at the diff in test-results/, then approve the new look with
//   cd tests && pnpm exec playwright test e2e/visual.spec.ts --update-snapshots
// and commit the PNGs.
import { expect, test, type Page } from '@playwright/test';
import { SEEDED } from './pages-support.ts';

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1366, height: 900 },
] as const;

const PAGES = [
  { name: 'home-kind', path: '/nl/' },
  { name: 'home-jong', path: '/nl/036' },
  { name: 'catalogue', path: '/nl/activiteiten' },
  { name: 'map', path: '/nl/kaart' },
  { name: 'activity', path: `/nl/activiteiten/${SEEDED.weekly}` },
  { name: 'organisation', path: `/nl/organisaties/${SEEDED.organisation}` },
  { name: 'regelingen', path: '/nl/regelingen' },
  { name: 'letterbox-kind', path: '/nl/droom' },
  { name: 'letterbox-jong', path: '/nl/036/droom' },
] as const;

/** Everything loaded and still: fonts, the pictures in view, the map drawn, no pending request. */
async function settle(page: Page) {
  // The map page's MapLibre starts after a quiet while (lib/map/page.ts): the approved look is drawn.
  const map = page.locator('.map[data-status]');
  if (await map.count()) await expect(map).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all(
      [...document.images]
        .filter((img) => img.getBoundingClientRect().top < window.innerHeight && !img.complete)
        .map((img) => new Promise((resolve) => img.addEventListener('load', resolve, { once: true }))),
    );
  });
}

test.describe('visual regression', () => {
  for (const viewport of VIEWPORTS) {
    test.describe(viewport.name, () => {
      test.use({ viewport: { width: viewport.width, height: viewport.height }, deviceScaleFactor: 1 });
      for (const { name, path } of PAGES) {
        test(`${name} looks as approved`, async ({ page, context }) => {
          // Both homes set the edition cookie; every page starts without one (the children's edition).
          await context.clearCookies();
          await page.goto(path);
          await settle(page);
          await expect(page).toHaveScreenshot(`${name}-${viewport.name}.png`, {
            animations: 'disabled',
            caret: 'hide',
            scale: 'css',
            maxDiffPixelRatio: 0.02,
            mask: [page.locator('time, [data-visual-mask], .map canvas, .maplibregl-canvas')],
          });
        });
      }
    });
  }
});
