import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, uniquePhone } from './dream-support.ts';
import { providerLinkFromMail, sendDream, shortlistNext, signInAsCoordinator } from './workspace-support.ts';

// The whole hand-over of issue 18 in one journey on the real stack: a dream comes in; the
// coordinator shortlists an activity and tells its provider; the provider, without an account,
// answers "welkom" through the personal link from the mail; the family, without an account, says
// "we zijn begonnen" through the link in the family message; and the reports count the start.
// Each party sees only its own side: the provider no dream text, the family no child's name.

test.describe.configure({ timeout: 300_000 });

/** A figure of the reports' tables (`#t-funnel` row 3: started); null when shown as "< 5" or hidden. */
async function reportFigure(page: Page, table: string, row: number, column = 0): Promise<number | null> {
  await page.goto('/nl/werkplek/rapportage');
  const text = (await page.locator(`${table} tbody tr`).nth(row).locator('td').nth(column).innerText()).trim();
  return /^\d/.test(text) ? Number.parseInt(text.replace(/\D/g, ''), 10) : null;
}

/** A count went up by one, as far as the small-number rule lets a report show it. */
function expectOneMore(before: number | null, after: number | null) {
  if (before !== null && before >= 4) expect(after).toBe(before + 1);
  else if (before === null) expect(after === null || after >= 5).toBe(true);
  else expect(after === null || after === before + 1).toBe(true);
}

test('dream → referral → the provider says welkom → the family says begonnen → the report counts it', async ({
  page,
  browser,
}) => {
  await signInAsCoordinator(page);
  const startedBefore = await reportFigure(page, '#t-funnel', 3);

  const firstName = `Lus${Date.now() % 100000}`;
  const documentId = await sendDream({
    firstName,
    age: 10,
    dream: 'Ik wil later keeper worden bij een grote club',
    need: 'Een club in de buurt',
    needPicks: ['sport'],
    wijk: 'muziekwijk',
    phone: uniquePhone().typed,
    parentName: 'Samira',
  });

  // The coordinator: shortlist, then "Laat de aanbieder het weten".
  await page.goto(`/nl/werkplek/dromen/${documentId}`);
  const title = await shortlistNext(page);
  const referral = page.locator('li.ws-referral', { hasText: title });
  await referral.getByRole('button', { name: /Laat de aanbieder het weten/ }).click();
  await expect(page.getByText('De aanbieder weet het nu.')).toBeVisible();
  await expect(referral).toContainText('Aangemeld');

  // The provider: another browser, no session, no JavaScript; sees the child's first name and age only.
  const provider = await browser.newContext({ javaScriptEnabled: false });
  const ppage = await provider.newPage();
  expect((await ppage.goto(await providerLinkFromMail(firstName)))?.status()).toBe(200);
  await expect(ppage.locator('body')).toContainText(firstName);
  await expect(ppage.locator('body')).not.toContainText(/keeper|muziekwijk|Samira/);
  await ppage.getByLabel('Welkom: het kind kan komen').check();
  await ppage.getByLabel('Eerste keer', { exact: true }).fill('2027-01-12');
  await ppage.getByRole('button', { name: 'Stuur antwoord' }).click();
  await expect(ppage.getByText('Dank je wel! Je antwoord is bewaard.')).toBeVisible();
  await provider.close();

  // The family message now tells the truth: the provider was told, so "they will call you".
  await page.goto(`/nl/werkplek/dromen/${documentId}/bericht`);
  const text = await page.locator('textarea').first().inputValue();
  expect(text.startsWith('Hallo Samira,')).toBe(true);
  expect(text).toMatch(/We hebben je aangemeld( bij [^\n]+)?\. Zij bellen je\./);
  expect(text).not.toMatch(/gepraat/);
  const familyLink = /(https?:\/\/\S+\/nl\/gezin\/\S+)/.exec(text)?.[1];
  expect(familyLink).toBeTruthy();

  // The family: a browser of its own, no session, no JavaScript; no child's name on the page.
  const family = await browser.newContext({ javaScriptEnabled: false });
  const fpage = await family.newPage();
  expect((await fpage.goto(familyLink!))?.status()).toBe(200);
  await expect(fpage.locator('h2')).toHaveText(title);
  await expect(fpage.locator('body')).not.toContainText(firstName);
  await fpage.getByRole('button', { name: 'We zijn begonnen' }).click();
  await expect(fpage.locator('.family-current')).toHaveText('Je antwoord: We zijn begonnen');
  await family.close();

  // The coordinator sees both answers on the dream, and the step of each in the history.
  await page.goto(`/nl/werkplek/dromen/${documentId}`);
  const seen = page.locator('li.ws-referral', { hasText: title });
  await expect(seen.locator('.ws-status').first()).toHaveText('Gestart');
  await expect(seen).toContainText('Welkom');
  await expect(seen.locator('.ws-family-answer')).toContainText('Gezin zegt: begonnen');
  await expect(page.locator('body')).toContainText(`Antwoord van aanbieder bij ${title}: Welkom`);
  await expect(page.locator('body')).toContainText(`Gezin over ${title}: begonnen`);
  await expectNoAxeViolations(page);
  // On a coordinator's phone the dream page, with the provider's and family's parts, fits its width.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 720 });

  // The report counts one more started child, and never shows who.
  expectOneMore(startedBefore, await reportFigure(page, '#t-funnel', 3));
  await expect(page.locator('#t-loop')).toBeVisible();
  await expect(page.locator('body')).not.toContainText(firstName);
});
