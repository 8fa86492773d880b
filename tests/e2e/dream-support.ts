// Shared by the dream*.spec.ts suites: filling in the letterbox form like a person does.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { request as adminRequest, signIn, DEMO_ADMIN, type AdminSession } from '../utils/cms-admin.ts';
import { stackInfo } from './stack-info.ts';

export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** No test reaches the internet: requests to other origins are refused and recorded. */
export async function blockOtherOrigins(page: Page, seen: string[] = []) {
  await page.route(/^(?!http:\/\/(127\.0\.0\.1|localhost)[:/])/, (route) => {
    seen.push(route.request().url());
    return route.abort();
  });
  return seen;
}

let counter = 0;
/** A Dutch mobile number no other test in this run uses (the per-number limit is 5 per 10 min). */
export function uniquePhone(): { typed: string; e164: string; shown: string } {
  counter += 1;
  const digits = `1${String((Date.now() + counter * 7919) % 10_000_000).padStart(7, '0')}`;
  return { typed: `06 ${digits.slice(0, 4)} ${digits.slice(4)}`, e164: `+316${digits}`, shown: `06 ${digits}` };
}

/** The form needs a person's time (DREAM_MIN_FILL_SECONDS, 3 s by default) since it was shown. */
export async function waitMinFill(page: Page) {
  const shownAt = await page.evaluate(() => performance.timeOrigin).catch(() => Date.now());
  const wait = 3300 - (Date.now() - shownAt);
  if (wait > 0) await page.waitForTimeout(wait);
}

/** The island took over the form (steps). */
export async function enhanced(page: Page) {
  await expect(page.locator('form.dream-form[data-enhanced="true"]')).toBeAttached({ timeout: 15_000 });
}

export type DreamInput = {
  dream: string;
  need?: string;
  picks?: string[];
  firstName: string;
  age: string;
  wijk?: string;
  phone: string;
  parentName?: string;
  email?: string;
  language?: string;
};

/** Fills every field of the plain form (no JavaScript: all steps on one page). */
export async function fillAll(page: Page, d: DreamInput) {
  await page.locator('#f-dream').fill(d.dream);
  if (d.need !== undefined) await page.locator('#f-need').fill(d.need);
  for (const pick of d.picks ?? []) await page.locator(`#f-needPicks-${pick}`).check();
  await page.locator('#f-firstName').fill(d.firstName);
  await page.locator('#f-age').fill(d.age);
  if (d.wijk !== undefined) await page.locator('#f-wijk').selectOption(d.wijk);
  await page.locator('#f-phone').fill(d.phone);
  if (d.parentName !== undefined) await page.locator('#f-parentName').fill(d.parentName);
  if (d.email !== undefined) await page.locator('#f-email').fill(d.email);
  if (d.language !== undefined) await page.locator('#f-preferredLanguage').selectOption(d.language);
}

// One sign-in per worker: the cms limits sign-ins per address (429 after a few in a row).
let session: Promise<AdminSession> | null = null;

/** The dreams stored in the cms with this phone number (admin content-manager API). */
export async function storedDreams(e164: string): Promise<any[]> {
  const { urls, env } = stackInfo();
  session ??= signIn(urls.cms, DEMO_ADMIN.email, env.DEMO_PASSWORD).catch((err) => {
    session = null;
    throw err;
  });
  const admin = await session;
  const res = await adminRequest(
    admin,
    'GET',
    `/content-manager/collection-types/api::dream.dream?filters[phone][$eq]=${encodeURIComponent(e164)}&pageSize=100`,
  );
  expect(res.status).toBe(200);
  return res.body.results;
}
