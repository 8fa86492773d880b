import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, uniquePhone } from './dream-support.ts';
import {
  nextResult,
  providerLinkFromMail,
  sendDream,
  shortlistNext,
  signInAsCoordinator,
} from './workspace-support.ts';

// The hand-over reaches the provider (issue 18), in real browsers against the real stack: the
// coordinator tells the provider from the shortlist, the provider reads the mail, opens the personal
// link in a browser without any session (and without JavaScript), answers "welkom" with a first
// date, and the coordinator sees the answer. A link that does not work is a friendly page.

test.describe.configure({ timeout: 300_000 });

test('the coordinator tells the provider, who answers "welkom" through the link without an account', async ({
  page,
  browser,
}) => {
  const firstName = `Hand${Date.now() % 100000}`;
  const documentId = await sendDream({
    firstName,
    age: 9,
    dream: 'Ik wil later profvoetballer worden',
    need: 'Een club',
    needPicks: ['sport'],
    wijk: 'muziekwijk',
    phone: uniquePhone().typed,
  });
  await signInAsCoordinator(page);
  await page.goto(`/nl/werkplek/dromen/${documentId}`);
  // The search shows the places of each activity.
  await expect(nextResult(page)).toContainText(/Plekken: /);
  const title = await shortlistNext(page);
  const referral = page.locator('li.ws-referral', { hasText: title });

  // "Laat de aanbieder het weten": a mail with the link, and the same text to copy for WhatsApp.
  await referral.getByRole('button', { name: /Laat de aanbieder het weten/ }).click();
  await expect(page.getByText('De aanbieder weet het nu.')).toBeVisible();
  const message = referral.getByLabel('Bericht voor de aanbieder');
  await expect(message).toHaveValue(/\/nl\/aanmelding\//);
  await expect(referral).toContainText('Aangemeld');
  await expectNoAxeViolations(page);
  const path = await providerLinkFromMail(firstName);
  expect(await message.inputValue()).toContain(path);

  // The provider: another browser, no session, no JavaScript.
  const provider = await browser.newContext({ javaScriptEnabled: false });
  const ppage = await provider.newPage();
  const answer = await ppage.goto(path);
  expect(answer?.status()).toBe(200);
  const headers = answer!.headers();
  expect(headers['cache-control']).toContain('no-store');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-robots-tag']).toContain('noindex');
  await expect(ppage.locator('h1')).toContainText(title);
  await expect(ppage.locator('body')).toContainText(firstName);
  await expect(ppage.locator('body')).toContainText('9 jaar');
  // No consent to share the phone: the number is not there.
  await expect(ppage.locator('a[href^="tel:"]')).toHaveCount(0);
  await expect(ppage.locator('body')).not.toContainText(/profvoetballer|muziekwijk|armoede/);

  // Welkom without a date is said at its field; then with the date.
  await ppage.getByLabel('Welkom: het kind kan komen').check();
  await ppage.getByRole('button', { name: 'Stuur antwoord' }).click();
  await expect(ppage.locator('[role="alert"]')).toContainText('Vul de eerste keer in.');
  await expect(ppage.getByLabel('Welkom: het kind kan komen')).toBeChecked();
  await ppage.getByLabel('Eerste keer', { exact: true }).fill('2027-01-12');
  await ppage.getByLabel('Opmerking').fill('Dinsdag om vier uur bij het veld');
  await ppage.getByLabel('Ja, er is plek').check();
  await ppage.getByRole('button', { name: 'Stuur antwoord' }).click();
  await expect(ppage).toHaveURL(/\?klaar=1$/);
  await expect(ppage.getByText('Dank je wel! Je antwoord is bewaard.')).toBeVisible();
  await expect(ppage.locator('body')).toContainText('Je laatste antwoord: Welkom');
  await provider.close();

  // The same pages checked by axe (which needs JavaScript): the form, Arabic right to left, and a
  // link that does not work: a friendly page, not an error.
  const checker = await browser.newContext();
  const cpage = await checker.newPage();
  await cpage.goto(path);
  await expectNoAxeViolations(cpage);
  await cpage.goto(path.replace('/nl/', '/ar/'));
  await expect(cpage.locator('html')).toHaveAttribute('dir', 'rtl');
  await expectNoAxeViolations(cpage);
  const bad = await cpage.goto('/nl/aanmelding/l1.provider.nothing.here.x.y');
  expect(bad?.status()).toBe(404);
  await expect(cpage.locator('h1')).toContainText('Deze link werkt niet (meer)');
  await expect(cpage.locator('body')).toContainText('Neem contact op met het team');
  await expectNoAxeViolations(cpage);
  await checker.close();

  // The coordinator sees the answer, its first date and note, and the step in the history.
  await page.goto(`/nl/werkplek/dromen/${documentId}`);
  const seen = page.locator('li.ws-referral', { hasText: title });
  await expect(seen).toContainText('Antwoord van aanbieder');
  await expect(seen).toContainText('Welkom');
  await expect(seen).toContainText('Dinsdag om vier uur bij het veld');
  await expect(seen).toContainText(/Plekken: Plek vrij/);
  await expect(page.locator('body')).toContainText(`Antwoord van aanbieder bij ${title}: Welkom`);
  await expectNoAxeViolations(page);

  // Withdrawn: the link stops working.
  await seen.getByRole('button', { name: /Link intrekken/ }).click();
  await expect(page.getByText('De link werkt niet meer.')).toBeVisible();
  const after = await page.request.get(path);
  expect(after.status()).toBe(404);
});
