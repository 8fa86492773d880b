import { expect, test } from '@playwright/test';
import { partnerEmail } from '../utils/cms-admin.ts';
import { signInToAdmin } from './admin-support.ts';
import { stackInfo } from './stack-info.ts';

// The real Strapi admin panel, as a partner uses it.
test('a partner edits and publishes its own activity in the admin, sees it on the site, and cannot open another partner’s activity', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { urls } = stackInfo();
  const admin = (path: string) => `${urls.cms}/admin${path}`;
  const list = admin('/content-manager/collection-types/api::activity.activity?plugins[i18n][locale]=nl');

  await signInToAdmin(page, partnerEmail('kinderwerk-almere'));

  await page.goto(list);
  // Only its own organisation's activity is listed.
  await expect(page.getByRole('gridcell', { name: 'Knutselmiddag', exact: true })).toBeVisible();
  await expect(page.getByRole('gridcell', { name: /Voorleesuurtje/ })).toHaveCount(0);

  await page.getByRole('gridcell', { name: 'Knutselmiddag', exact: true }).click();
  const title = page.getByRole('textbox', { name: 'Naam van het aanbod', exact: true });
  await expect(title).toHaveValue('Knutselmiddag', { timeout: 30_000 }); // the edit view loads slowly on a busy machine
  const newTitle = `Knutselmiddag met klei ${Date.now().toString(36)}`;
  await title.fill(newTitle);

  await page.getByRole('button', { name: /^(publiceer|publish)$/i }).click();
  await expect(page.getByText(/^(Gepubliceerd|Published document)$/).first()).toBeVisible();

  // "Klopt nog": one click on the visible button beside the form records that it is still right.
  await page.getByTestId('freshness-panel').getByRole('button', { name: 'Klopt nog' }).click();
  await expect(page.getByText(/Dank je! Gecontroleerd op/)).toBeVisible();

  // On the site within seconds.
  const started = Date.now();
  await expect(async () => {
    await page.goto(`${urls.site}/nl/activiteiten?q=${encodeURIComponent(newTitle)}`);
    await expect(page.getByRole('link', { name: newTitle })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  expect(Date.now() - started).toBeLessThan(10_000);

  // Another partner's activity, opened by URL, is refused and shows nothing of it.
  const res = await fetch(
    `${urls.cms}/api/activities?filters[organisation][slug][$eq]=de-nieuwe-bibliotheek&pagination[pageSize]=1`,
  );
  const other = ((await res.json()) as { data: { documentId: string; title: string }[] }).data[0];
  await page.goto(
    admin(`/content-manager/collection-types/api::activity.activity/${other.documentId}?plugins[i18n][locale]=nl`),
  );
  await expect(page.getByText(/something went wrong|forbidden|no permission|er ging iets mis/i).first()).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Naam van het aanbod', exact: true })).toHaveCount(0);
  await expect(page.getByText(other.title)).toHaveCount(0);

  // A rule the form itself does not know comes back from the server, in Dutch, at the field, and
  // nothing is saved.
  await page.goto(list);
  await page.getByRole('gridcell', { name: newTitle, exact: true }).click();
  await page.getByRole('textbox', { name: 'Leeftijd vanaf', exact: true }).fill('11');
  await page.getByRole('textbox', { name: 'Leeftijd tot en met', exact: true }).fill('5');
  await page.getByRole('button', { name: /^(bewaar|opslaan|save)$/i }).click();
  await expect(
    page.getByText('De leeftijd "tot" moet even hoog of hoger zijn dan de leeftijd "vanaf".').first(),
  ).toBeVisible();
  const stored = await fetch(`${urls.cms}/api/activities?filters[title][$eq]=${encodeURIComponent(newTitle)}`);
  const [activity] = ((await stored.json()) as { data: { ageMin: number; ageMax: number }[] }).data;
  expect(activity.ageMin).toBeLessThanOrEqual(activity.ageMax);
});
