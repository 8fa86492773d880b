import { createHmac } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './dream-support.ts';
import { stackInfo } from './stack-info.ts';
import { DEMO_ADMIN, findDocumentId, request, signIn } from '../utils/cms-admin.ts';

// "One tap, no sign-in" (issue 19, point 3), in real browsers against the real stack: a volunteer
// opens the organisation's link without any session (and without JavaScript), taps "Alles klopt
// nog" and sees the thanks; using it again is harmless. An expired, a replaced and another
// organisation's link behave as they should. The page passes axe, also right to left and on a phone.

test.describe.configure({ timeout: 180_000 });

type Link = { url: string; text: string; organisation: string };

async function linkFor(slug: string, replace = false): Promise<{ path: string; link: Link }> {
  const { urls, env } = stackInfo();
  const admin = await signIn(urls.cms, DEMO_ADMIN.email, env.DEMO_PASSWORD);
  const organisation = await findDocumentId(admin, 'api::organisation.organisation', 'slug', slug);
  const res = await request(
    admin,
    'POST',
    `/droomkaart/organisations/${organisation}/reconfirm-link`,
    replace ? { replace: true } : {},
  );
  expect(res.status).toBe(200);
  const link = res.body.data as Link;
  return { path: new URL(link.url).pathname, link };
}

/** The same link expired a minute ago, signed with the stack's secret. */
function expired(path: string): string {
  const token = decodeURIComponent(path.split('/').pop()!);
  const parts = token.split('.');
  parts[3] = Math.floor((Date.now() - 60_000) / 1000).toString(36);
  const payload = parts.slice(0, 5).join('.');
  const signature = createHmac('sha256', stackInfo().env.LINK_SECRET).update(payload).digest('base64url');
  return path.replace(/[^/]+$/, `${payload}.${signature}`);
}

async function expectDeadLink(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(404);
  await expect(page.locator('h1')).toHaveText('Deze link werkt niet meer');
  await expect(page.locator('body')).toContainText('vraag een nieuwe link');
  await expect(page.getByRole('button', { name: 'Alles klopt nog' })).toHaveCount(0);
}

test('a volunteer confirms every offer with one tap, without an account', async ({ browser }) => {
  const { path, link } = await linkFor('kinderwerk-almere');
  expect(link.text).toContain(link.url);

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const res = await page.goto(path);
  expect(res?.status()).toBe(200);
  expect(res!.headers()['cache-control']).toContain('no-store');
  expect(res!.headers()['referrer-policy']).toBe('no-referrer');
  await expect(page.locator('h1')).toContainText(link.organisation);
  await expect(page.locator('ul.reconfirm-offers li').first()).toContainText(/Laatst gecontroleerd op/);
  await expect(page.getByRole('link', { name: 'Aanpassen' })).toHaveAttribute('href', /\/admin$/);
  await expect(page.locator('body')).not.toContainText(/armoede|gemeente/i);

  await page.getByRole('button', { name: 'Alles klopt nog' }).click();
  await expect(page).toHaveURL(/\?klaar=1$/);
  await expect(page.getByRole('status')).toContainText(/Dank je wel! Alles is bevestigd op \d{1,2} \w+ \d{4}/);
  // Every offer now says it was checked today.
  const date = /bevestigd op (\d{1,2} \w+ \d{4})/.exec((await page.getByRole('status').textContent()) ?? '')![1];
  const offers = page.locator('ul.reconfirm-offers li');
  for (let i = 0; i < (await offers.count()); i++)
    await expect(offers.nth(i)).toContainText(`Laatst gecontroleerd op ${date}`);

  // The same link again: harmless, and it says so.
  await page.goto(path);
  await page.getByRole('button', { name: 'Alles klopt nog' }).click();
  await expect(page).toHaveURL(/\?klaar=al$/);
  await expect(page.getByRole('status')).toContainText('Dit was vandaag al bevestigd');
  expect(await context.cookies()).toEqual([]);
  await context.close();

  // axe (needs JavaScript): the page in Dutch, and in Arabic right to left, on a phone.
  const checked = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const a11y = await checked.newPage();
  await a11y.goto(`${path}?klaar=1`);
  await expectNoAxeViolations(a11y);
  expect(await a11y.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await a11y.goto(path.replace(/^\/nl\//, '/ar/'));
  await expect(a11y.locator('html')).toHaveAttribute('dir', 'rtl');
  await expectNoAxeViolations(a11y);
  await expectDeadLink(a11y, expired(path));
  await expectNoAxeViolations(a11y);
  await checked.close();
});

test('expired, replaced and other organisations\u2019 links do what they should', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const first = await linkFor('de-nieuwe-bibliotheek', true);
  await expectDeadLink(page, expired(first.path));
  // A new link replaces the old one.
  const second = await linkFor('de-nieuwe-bibliotheek', true);
  await expectDeadLink(page, first.path);
  await page.goto(second.path);
  await expect(page.locator('h1')).toContainText(second.link.organisation);

  // Another organisation's link shows and confirms only that organisation's offers.
  const other = await linkFor('kinderwerk-almere');
  await page.goto(other.path);
  await expect(page.locator('h1')).toContainText(other.link.organisation);
  await expect(page.locator('h1')).not.toContainText(second.link.organisation);
  const { urls } = stackInfo();
  const library = await (
    await fetch(`${urls.cms}/api/activities?filters[organisation][slug][$eq]=de-nieuwe-bibliotheek&fields[0]=title`)
  ).json();
  for (const a of (library as { data: { title: string }[] }).data)
    await expect(page.locator('ul.reconfirm-offers')).not.toContainText(a.title);
  await context.close();
});
