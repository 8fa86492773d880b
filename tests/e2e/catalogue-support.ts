// Helpers of the catalogue and map suites (catalogue-search.spec.ts, map.spec.ts).
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * No test reaches the internet, and the pages ask nothing of other origins: every request is
 * recorded, anything not on the site's own origin is refused.
 */
export async function watchRequests(page: Page, siteOrigin: string): Promise<{ all: string[]; foreign: string[] }> {
  const seen = { all: [] as string[], foreign: [] as string[] };
  page.on('request', (r) => seen.all.push(r.url()));
  await page.route(/.*/, (route) => {
    const url = route.request().url();
    if (url.startsWith(`${siteOrigin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.fallback();
    seen.foreign.push(url);
    return route.abort();
  });
  return seen;
}

/** The number in the results heading ("12 activiteiten gevonden"). */
export async function resultCount(page: Page): Promise<number> {
  const text = await page.locator('#results-heading').innerText();
  return Number(/\d+/.exec(text)?.[0] ?? NaN);
}

/** Waits until the results heading says `count` (Dutch). */
export async function expectCount(page: Page, count: number) {
  await expect(page.locator('#results-heading')).toHaveText(new RegExp(`^${count} activiteit(en)? gevonden$`));
}

/** The count in a facet label: "Gratis (12)" → 12. */
export function labelCount(label: string): number {
  return Number(/\((\d+)\)\s*$/.exec(label)?.[1] ?? NaN);
}
