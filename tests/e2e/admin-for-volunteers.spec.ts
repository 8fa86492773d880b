import { expect, test } from '@playwright/test';
import { activityData, createActivity, partnerEmail, request, signIn } from '../utils/cms-admin.ts';
import { activityEditUrl, signInToAdmin } from './admin-support.ts';
import { stackInfo } from './stack-info.ts';

const slugify = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

// Issue 19, points 1 and 2, in the real admin panel (built by npm run setup) as a volunteer uses it.
test('a partner’s admin is Dutch, its form has Dutch labels and help, no JSON and no internal fields, and “Klopt nog” is a visible button', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { urls, env } = stackInfo();
  // A first visit: nothing chosen yet, so the sign-in page is already Dutch.
  await page.goto(`${urls.cms}/admin/auth/login`);
  await expect(page.getByRole('heading', { name: 'Welkom bij Droomkaart' })).toBeVisible();
  await expect(page.getByText('Welcome to Strapi!')).toHaveCount(0);
  await signInToAdmin(page, partnerEmail('kinderwerk-almere'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

  await page.goto(`${urls.cms}/admin/content-manager/collection-types/api::activity.activity?plugins[i18n][locale]=nl`);
  await page.getByRole('gridcell', { name: 'Knutselmiddag', exact: true }).click();
  const title = page.getByRole('textbox', { name: /^Naam van het aanbod/ });
  await expect(title).toHaveValue(/Knutselmiddag/, { timeout: 30_000 });

  // Dutch labels and help texts, in the order a volunteer fills the form in.
  await expect(page.getByText('Kort en duidelijk, bijvoorbeeld "Voetbal voor kinderen".')).toBeVisible();
  for (const label of ['Korte uitleg', 'Uitleg', 'Leeftijd vanaf', 'Leeftijd tot en met', 'Wat neem je mee?'])
    await expect(page.getByRole('textbox', { name: label, exact: true })).toBeVisible();
  for (const raw of ['offerType', 'costType', 'scheduleType', 'lastReviewedAt', 'stale', 'freshnessNotice'])
    await expect(page.getByText(raw, { exact: true })).toHaveCount(0);
  const summaryBox = await page.getByRole('textbox', { name: 'Korte uitleg', exact: true }).boundingBox();
  const titleBox = await title.boundingBox();
  expect(summaryBox!.y).toBeGreaterThan(titleBox!.y);

  // No raw JSON editor anywhere in the form: talen and toegankelijkheid are choices.
  await expect(page.locator('.cm-editor, [class*="JSONInput"], .CodeMirror')).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Rolstoel kan erin' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Nederlands' }).first()).toBeVisible();

  // Completeness and what is missing, beside the form: Knutselmiddag has it all; an offer of the
  // same partner that lacks something lists exactly what.
  const panel = page.getByTestId('freshness-panel');
  await expect(panel.getByText('Compleet: 100%')).toBeVisible();
  await expect(panel.getByText('Er mist niets. Goed gedaan!')).toBeVisible();
  // A new offer of the partner without a photo or a place.
  const partner = await signIn(urls.cms, partnerEmail('kinderwerk-almere'), env.DEMO_PASSWORD);
  const name = `Zonder foto ${Date.now().toString(36)}`;
  const { documentId } = await createActivity(partner, activityData({ title: name, slug: slugify(name) }));
  const status = (await request(partner, 'GET', `/droomkaart/activities/${documentId}/completeness`)).body.data as {
    score: number;
    missingText: string[];
  };
  expect(status.score).toBeLessThan(100);
  await page.goto(activityEditUrl(documentId));
  await expect(panel.getByText(`Compleet: ${status.score}%`)).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByText('Dit mist nog:')).toBeVisible();
  await expect(panel.getByRole('listitem')).toHaveText(status.missingText);
  await expect(panel.getByRole('listitem').filter({ hasText: 'een foto' })).toBeVisible();
  await expect(panel.getByRole('listitem').filter({ hasText: 'een plek' })).toBeVisible();

  // Choices instead of JSON: tick an accessibility feature and add a day without activity, save,
  // and the cms stores the same lists as before; the panel follows the saved form.
  await expect(panel.getByRole('listitem').filter({ hasText: 'toegankelijkheid' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Nederlands' }).first()).toBeChecked();
  await page.getByRole('checkbox', { name: 'Lift' }).check();
  await page.getByRole('button', { name: 'Dag toevoegen' }).click();
  await page.getByLabel('Dag 1', { exact: true }).fill('2026-12-24');
  await page.getByRole('button', { name: /^(bewaar|opslaan|save)$/i }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: 'toegankelijkheid' })).toHaveCount(0);
  const saved = (
    await request(partner, 'GET', `/content-manager/collection-types/api::activity.activity/${documentId}?locale=nl`)
  ).body.data as { accessibility: string[]; exceptionDates: string[]; languages: string[] };
  expect(saved).toMatchObject({ accessibility: ['lift'], exceptionDates: ['2026-12-24'], languages: ['nl'] });

  // "Klopt nog": a visible button, not in the ⋯ menu; one click records today.
  const today = new Date().toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
  await panel.getByRole('button', { name: 'Klopt nog' }).click();
  await expect(page.getByText(/Dank je! Gecontroleerd op/)).toBeVisible();
  await expect(panel.getByTestId('last-reviewed')).toHaveText(today);
});

test('“Overzicht aanbod” shows a partner its own offers and the programme editor the whole city', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signInToAdmin(page, partnerEmail('kinderwerk-almere'));
  await page.getByRole('link', { name: 'Overzicht aanbod' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht aanbod' })).toBeVisible();
  await expect(page.getByText(/lukte niet/)).toHaveCount(0);
  const own = page.getByRole('table');
  await expect(own.getByRole('rowheader', { name: 'Knutselmiddag' })).toBeVisible();
  await expect(own.getByRole('columnheader', { name: 'Vertalingen' })).toBeVisible();
  await expect(own.getByRole('columnheader', { name: 'Verwijzingen' })).toBeVisible();
  // Only its own: no organisation column, nothing of the library.
  await expect(own.getByRole('columnheader', { name: 'Organisatie' })).toHaveCount(0);
  await expect(own.getByText(/Voorleesuurtje/)).toHaveCount(0);

  const editor = await browser.newPage();
  await signInToAdmin(editor, 'admin@droomkaart.test');
  await editor.getByRole('link', { name: 'Overzicht aanbod' }).click();
  const city = editor.getByRole('table');
  await expect(city.getByRole('columnheader', { name: 'Organisatie' })).toBeVisible();
  await expect(city.getByRole('cell', { name: 'De Nieuwe Bibliotheek' }).first()).toBeVisible();
  await expect(city.getByRole('cell', { name: 'Kinderwerk Almere' }).first()).toBeVisible();
  // The filter keeps one organisation.
  await editor.getByRole('combobox', { name: 'Organisatie' }).selectOption({ label: 'Kinderwerk Almere' });
  await expect(city.getByRole('cell', { name: 'De Nieuwe Bibliotheek' })).toHaveCount(0);
  await expect(city.getByRole('rowheader', { name: 'Knutselmiddag' })).toBeVisible();
  await editor.close();
});
