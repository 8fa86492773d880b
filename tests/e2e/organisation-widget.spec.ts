import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SEEDED } from './pages-support.ts';

// Issue 19, point 7: an organisation shows its offer on its own website with an <iframe> of its
// widget. The partner's site is another origin (a page this test serves on another port); only the widget may be framed there, it sets no cookie and loads nothing from
// elsewhere.

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const widgetPath = (locale: string, slug: string = SEEDED.organisation) => `/${locale}/organisaties/${slug}/widget`;

/**
 * The partner's website: a page on another origin (another port of this machine: a page served by
 * the browser itself would count as a public site framing a local one, which Chromium blocks).
 */
let partner: Server;
let partnerOrigin = '';
let framed = '';
test.beforeAll(async () => {
  partner = createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="nl"><title>Onze club</title><h1>Onze club</h1>
      <iframe src="${framed}" title="Ons aanbod" style="width:100%;height:600px;border:0"></iframe>`);
  });
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  partnerOrigin = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await new Promise((resolve) => partner.close(resolve));
});

/** The partner's page, framing `src` of the site. */
function partnerPage(siteOrigin: string, src: string): string {
  framed = `${siteOrigin}${src}`;
  expect(partnerOrigin).not.toBe(siteOrigin);
  return `${partnerOrigin}/onze-club.html`;
}

test('the widget shows the organisation’s offer on a page of another origin, without cookies', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  // What the partner pastes is the code the organisation page gives.
  await page.goto(`/nl/organisaties/${SEEDED.organisation}`);
  await page.getByText('Dit aanbod op je eigen website').click();
  const code = await page.getByLabel('Code voor je website').inputValue();
  const src = /src="([^"]+)"/.exec(code)?.[1];
  expect(src).toBe(`${origin}${widgetPath('nl')}`);
  await context.clearCookies();

  await page.goto(partnerPage(origin, widgetPath('nl')));
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(/^Activiteiten van /);
  const cards = frame.locator('.cards > li');
  expect(await cards.count()).toBeGreaterThan(0);
  // Every link leaves the partner's page for Droomkaart in a new tab (the <base target>).
  await expect(frame.locator('base')).toHaveAttribute('target', '_blank');
  const more = frame.getByRole('link', { name: /^Bekijk alles op .*\(opent in een nieuw tabblad\)$/ });
  await expect(more).toHaveAttribute('href', `/nl/organisaties/${SEEDED.organisation}`);
  const [tab] = await Promise.all([context.waitForEvent('page'), more.click()]);
  await tab.waitForLoadState();
  expect(tab.url()).toBe(`${origin}/nl/organisaties/${SEEDED.organisation}`);
  await tab.close();

  expect(await context.cookies([origin, partnerOrigin])).toEqual([]);
  const elsewhere = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith(`${partnerOrigin}/`));
  expect(elsewhere).toEqual([]);
});

test('only the widget may be framed: the organisation page itself is refused in a frame', async ({
  page,
  request,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const widget = await request.get(widgetPath('nl'));
  expect(widget.status()).toBe(200);
  expect(widget.headers()['x-frame-options']).toBeUndefined();
  expect(widget.headers()['content-security-policy']).toMatch(/(^|; )frame-ancestors \*($|;)/);
  expect(widget.headers()['content-security-policy']).not.toContain("frame-ancestors 'none'");
  expect(widget.headers()['set-cookie']).toBeUndefined();

  const full = await request.get(`/nl/organisaties/${SEEDED.organisation}`);
  expect(full.headers()['x-frame-options']).toBe('DENY');
  expect(full.headers()['content-security-policy']).toContain("frame-ancestors 'none'");

  // In a browser: the framed organisation page stays empty.
  await page.goto(partnerPage(origin, `/nl/organisaties/${SEEDED.organisation}`));
  await expect(page.getByRole('heading', { name: 'Onze club' })).toBeVisible();
  const framed = page.frames().find((f) => f !== page.mainFrame());
  await expect.poll(async () => (await framed?.content().catch(() => '')) ?? '').not.toContain('Activiteiten');
});

test('the widget speaks the site’s languages, right to left in Arabic, and an unknown organisation is a kind 404', async ({
  page,
}) => {
  await page.goto(widgetPath('ar'));
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^أنشطة /);
  await page.goto(widgetPath('en'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Activities of /);
  const missing = await page.goto(widgetPath('nl', 'bestaat-niet'));
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

for (const locale of ['nl', 'ar'] as const)
  test(`the widget passes axe (WCAG 2.2 AA) in ${locale}, also at 320 px`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 600 });
    await page.goto(widgetPath(locale));
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);
  });
