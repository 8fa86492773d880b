// Shared by the pages-*.spec.ts suites: the page types of the public site with a seeded example
// of each (the demo seed is deterministic), and helpers.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Seeded examples (cms/src/seed, SEED_ACTIVITY_COUNT=60). */
export const SEEDED = {
  /** Weekly, paid by a regeling, translated into every locale. */
  weekly: 'zwemles-voor-je-a-diploma',
  /** Dutch only: other locales show the Dutch text with a notice. */
  untranslated: 'zwemles-voor-je-b-en-c-diploma',
  untranslatedOrganisation: 'zwembad-haven-demo',
  /** A one-off date without times. */
  oneOff: 'klimmen-in-het-klimbos',
  /** An organisation with regelingen. */
  organisation: 'jeugdfonds-sport-en-cultuur-almere',
} as const;

/** Every page type this suite owns, for a locale. */
export function ownPages(locale: string): { name: string; path: string }[] {
  return [
    { name: 'home (0–12)', path: `/${locale}/` },
    { name: 'home (036)', path: `/${locale}/036` },
    { name: 'activity', path: `/${locale}/activiteiten/${SEEDED.weekly}` },
    { name: 'activity (one-off)', path: `/${locale}/activiteiten/${SEEDED.oneOff}` },
    ...(locale === 'nl'
      ? []
      : [{ name: 'activity (not translated)', path: `/${locale}/activiteiten/${SEEDED.untranslated}` }]),
    { name: 'organisations', path: `/${locale}/organisaties` },
    { name: 'organisation', path: `/${locale}/organisaties/${SEEDED.organisation}` },
    { name: 'regelingen', path: `/${locale}/regelingen` },
  ];
}

/** Other public page types (other owners); checked where they exist. */
export function otherPages(locale: string): { name: string; path: string }[] {
  return [
    { name: 'catalogue', path: `/${locale}/activiteiten` },
    { name: 'map', path: `/${locale}/kaart` },
    { name: 'letterbox', path: `/${locale}/droom` },
  ];
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** No test reaches the internet: requests to other origins are refused (and can be recorded). */
export async function blockOtherOrigins(page: Page, seen?: string[]) {
  await page.route(/^(?!http:\/\/(127\.0\.0\.1|localhost)[:/])/, (route) => {
    seen?.push(route.request().url());
    return route.abort();
  });
}
