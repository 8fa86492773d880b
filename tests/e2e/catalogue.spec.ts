import { expect, test } from '@playwright/test';
import { indexName } from '@droomkaart/shared';
import {
  activityData,
  createActivity,
  DEMO_ADMIN,
  findDocumentId,
  publishActivity,
  signIn,
  unpublishActivity,
} from '../utils/cms-admin.ts';
import { pageFreshnessMs, stackInfo } from './stack-info.ts';

test.beforeEach(async ({ page }) => {
  // No test reaches the internet: anything not on this machine is refused and recorded.
  await page.route(/^(?!http:\/\/(127\.0\.0\.1|localhost)[:/])/, (route) => route.abort());
});

test('an activity published in the cms is found on the catalogue, opens, and disappears when unpublished', async ({
  page,
}) => {
  const { urls, env } = stackInfo();
  const admin = await signIn(urls.cms, DEMO_ADMIN.email, env.DEMO_PASSWORD);
  const unique = `Robotbouwen ${Date.now().toString(36)}`;
  const slug = unique.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const techTheme = await findDocumentId(admin, 'api::theme.theme', 'slug', 'techniek-computers');
  const codeclub = await findDocumentId(admin, 'api::organisation.organisation', 'slug', 'codeclub-almere-demo');
  const { documentId } = await createActivity(
    admin,
    activityData(
      {
        title: unique,
        slug,
        summary: 'Je bouwt en programmeert je eigen robot.',
        themes: { connect: [{ documentId: techTheme }] },
        ageMin: 9,
        ageMax: 13,
      },
      codeclub,
    ),
  );
  await publishActivity(admin, documentId);

  await page.goto('/nl/activiteiten');
  await expect(page.getByRole('heading', { level: 1, name: 'Activiteiten' })).toBeVisible();
  const search = page.getByRole('searchbox', { name: 'Zoek' });
  await expect(async () => {
    await search.fill(unique);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page.getByRole('link', { name: unique })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });

  await page.getByRole('link', { name: unique }).click();
  await expect(page).toHaveURL(new RegExp(`/nl/activiteiten/${slug}$`));
  await expect(page.getByRole('heading', { level: 1, name: unique })).toBeVisible();
  await expect(page.getByText('Je bouwt en programmeert je eigen robot.')).toBeVisible();

  await unpublishActivity(admin, documentId);
  await expect(async () => {
    await page.goto(`/nl/activiteiten?q=${encodeURIComponent(unique)}`);
    await expect(page.getByRole('link', { name: unique })).toHaveCount(0, { timeout: 500 });
    await expect(page.getByRole('heading', { level: 2, name: /0 activiteiten gevonden/ })).toBeVisible({
      timeout: 500,
    });
  }).toPass({ timeout: 10_000 });
  // The activity page reads the cms through the site's caches: gone within their times.
  await expect(async () => {
    const gone = await page.goto(`/nl/activiteiten/${slug}`);
    expect(gone?.status()).toBe(404);
  }).toPass({ timeout: pageFreshnessMs(env) });
});

test('a catalogue page kept by the page cache shows a newly published activity as soon as the index has it', async ({
  playwright,
  baseURL,
}) => {
  const { urls, env } = stackInfo();
  const admin = await signIn(urls.cms, DEMO_ADMIN.email, env.DEMO_PASSWORD);
  const unique = `Vliegerles ${Date.now().toString(36)}`;
  const slug = unique.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const codeclub = await findDocumentId(admin, 'api::organisation.organisation', 'slug', 'codeclub-almere-demo');
  const client = await playwright.request.newContext({ baseURL });
  const path = `/nl/activiteiten?q=${encodeURIComponent(unique)}`;
  const visit = async () => {
    const res = await client.get(path);
    expect(res.status()).toBe(200);
    const html = await res.text();
    return {
      cache: res.headers()['x-page-cache'],
      cacheControl: res.headers()['cache-control'],
      found: html.includes(`/nl/activiteiten/${slug}"`),
    };
  };
  try {
    // Before: nothing found, and the second visit is the kept page, checked against the search.
    expect((await visit()).found).toBe(false);
    const kept = await visit();
    expect(kept).toMatchObject({ cache: 'checked', found: false, cacheControl: 'public, no-cache' });

    // Whether the index has it, asked as the browser's search does (the site's search route).
    const indexed = async () => {
      const res = await client.post('/api/search/multi-search', {
        headers: { origin: baseURL! },
        data: {
          queries: [
            {
              indexUid: indexName('nl', env.INDEX_PREFIX || undefined),
              q: unique,
              limit: 5,
              attributesToRetrieve: ['slug'],
            },
          ],
        },
      });
      expect(res.status()).toBe(200);
      return ((await res.json()).results[0].hits as { slug: string }[]).some((h) => h.slug === slug);
    };
    const { documentId } = await createActivity(
      admin,
      activityData(
        { title: unique, slug, summary: 'Je maakt en laat een vlieger op.', ageMin: 6, ageMax: 12 },
        codeclub,
      ),
    );
    await publishActivity(admin, documentId);
    await expect(async () => expect(await indexed()).toBe(true)).toPass({ timeout: 10_000, intervals: [100] });
    // The very next visit to the kept address lists it: the page is not shown any later than the index has it.
    expect(await visit()).toMatchObject({ cache: 'miss', found: true });

    await unpublishActivity(admin, documentId);
    await expect(async () => expect(await indexed()).toBe(false)).toPass({ timeout: 10_000, intervals: [100] });
    expect(await visit()).toMatchObject({ cache: 'miss', found: false });
  } finally {
    await client.dispose();
  }
});

test('filters for age, stadsdeel and theme narrow the results and stay in the URL', async ({ page }) => {
  await page.goto('/nl/activiteiten');
  const total = await resultCount(page);
  expect(total).toBeGreaterThan(0);

  await page.getByLabel('Leeftijd').selectOption('15');
  await page.getByLabel('Stadsdeel').selectOption('almere-buiten');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(/age=15/);
  await expect(page).toHaveURL(/stadsdeel=almere-buiten/);
  const narrowed = await resultCount(page);
  expect(narrowed).toBeLessThan(total);
  await expect(page.getByLabel('Leeftijd')).toHaveValue('15');

  await page.goto('/nl/activiteiten?theme=sport-bewegen');
  await expect(page.getByLabel('Thema')).toHaveValue('sport-bewegen');
  const sport = await resultCount(page);
  expect(sport).toBeGreaterThan(0);
  expect(sport).toBeLessThan(total);
});

test('both editions have a home page, in Dutch and in Arabic from right to left', async ({ page }) => {
  await page.goto('/nl/');
  await expect(page.getByRole('heading', { level: 1, name: 'Als ik later groot ben' })).toBeVisible();
  await page.getByRole('link', { name: 'Naar Dare to dream in 036' }).click();
  await expect(page).toHaveURL(/\/nl\/036$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dare to dream in 036' })).toBeVisible();

  await page.goto('/ar/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
});

test('the language switch keeps the page and the search', async ({ page }) => {
  await page.goto('/nl/activiteiten?theme=sport-bewegen');
  await page.getByRole('navigation', { name: 'Taal' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/activiteiten\?theme=sport-bewegen$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Activities' })).toBeVisible();
});

async function resultCount(page: import('@playwright/test').Page): Promise<number> {
  const text = await page.getByRole('heading', { level: 2, name: /activiteit(en)? gevonden/ }).innerText();
  return Number(/\d+/.exec(text)?.[0] ?? NaN);
}
