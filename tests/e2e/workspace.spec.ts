import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, uniquePhone } from './dream-support.ts';
import { stackInfo } from './stack-info.ts';
import { COORDINATOR, sendDream, shortlistNext, signInAs } from './workspace-support.ts';

// The coordinator workspace in a real browser against the real stack (issue 7): a coordinator
// signs in, opens a new dream, gets results prefilled from it, shortlists two activities, composes the
// family's message, links the dream, and sees it counted in the reports. And who may not get in:
// the public, partners and policy advisers never see anything personal.

test.describe.configure({ timeout: 180_000 });

const ADVISER = 'beleid@droomkaart.test';

/**
 * A number in the reports' funnel table: row 0 nieuw, 1 gesprek, 2 gekoppeld, 3 gestart; null when
 * it is a small number shown as "< 5" (or hidden).
 */
async function funnel(page: Page, row: number): Promise<number | null> {
  await page.goto('/nl/werkplek/rapportage');
  const cell = page.locator('#t-funnel tbody tr').nth(row).locator('td.ws-num');
  const text = (await cell.innerText()).trim();
  return /^\d/.test(text) ? Number.parseInt(text, 10) : null;
}

test('a coordinator goes from a new dream to linked activities, a message and the reports', async ({
  page,
  context,
}) => {
  const phone = uniquePhone();
  const firstName = `Journey${Date.now() % 100000}`;
  const documentId = await sendDream({
    firstName,
    age: 10,
    dream: 'Ik wil later profvoetballer worden',
    need: 'Voetbalschoenen en een club',
    needPicks: ['sport'],
    wijk: 'muziekwijk',
    phone: phone.typed,
    preferredLanguage: 'tr',
  });

  await signInAs(page, COORDINATOR);
  await expect(page).toHaveURL(/\/nl\/werkplek$/);
  const cookie = (await context.cookies()).find((c) => c.name === 'dk_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  // The browser holds an opaque session, never the cms's service token.
  expect(cookie?.value).not.toContain(stackInfo().env.WORKSPACE_TOKEN);
  await expectNoAxeViolations(page);
  const linkedBefore = await funnel(page, 2);
  await expectNoAxeViolations(page);

  // The inbox lists the new dream; the coordinator opens it.
  await page.goto('/nl/werkplek?status=nieuw');
  const row = page.locator('tr', { hasText: firstName });
  await expect(row).toBeVisible();
  await row.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/nl/werkplek/dromen/${documentId}`));
  await expect(page.getByText('Ik wil later profvoetballer worden')).toBeVisible();

  // Results prefilled from the dream: its age, its wijk, and the sport theme from "profvoetballer".
  await expect(page.locator('input[name="theme"][value="sport-bewegen"]')).toBeChecked();
  await expect(page.locator('#m-age')).toHaveValue('10');
  const results = page.locator('[data-match-result]');
  await expect(results.first()).toBeVisible();
  expect(await results.count()).toBeGreaterThanOrEqual(2);
  // Each result says how far it is from the family's wijk.
  await expect(results.first()).toContainText(/km/);
  await expectNoAxeViolations(page);

  // Shortlist two activities.
  const titles: string[] = [];
  for (let i = 0; i < 2; i++) {
    titles.push(await shortlistNext(page));
    await expect(page.locator('#shortlist-title')).toContainText(`(${i + 1})`);
  }
  const shortlist = page.locator('section', { has: page.locator('#shortlist-title') });
  for (const title of titles) await expect(shortlist).toContainText(title);
  // The partner's key player is there for a warm hand-over.
  await expect(shortlist.locator('a[href^="tel:"]').first()).toBeVisible();

  // Consent first, then the dream is linked.
  await page
    .locator('form', { has: page.locator('input[name="_action"][value="consent"]') })
    .locator('button')
    .click();
  await page.locator('#s-status').selectOption('gekoppeld');
  await page
    .locator('form', { has: page.locator('#s-status') })
    .locator('button[type="submit"]')
    .click();
  await expect(page.locator('#status-title').locator('..')).toContainText('Gekoppeld');
  await expectNoAxeViolations(page);

  // The message to the family: Dutch and Turkish, both listing the two activities, opening in WhatsApp.
  await page.getByRole('link', { name: 'Bericht maken' }).click();
  await expect(page).toHaveURL(new RegExp(`/dromen/${documentId}/bericht`));
  const texts = page.locator('textarea, pre, .ws-message-text');
  await expect(page.locator('body')).toContainText(titles[0]);
  await expect(page.locator('body')).toContainText(titles[1]);
  const whatsapp = page.getByRole('link', { name: /Open in WhatsApp/ });
  expect(await whatsapp.count()).toBe(2);
  const href = await whatsapp.first().getAttribute('href');
  expect(href).toMatch(new RegExp(`^https://wa\\.me/${phone.e164.slice(1)}\\?text=`));
  expect(decodeURIComponent(href!.split('text=')[1])).toContain(titles[0]);
  expect(await texts.count()).toBeGreaterThanOrEqual(1);
  await expect(page.locator('body')).not.toContainText(/armoede|gemeente/i);
  await expectNoAxeViolations(page);

  // The A5 card with the same activities, never a letter.
  const card = await page.goto(`/nl/werkplek/dromen/${documentId}/kaart`);
  expect(card?.status()).toBe(200);
  await expect(page.locator('body')).toContainText(titles[0]);
  await expect(page.locator('body')).toContainText(titles[1]);
  const pageRules = await page.evaluate(() =>
    [...document.styleSheets]
      .flatMap((s) => [...s.cssRules].map((r) => r.cssText))
      .filter((t) => t.startsWith('@page')),
  );
  expect(pageRules.join(' ')).toMatch(/size:\s*a5\b/i);

  // Counted in the reports.
  // One more linked dream; a count under 5 shows as "< 5", never as itself.
  const linkedAfter = await funnel(page, 2);
  if (linkedBefore !== null && linkedBefore >= 4) expect(linkedAfter).toBe(linkedBefore + 1);
  else if (linkedBefore !== null) await expect(page.locator('#t-funnel tbody tr').nth(2)).toContainText('< 5');
  else expect(linkedAfter === null || linkedAfter >= 5).toBe(true);
  await expect(page.locator('body')).not.toContainText(firstName);
  const csv = await page.request.get('/nl/werkplek/rapportage.csv');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-disposition']).toMatch(/attachment/);
  const body = await csv.text();
  expect(body.split('\n').length).toBeGreaterThan(5);
  expect(body).not.toContain(firstName);
  expect(body).not.toContain(phone.e164);
});

test('a coordinator records funding, sees who needs a new application, and closes with an outcome', async ({
  page,
}) => {
  const firstName = `Fonds${Date.now() % 100000}`;
  const documentId = await sendDream({
    firstName,
    age: 9,
    dream: 'Ik wil op voetbal',
    needPicks: ['sport'],
    wijk: 'muziekwijk',
    phone: uniquePhone().typed,
  });
  await signInAs(page, COORDINATOR);
  await expect(page).toHaveURL(/\/nl\/werkplek$/);
  await page.goto(`/nl/werkplek/dromen/${documentId}`);
  await shortlistNext(page);
  await expect(page.locator('#shortlist-title')).toContainText('(1)');
  const referral = page.locator('li.ws-referral').first();

  // A funding step: a wrong entry is refused at its field, then the Jeugdfonds is applied for and granted.
  const fund = async (status: string, by: string) => {
    const form = referral.locator('form[id^="funding-"]');
    if (!(await form.isVisible())) await referral.locator('summary', { hasText: 'Aanvraag opslaan' }).click();
    await form.getByLabel('Regeling').selectOption('jeugdfonds-sport-cultuur');
    await form.getByLabel('Wie vraagt aan?').fill(by);
    await form.getByLabel('Hoe staat de aanvraag?').selectOption(status);
    await form.locator('button[type="submit"]').click();
  };
  await fund('aangevraagd', 'x');
  await expect(page.locator('li.ws-referral').first()).toContainText('Schrijf op wie aanvraagt');
  await expectNoAxeViolations(page);
  await fund('aangevraagd', 'Wijkteam Almere Stad');
  await expect(page.locator('[role="status"]').first()).toContainText('De aanvraag is opgeslagen.');
  await fund('toegekend', 'Wijkteam Almere Stad');
  await expect(referral).toContainText(/Jeugdfonds Sport & Cultuur, seizoen \d{4}-\d{4}: Toegekend/);
  await expect(referral).toContainText('Vraagt aan: Wijkteam Almere Stad');
  await expect(page.locator('#history')).toContainText(/Jeugdfonds Sport & Cultuur \d{4}-\d{4} voor .*: Toegekend/);

  // The child starts: before the new season the inbox lists them under "Nieuwe aanvraag nodig".
  await referral.locator('select[name="status"]').selectOption('gestart');
  await referral
    .locator('form', { has: page.locator('input[value="referral"]') })
    .locator('button')
    .click();
  await expect(page.locator('li.ws-referral').first()).toContainText('Gestart');
  await page.goto('/nl/werkplek');
  const renewals = page.locator('#renewals');
  await expect(page.locator('#renewals-title')).toHaveText('Nieuwe aanvraag nodig');
  await expect(renewals.locator('li', { hasText: firstName })).toContainText(/Jeugdfonds Sport & Cultuur, seizoen/);
  await expectNoAxeViolations(page);

  // Closing needs an outcome: without one the page says so at the field; with one it is closed.
  await renewals.locator('a', { hasText: firstName }).click();
  await page.locator('#s-status').selectOption('afgerond');
  const statusForm = page.locator('form', { has: page.locator('#s-status') });
  await statusForm.locator('button[type="submit"]').click();
  await expect(page.locator('#s-outcome-error')).toContainText('Kies hoe het afliep');
  await expect(page.locator('#s-outcome')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await page.locator('#s-status').selectOption('afgerond');
  await page.locator('#s-outcome').selectOption('geholpen');
  await statusForm.locator('button[type="submit"]').click();
  await expect(page.locator('.ws-flow-current')).toContainText('Afgerond');
  await expect(page.locator('#outcome')).toContainText('Uitkomst: Geholpen');
  await expect(page.locator('#history')).toContainText('Uitkomst: Geholpen');

  // The reports show the outcome tables, small numbers never as such.
  await page.goto('/nl/werkplek/rapportage');
  await expect(page.locator('#t-outcome-stadsdeel')).toBeVisible();
  await expect(page.locator('#t-outcome-stadsdeel thead')).toContainText('Geholpen');
  await expect(page.locator('#t-loop')).toContainText('Dagen van droom tot eerste contact');
  // Tables that count dreams (the gaps' activities and the loop's days are other figures).
  const cells = await page
    .locator(
      ['month', 'stadsdeel', 'edition', 'theme', 'funnel', 'income', 'help', 'outcome-stadsdeel', 'outcome-theme']
        .map((id) => `#t-${id} td.ws-num`)
        .join(', '),
    )
    .allInnerTexts();
  expect(cells.length).toBeGreaterThan(10);
  expect(
    cells.filter((c) => /^[1-4]\b/.test(c.trim())),
    'counts 1-4 on the page',
  ).toEqual([]);
  await expectNoAxeViolations(page);
});

test('the public, partners and policy advisers get nothing personal', async ({ browser, baseURL }) => {
  const firstName = `Geheim${Date.now() % 100000}`;
  const documentId = await sendDream({
    firstName,
    age: 8,
    dream: 'Ik wil dierenarts worden',
    wijk: 'stedenwijk',
    phone: uniquePhone().typed,
  });

  // The public: every workspace page sends to the sign-in, nothing of the dream is shown.
  const anon = await browser.newContext({ baseURL });
  const page = await anon.newPage();
  for (const path of [
    `/nl/werkplek/dromen/${documentId}`,
    `/nl/werkplek/dromen/${documentId}/bericht`,
    `/nl/werkplek/dromen/${documentId}/kaart`,
    '/nl/werkplek/nieuw',
    '/nl/werkplek/rapportage',
  ]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expect(page, path).toHaveURL(/\/nl\/werkplek(\?next=.*)?$/);
    await expect(page.locator('#signin-title')).toBeVisible();
    await expect(page.locator('body')).not.toContainText(firstName);
  }
  const csv = await anon.request.get('/nl/werkplek/rapportage.csv', { maxRedirects: 0 });
  expect([302, 303, 401]).toContain(csv.status());
  expect(await csv.text()).not.toContain(';');
  // A made-up cookie is no session.
  await anon.addCookies([{ name: 'dk_session', value: 'x'.repeat(43), url: baseURL! }]);
  await page.goto(`/nl/werkplek/dromen/${documentId}`);
  await expect(page.locator('#signin-title')).toBeVisible();
  await expect(page.locator('body')).not.toContainText(firstName);
  await anon.close();

  // A partner: refused at the sign-in, with a friendly message and no session.
  const orgs = await (
    await fetch(`${stackInfo().urls.cms}/api/organisations?pagination[pageSize]=1&fields[0]=slug`)
  ).json();
  const partnerContext = await browser.newContext({ baseURL });
  const partner = await partnerContext.newPage();
  await signInAs(partner, `partner@${orgs.data[0].slug}.test`);
  await expect(partner.locator('[role="alert"]')).toBeVisible();
  expect((await partnerContext.cookies()).find((c) => c.name === 'dk_session')).toBeUndefined();
  await partner.goto(`/nl/werkplek/dromen/${documentId}`);
  await expect(partner.locator('body')).not.toContainText(firstName);
  await partnerContext.close();

  // A wrong password: said kindly, the e-mail address kept.
  const wrongContext = await browser.newContext({ baseURL });
  const wrong = await wrongContext.newPage();
  await signInAs(wrong, COORDINATOR, 'niet-het-wachtwoord');
  await expect(wrong.locator('[role="alert"]')).toBeVisible();
  await expect(wrong.getByLabel('E-mailadres')).toHaveValue(COORDINATOR);
  await expectNoAxeViolations(wrong);
  await wrongContext.close();

  // A policy adviser: the reports, and nothing else.
  const adviserContext = await browser.newContext({ baseURL });
  const adviser = await adviserContext.newPage();
  await signInAs(adviser, ADVISER);
  await expect(adviser).toHaveURL(/\/nl\/werkplek\/rapportage$/);
  await expect(adviser.locator('#t-funnel')).toBeVisible();
  await expect(adviser.locator('body')).not.toContainText(firstName);
  await expectNoAxeViolations(adviser);
  // On a phone the wide tables scroll sideways inside their frame: the page passes axe there too,
  // and a keyboard user reaches the frame and scrolls it.
  await adviser.setViewportSize({ width: 390, height: 844 });
  await adviser.reload();
  await expectNoAxeViolations(adviser);
  const gaps = adviser.getByRole('region', { name: 'Thema, leeftijd en stadsdeel van dromen zonder koppeling' });
  await gaps.focus();
  await expect(gaps).toBeFocused();
  await adviser.keyboard.press('ArrowRight');
  await expect.poll(() => gaps.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  for (const path of [
    `/nl/werkplek/dromen/${documentId}`,
    `/nl/werkplek/dromen/${documentId}/bericht`,
    '/nl/werkplek/nieuw',
    '/nl/werkplek',
  ]) {
    await adviser.goto(path);
    await expect(adviser.locator('body'), path).not.toContainText(firstName);
    await expect(adviser.locator('body'), path).not.toContainText('dierenarts');
  }
  const adviserCsv = await adviser.request.get('/nl/werkplek/rapportage.csv');
  expect(adviserCsv.status()).toBe(200);
  expect(await adviserCsv.text()).not.toContain(firstName);
  await adviserContext.close();
});

test('a paper dream is entered by hand, with friendly errors and nothing lost', async ({ page }) => {
  await signInAs(page, COORDINATOR);
  await page.goto('/nl/werkplek/nieuw');
  await expectNoAxeViolations(page);
  const firstName = `Papier${Date.now() % 100000}`;
  await page.locator('#m-channel').selectOption('brievenbus');
  await page.locator('#m-firstName').fill(firstName);
  await page.locator('#m-dream').fill('Ik wil later piloot worden');
  await page.locator('#m-age').fill('11');
  await page.locator('#m-phone').fill('123');
  await page
    .locator('form', { has: page.locator('#m-phone') })
    .locator('button[type="submit"]')
    .click();
  // Refused at the phone field; everything typed is still there.
  await expect(page.locator('#m-phone')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#m-firstName')).toHaveValue(firstName);
  await expect(page.locator('#m-dream')).toHaveValue('Ik wil later piloot worden');
  await expect(page.locator('#m-channel')).toHaveValue('brievenbus');
  await expectNoAxeViolations(page);
  await page.locator('#m-phone').fill(uniquePhone().typed);
  await page
    .locator('form', { has: page.locator('#m-phone') })
    .locator('button[type="submit"]')
    .click();
  await expect(page).toHaveURL(/\/nl\/werkplek\/dromen\/[a-z0-9]+/);
  await expect(page.locator('body')).toContainText(firstName);
  await expect(page.locator('input[name="theme"][value="beroepen-meelopen"]')).toBeChecked();
});

test('a coordinator sees the whole family: a brother’s dream links to his sister’s, and back', async ({ page }) => {
  const phone = uniquePhone();
  const stamp = Date.now() % 100000;
  const sister = `Zus${stamp}`;
  const brother = `Broer${stamp}`;
  // Two letters from one phone, typed in two ways: one family.
  const sisterId = await sendDream({
    firstName: sister,
    age: 11,
    dream: 'Ik wil danseres worden',
    wijk: 'muziekwijk',
    phone: phone.typed,
    preferredLanguage: 'ar',
  });
  const brotherId = await sendDream({
    firstName: brother,
    age: 7,
    dream: 'Ik wil leren zwemmen',
    wijk: 'muziekwijk',
    phone: phone.e164,
  });

  await signInAs(page, COORDINATOR);
  await expect(page).toHaveURL(/\/nl\/werkplek$/);
  const row = page.locator('tr', { hasText: brother });
  await expect(row).toContainText('gezin van 2');
  await row.getByRole('link', { name: brother }).click();
  await expect(page).toHaveURL(new RegExp(`/dromen/${brotherId}`));

  // The family box names the sister with her age, status and referrals, and links to her dream.
  const family = page.locator('#family');
  await expect(family.locator('h2')).toContainText('Gezin');
  await expect(family).toContainText(sister);
  await expect(family).toContainText('11 jaar');
  await expect(family).toContainText('0 koppelingen');
  await expectNoAxeViolations(page);
  await family.getByRole('link', { name: sister }).click();
  await expect(page).toHaveURL(new RegExp(`/dromen/${sisterId}`));
  await expect(page.locator('#family')).toContainText(brother);

  // Not the same family after all: a plain post, back at the family box, and a step in the history.
  await page
    .locator('#family')
    .getByRole('button', { name: `${sister} hoort niet bij dit gezin` })
    .click();
  await expect(page).toHaveURL(/ok=family#family$/);
  await expect(page.locator('#family')).toContainText('We kennen geen broers of zussen van dit kind.');
  await expect(page.locator('#history')).toContainText('Apart gezet');

  // Put back by pasting the brother's link; a wrong link is refused next to the field.
  await page.locator('#family summary').click();
  await page.locator('#family-other').fill('de broer van Zus');
  await page.locator('#family').getByRole('button', { name: 'Voeg toe aan het gezin' }).click();
  await expect(page.locator('#family-other-error')).toContainText('geen link');
  await expect(page.locator('#family-other')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await page.locator('#family-other').fill(`${stackInfo().urls.site}/nl/werkplek/dromen/${brotherId}`);
  await page.locator('#family').getByRole('button', { name: 'Voeg toe aan het gezin' }).click();
  await expect(page.locator('#family')).toContainText(brother);
  await expect(page.locator('#history')).toContainText(`Bij het gezin van ${brother} gezet`);

  // The same in Arabic, right to left, and without a violation.
  await page.goto(`/ar/werkplek/dromen/${sisterId}`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('#family')).toContainText(brother);
  await expectNoAxeViolations(page);
});
