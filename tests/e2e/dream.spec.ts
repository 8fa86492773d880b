import { expect, test } from '@playwright/test';
import {
  blockOtherOrigins,
  enhanced,
  expectNoAxeViolations,
  fillAll,
  storedDreams,
  uniquePhone,
  waitMinFill,
} from './dream-support.ts';

// The letterbox (/<locale>/droom, /<locale>/036/droom) in a real browser against the real stack:
// without JavaScript (a plain form answered by the server) and with it (steps, checked as you go),
// for both editions; errors, the confirmation, the keyboard alone, Arabic from right to left.

test.beforeEach(async ({ page }) => {
  await blockOtherOrigins(page);
});
test.describe.configure({ timeout: 120_000 });

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('shows each problem at its field and in a summary, keeps every value, then receives the dream and the cms stores it', async ({
    page,
  }) => {
    const phone = uniquePhone();
    await page.goto('/nl/droom');
    await expect(page.getByRole('heading', { level: 1, name: 'Stuur je droom' })).toBeVisible();
    for (const step of ['Je droom', 'Wat heb je nodig?', 'Over jou', 'Hoe bereiken we je?'])
      await expect(page.getByRole('heading', { level: 2, name: step })).toBeVisible();
    await expect(page.getByText('Je mag je droom ook alleen sturen, zonder je ouders.')).toBeVisible();
    // Where the paper letterboxes and walk-in hours are, from the cms.
    const boxes = page.getByRole('region', { name: 'Liever op papier, of even praten?' });
    await expect(boxes.getByText('Bibliotheek Almere Stad (demo)')).toBeVisible();
    await expect(boxes.getByRole('heading', { name: 'Inloopspreekuur' })).toBeVisible();
    await expect(boxes.getByText('woensdag van 14:00 tot 16:00')).toBeVisible();

    await fillAll(page, {
      dream: 'Ik wil dierenarts worden <b>echt</b>',
      need: 'Een dag meelopen bij een dierenkliniek',
      picks: ['meelopen', 'natuur'],
      firstName: '',
      age: '44',
      wijk: 'muziekwijk',
      phone: '12345',
      parentName: 'Fatima',
      email: 'fatima@',
      language: 'tr',
    });
    await waitMinFill(page);
    const answer = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Verstuur mijn droom' }).click();
    expect((await answer).status()).toBe(400);

    await expect(page).toHaveTitle(/^Niet verstuurd: Stuur je droom/);
    const summary = page.getByRole('alert').filter({ hasText: 'Er klopt nog iets niet' });
    await expect(summary.getByRole('link')).toHaveText([
      'Vul je voornaam in.',
      'Vul een leeftijd in van 0 tot en met 18 jaar.',
      'Dit is geen mobiel nummer. Schrijf het zo: 06 12345678.',
      'Dit is geen e-mailadres. Schrijf het zo: naam@voorbeeld.nl.',
    ]);
    await expect(summary.getByRole('link', { name: 'Vul je voornaam in.' })).toHaveAttribute('href', '#f-firstName');
    const phoneField = page.getByLabel('Mobiel nummer van je ouder of van jou');
    await expect(phoneField).toHaveAttribute('aria-invalid', 'true');
    await expect(phoneField).toHaveAccessibleDescription(
      /Hierop sturen we een WhatsApp-bericht.*Dit is geen mobiel nummer/,
    );
    await expect(page.locator('#f-dream')).not.toHaveAttribute('aria-invalid', 'true');
    // Everything typed is still there (and shown as text, never as HTML).
    await expect(page.locator('#f-dream')).toHaveValue('Ik wil dierenarts worden <b>echt</b>');
    await expect(page.locator('#f-need')).toHaveValue('Een dag meelopen bij een dierenkliniek');
    await expect(page.locator('#f-needPicks-meelopen')).toBeChecked();
    await expect(page.locator('#f-needPicks-natuur')).toBeChecked();
    await expect(page.locator('#f-needPicks-fiets')).not.toBeChecked();
    await expect(page.locator('#f-age')).toHaveValue('44');
    await expect(page.locator('#f-wijk')).toHaveValue('muziekwijk');
    await expect(page.locator('#f-phone')).toHaveValue('12345');
    await expect(page.locator('#f-parentName')).toHaveValue('Fatima');
    await expect(page.locator('#f-email')).toHaveValue('fatima@');
    await expect(page.locator('#f-preferredLanguage')).toHaveValue('tr');
    await expect(page.locator('main b')).toHaveCount(0);

    await page.locator('#f-firstName').fill('Sem');
    await page.locator('#f-age').fill('9 jaar');
    await page.locator('#f-phone').fill(phone.typed);
    await page.locator('#f-email').fill('fatima@voorbeeld.nl');
    await waitMinFill(page);
    await page.getByRole('button', { name: 'Verstuur mijn droom' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Je droom is binnen!' })).toBeVisible();
    await expect(page.getByText('Dank je wel, Sem!')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Wat gebeurt er nu?' })).toBeVisible();
    await expect(page.getByText(`Binnen een week sturen we een WhatsApp-bericht naar ${phone.shown}.`)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Wat doen we met je gegevens? Lees het hier.' })).toHaveAttribute(
      'href',
      '/nl/privacy',
    );

    // The site's worker delivers it to the cms, normalised, once.
    await expect(async () => expect(await storedDreams(phone.e164)).toHaveLength(1)).toPass({ timeout: 30_000 });
    const [stored] = await storedDreams(phone.e164);
    expect(stored).toMatchObject({
      edition: 'kind',
      firstName: 'Sem',
      age: 9,
      dream: 'Ik wil dierenarts worden <b>echt</b>',
      needPicks: ['meelopen', 'natuur'],
      wijk: 'muziekwijk',
      parentName: 'Fatima',
      email: 'fatima@voorbeeld.nl',
      preferredLanguage: 'tr',
      channel: 'website',
      dreamStatus: 'nieuw',
    });
  });

  test('the teen edition speaks in its own tone and receives a dream', async ({ page }) => {
    const phone = uniquePhone();
    await page.goto('/nl/036/droom');
    await expect(page.locator('html')).toHaveAttribute('data-edition', 'jong');
    await expect(page.getByRole('heading', { level: 1, name: 'Jouw droom, jouw plan' })).toBeVisible();
    await expect(page.getByText('Je mag dit zelf invullen, met je eigen nummer.')).toBeVisible();
    await fillAll(page, {
      dream: 'Automonteur met een eigen garage',
      need: 'Een stage bij een garage',
      picks: ['meelopen'],
      firstName: 'Noor',
      age: '15',
      phone: phone.typed,
    });
    await expect(page.getByLabel('Je mobiele nummer of dat van je ouder')).toHaveValue(phone.typed);
    await waitMinFill(page);
    await page.getByRole('button', { name: 'Versturen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Je droom is binnen' })).toBeVisible();
    await expect(page.getByText('Top, Noor. Goed dat je je plan met ons deelt.')).toBeVisible();
    await expect(async () =>
      expect(await storedDreams(phone.e164)).toMatchObject([{ edition: 'jong', age: 15, firstName: 'Noor' }]),
    ).toPass({ timeout: 30_000 });
  });
});

test.describe('with JavaScript', () => {
  test('four steps, each checked before going on, values kept when going back, then received', async ({ page }) => {
    const phone = uniquePhone();
    await page.goto('/nl/droom');
    await enhanced(page);
    await expect(page.getByRole('heading', { level: 2, name: 'Stap 1 van 4 Je droom' })).toBeVisible();
    await expect(page.locator('#f-firstName')).toBeHidden();

    // Nothing filled in: the message at once, in a summary that takes the focus.
    await page.getByRole('button', { name: 'Volgende' }).click();
    const summary = page.locator('#dream-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: 'Vertel wat je later wilt worden.' })).toBeVisible();
    await expect(page.locator('#f-dream')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);

    await page.locator('#f-dream').fill('Kok in een restaurant');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Stap 2 van 4 Wat heb je nodig?' })).toBeFocused();
    await expect(summary).toHaveCount(0);
    await page.getByLabel('Bijles').check();
    await page.getByRole('button', { name: 'Volgende' }).click();

    // The server checks with the shared schema: an age it cannot read.
    await page.locator('#f-firstName').fill('Aya');
    await page.locator('#f-age').fill('negen');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await expect(summary.getByRole('link', { name: 'Vul een leeftijd in van 0 tot en met 18 jaar.' })).toBeVisible();
    await page.locator('#f-age').fill('9');
    await page.locator('#f-wijk').selectOption('stedenwijk');
    await page.getByRole('button', { name: 'Volgende' }).click();

    await expect(page.getByRole('heading', { level: 2, name: 'Stap 4 van 4 Hoe bereiken we je?' })).toBeFocused();
    await page.locator('#f-phone').fill('0612');
    await page.getByRole('button', { name: 'Verstuur mijn droom' }).click();
    await expect(summary).toBeFocused();
    await expect(page.locator('#f-phone-error')).toHaveText(/Dit is geen mobiel nummer/);
    // Going back and forth keeps every value (and the message).
    await page.getByRole('button', { name: 'Terug' }).click();
    await expect(page.locator('#f-firstName')).toHaveValue('Aya');
    await expect(page.locator('#f-wijk')).toHaveValue('stedenwijk');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await expect(page.locator('#f-phone')).toHaveValue('0612');
    // Checked again while it is corrected: the message goes once the number is right.
    await page.locator('#f-phone').fill(phone.typed);
    await expect(page.locator('#f-phone-error')).toHaveCount(0);
    await expect(summary).toHaveCount(0);
    await waitMinFill(page);
    await page.getByRole('button', { name: 'Verstuur mijn droom' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Je droom is binnen!' })).toBeVisible();
    await expect(async () =>
      expect(await storedDreams(phone.e164)).toMatchObject([
        { firstName: 'Aya', needPicks: ['bijles'], wijk: 'stedenwijk' },
      ]),
    ).toPass({ timeout: 30_000 });
  });

  test('the teen edition in steps', async ({ page }) => {
    const phone = uniquePhone();
    await page.goto('/nl/036/droom');
    await enhanced(page);
    await page.locator('#f-dream').fill('Ontwerper van games');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Stap 2 van 4 Wat heb je nodig?' })).toBeFocused();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Stap 3 van 4 Over jou' })).toBeFocused();
    await page.locator('#f-firstName').fill('Daan');
    await page.locator('#f-age').fill('14');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Stap 4 van 4 Hoe bereiken we je?' })).toBeFocused();
    await page.getByLabel('Je mobiele nummer of dat van je ouder').fill(phone.typed);
    await waitMinFill(page);
    await page.getByRole('button', { name: 'Versturen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Je droom is binnen' })).toBeVisible();
  });

  test('can be filled in and sent with the keyboard alone', async ({ page }) => {
    const phone = uniquePhone();
    await page.goto('/nl/droom');
    await enhanced(page);
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 60; i++) {
        if (await page.locator(selector).evaluate((el) => el === document.activeElement)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`${selector} not reached with Tab`);
    };
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Ga naar de inhoud' })).toBeFocused();
    await page.keyboard.press('Enter');
    await tabTo('#f-dream');
    await page.keyboard.type('Brandweervrouw');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Volgende' })).toBeFocused();
    await page.keyboard.press('Enter');
    await tabTo('#f-need');
    await page.keyboard.type('Zwemles');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(page.locator('#f-needPicks-sport')).toBeChecked();
    await tabTo('.dream-step:not([hidden]) .dream-nav .button:not(.secondary)');
    await page.keyboard.press('Enter');
    await tabTo('#f-firstName');
    await page.keyboard.type('Mila');
    await page.keyboard.press('Tab');
    await page.keyboard.type('8');
    await tabTo('.dream-step:not([hidden]) .dream-nav .button:not(.secondary)');
    await page.keyboard.press('Enter');
    await tabTo('#f-phone');
    await page.keyboard.type(phone.typed);
    await tabTo('.dream-step:not([hidden]) button[type="submit"]');
    await waitMinFill(page);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Je droom is binnen!' })).toBeVisible();
    await expect(async () =>
      expect(await storedDreams(phone.e164)).toMatchObject([{ firstName: 'Mila', age: 8, needPicks: ['sport'] }]),
    ).toPass({ timeout: 30_000 });
  });

  test('Arabic reads right to left, numbers stay left to right, and a dream is received', async ({ page }) => {
    const phone = uniquePhone();
    await page.goto('/ar/droom');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.getByRole('heading', { level: 1, name: 'أرسل حلمك' })).toBeVisible();
    await enhanced(page);
    await page.locator('#f-dream').fill('طبيبة أسنان');
    await page.getByRole('button', { name: 'التالي' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'الخطوة 2 من 4 ماذا تحتاج؟' })).toBeFocused();
    await page.getByRole('button', { name: 'التالي' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'الخطوة 3 من 4 عنك' })).toBeFocused();
    await page.locator('#f-firstName').fill('ليان');
    await page.locator('#f-age').fill('١٠');
    await page.getByRole('button', { name: 'التالي' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'الخطوة 4 من 4 كيف نتواصل معك؟' })).toBeFocused();
    await expect(page.locator('#f-phone')).toHaveAttribute('dir', 'ltr');
    await page.locator('#f-phone').fill(phone.typed);
    await page.locator('#f-preferredLanguage').selectOption('ar');
    await waitMinFill(page);
    await page.getByRole('button', { name: 'أرسل حلمي' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'وصل حلمك!' })).toBeVisible();
    await expect(async () =>
      expect(await storedDreams(phone.e164)).toMatchObject([{ firstName: 'ليان', age: 10, preferredLanguage: 'ar' }]),
    ).toPass({ timeout: 30_000 });
  });

  test("a teen who comes from the 036 home gets the teen letterbox, and can switch to the children's one", async ({
    page,
  }) => {
    await page.goto('/nl/036');
    await page
      .getByRole('navigation', { name: /hoofd|menu|navigatie/i })
      .getByRole('link', { name: 'Stuur je droom' })
      .click();
    await expect(page).toHaveURL(/\/nl\/036\/droom$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Jouw droom, jouw plan' })).toBeVisible();
    await page.getByRole('link', { name: 'Ben je jonger dan 12? Ga naar Als ik later groot ben.' }).click();
    await expect(page).toHaveURL(/\/nl\/droom\?editie=kind$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Stuur je droom' })).toBeVisible();
  });

  test('the form links to the privacy statement, which says who sees what and for how long', async ({ page }) => {
    await page.goto('/nl/droom');
    // On the last step, next to the phone number.
    await expect(page.locator('.dream-privacy a')).toHaveAttribute('href', '/nl/privacy');
    await page.goto('/nl/privacy');
    await expect(page.getByRole('heading', { level: 1, name: 'Privacy: wat doen we met je gegevens?' })).toBeVisible();
    await expect(
      page.getByText('Alleen de coördinatoren van Als ik later groot ben en Dare to dream in 036.'),
    ).toBeVisible();
    await expect(page.getByText(/nog 12 maanden/)).toBeVisible();
    await expect(page.getByText('We volgen je niet.', { exact: false })).toBeVisible();
    await page.getByRole('link', { name: 'Naar het formulier' }).click();
    await expect(page).toHaveURL(/\/nl\/droom$/);
  });
});
