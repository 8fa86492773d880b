import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import ICAL from 'ical.js';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ADMIN, findDocumentId, signIn, updateEntry } from '../utils/cms-admin.ts';
import { pageFreshnessMs, stackInfo } from './stack-info.ts';
import { blockOtherOrigins, SEEDED } from './pages-support.ts';

test.beforeEach(async ({ page }) => blockOtherOrigins(page));

const activity = (locale: string, slug: string = SEEDED.weekly) => `/${locale}/activiteiten/${slug}`;

test.describe('editions', () => {
  test('each edition has its own home, colours and tone, and links to the catalogue for its ages', async ({ page }) => {
    await page.goto('/nl/');
    await expect(page.locator('html')).toHaveAttribute('data-edition', 'kind');
    await expect(page.getByRole('heading', { level: 1, name: 'Als ik later groot ben' })).toBeVisible();
    const kindHeader = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
    await expect(page.getByRole('heading', { level: 2, name: 'Zo werkt het' })).toBeVisible();
    await expect(page.locator('.steps li')).toHaveCount(3);
    await expect(page.getByRole('link', { name: 'Sport en bewegen' })).toHaveAttribute(
      'href',
      '/nl/activiteiten?theme=sport-bewegen&edition=kind',
    );
    await expect(page.getByRole('main').getByRole('link', { name: 'Stuur je droom' }).first()).toHaveAttribute(
      'href',
      '/nl/droom',
    );
    await expect(page.locator('.story')).toHaveCount(3);
    await expect(page.locator('.story .badge').first()).toHaveText('Voorbeeld');
    await expect(page.getByText('Dit zijn voorbeelden. De namen zijn verzonnen.')).toBeVisible();

    await page.getByRole('link', { name: 'Naar Dare to dream in 036' }).click();
    await expect(page).toHaveURL(/\/nl\/036$/);
    await expect(page.locator('html')).toHaveAttribute('data-edition', 'jong');
    const jongHeader = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(jongHeader).not.toBe(kindHeader);
    await expect(page.getByText('We koppelen je aan een club, cursus, mentor of meeloopdag.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Beroepen en meelopen' })).toHaveAttribute(
      'href',
      '/nl/activiteiten?theme=beroepen-meelopen&edition=jong',
    );
    // Teens see work and learning first.
    await expect(page.locator('.tile').first()).toHaveText(/Beroepen en meelopen/);
    await expect(page.getByRole('heading', { level: 3, name: 'Kerem (16) wil games maken' })).toBeVisible();
  });

  test('pages without an edition of their own keep the look of the home the visitor came from', async ({ page }) => {
    await page.goto('/nl/036');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Regelingen' }).click();
    await expect(page).toHaveURL(/\/nl\/regelingen$/);
    await expect(page.locator('html')).toHaveAttribute('data-edition', 'jong');
    await expect(page.locator('.brand')).toHaveText('Dare to dream in 036');
    await page.goto('/nl/');
    await page.goto('/nl/regelingen');
    await expect(page.locator('html')).toHaveAttribute('data-edition', 'kind');
  });

  test('the navigation reaches every section and the language switch keeps the page', async ({ page }) => {
    await page.goto('/nl/organisaties');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    for (const [name, href] of [
      ['Activiteiten', '/nl/activiteiten'],
      ['Kaart', '/nl/kaart'],
      ['Organisaties', '/nl/organisaties'],
      ['Regelingen', '/nl/regelingen'],
      ['Stuur je droom', '/nl/droom'],
    ]) {
      await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
    }
    await expect(nav.getByRole('link', { name: 'Organisaties' })).toHaveAttribute('aria-current', 'page');
    await page.getByRole('navigation', { name: 'Taal' }).getByRole('link', { name: 'Polski' }).click();
    await expect(page).toHaveURL(/\/pl\/organisaties$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Organizacje' })).toBeVisible();
    await page.goto(activity('nl'));
    await page.getByRole('navigation', { name: 'Taal' }).getByRole('link', { name: 'العربية' }).click();
    await expect(page).toHaveURL(new RegExp(`/ar/activiteiten/${SEEDED.weekly}$`));
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  });
});

test.describe('activity page', () => {
  test('says what, for whom, when, where, what it costs, how to join and when it was checked', async ({ page }) => {
    const res = await page.goto(activity('nl'));
    // A CDN may keep it as long as the site keeps its cms reads; the look follows the edition cookie.
    const seconds = stackInfo().env.SITE_CMS_CACHE_SECONDS;
    expect(res?.headers()['cache-control']).toBe(
      `public, max-age=0, s-maxage=${seconds}, stale-while-revalidate=${seconds}`,
    );
    expect(res?.headers()['vary']).toMatch(/cookie/i);
    await expect(page.getByRole('heading', { level: 1, name: 'Zwemles voor je A-diploma' })).toBeVisible();
    const details = page.locator('dl.details');
    await expect(details.getByText('Kinderen, 5 tot 10 jaar')).toBeVisible();
    await expect(
      details
        .getByText(/^Elke (maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) van \d\d:\d\d tot \d\d:\d\d$/)
        .first(),
    ).toBeVisible();
    await expect(details.getByText(/, \d{4} [A-Z]{2} Almere$/).first()).toBeVisible();
    // Paid by a linked regeling (issue 5): what the family pays, which regeling pays (linked to its
    // activity page) and who applies, from the regeling's applicant.
    await expect(details.getByText('Jij betaalt €0.', { exact: true })).toBeVisible();
    await expect(details.getByText(/^Dit betaalt:/)).toBeVisible();
    await expect(details.getByRole('link', { name: 'Zwemdiploma voor ieder kind' })).toHaveAttribute(
      'href',
      '/nl/activiteiten/zwemdiploma-voor-ieder-kind',
    );
    await expect(
      details.getByText(
        'Wie vraagt het aan? Iemand van school, het wijkteam of de buurtsportcoach vraagt het voor jullie aan.',
      ),
    ).toBeVisible();
    // No lessons in the Christmas holiday.
    await expect(details.getByText('Niet op: 19 december 2026, 26 december 2026 en 2 januari 2027')).toBeVisible();
    await expect(details.getByRole('link', { name: 'Bekijk wat je kunt krijgen' })).toHaveAttribute(
      'href',
      '/nl/regelingen',
    );
    await expect(details.getByText('Meld je eerst aan.')).toBeVisible();
    await expect(details.getByText('Zwemkleding en een handdoek.')).toBeVisible();
    await expect(page.getByText(/^Laatst gecontroleerd op \d{1,2} \w+ \d{4}$/)).toBeVisible();
    // The locator map is drawn on the server: no tiles, no script.
    await expect(page.getByRole('img', { name: /^Kaartje van Almere\. Hier is het: / })).toBeVisible();
    await expect(page.locator('.locator-marker')).toHaveCount(1);
  });

  test('is served again from the page cache, kept apart per edition and per language', async ({
    playwright,
    baseURL,
  }) => {
    // A fresh client without cookies, so the edition comes only from the cookie sent here.
    const client = await playwright.request.newContext({ baseURL });
    const get = async (path: string, edition?: string) => {
      const res = await client.get(path, { headers: edition ? { cookie: `droomkaart-editie=${edition}` } : {} });
      expect(res.status(), path).toBe(200);
      return { cache: res.headers()['x-page-cache'], edition: /data-edition="(\w+)"/.exec(await res.text())?.[1] };
    };
    try {
      const path = activity('nl', SEEDED.untranslated);
      const first = [await get(path, 'jong'), await get(path, 'jong')];
      expect(first.map((r) => r.edition)).toEqual(['jong', 'jong']);
      // The second visit in the same edition did not render the page again.
      expect(['hit', 'shared', 'stale', 'checked']).toContain(first[1].cache);
      // Other editions (and no or a made-up cookie) are other pages: never the 036 look.
      expect((await get(path, 'kind')).edition).toBe('kind');
      expect((await get(path)).edition).toBe('kind');
      expect((await get(path, 'nonsense')).edition).toBe('kind');
      expect((await get(path, 'jong')).edition).toBe('jong');
      // Another language is another page.
      const en = await client.get(activity('en', SEEDED.untranslated));
      expect(await en.text()).toContain('<html lang="en"');
    } finally {
      await client.dispose();
    }
  });

  test('contact details are shown when public: WhatsApp (wa.me), phone and e-mail', async ({ page }) => {
    await page.goto(activity('nl'));
    const contact = page.getByRole('region', { name: 'Contact' });
    await expect(contact.getByRole('link', { name: 'App via WhatsApp' })).toHaveAttribute(
      'href',
      /^https:\/\/wa\.me\/316\d{8}$/,
    );
    await expect(contact.getByRole('link', { name: /^Bel / })).toHaveAttribute('href', /^tel:0\d+$/);
    await expect(contact.getByRole('link', { name: /^Mail / })).toHaveAttribute('href', /^mailto:/);
  });

  test('contact details are hidden when the organisation keeps them private', async ({ page }) => {
    const { urls, env } = stackInfo();
    const admin = await signIn(urls.cms, DEMO_ADMIN.email, env.DEMO_PASSWORD);
    const organisation = await findDocumentId(
      admin,
      'api::organisation.organisation',
      'slug',
      SEEDED.untranslatedOrganisation,
    );
    await updateEntry(admin, 'api::organisation.organisation', organisation, { contactPublic: false });
    try {
      // Pages read the cms through the site's caches: the change shows within their times.
      await expect(async () => {
        for (const path of [
          activity('nl', SEEDED.untranslated),
          `/nl/organisaties/${SEEDED.untranslatedOrganisation}`,
          '/nl/organisaties',
        ]) {
          await page.goto(path);
          const html = await page.content();
          expect(html, path).not.toContain(`${SEEDED.untranslatedOrganisation}.example`);
          expect(html, path).not.toMatch(/wa\.me\/\d/);
        }
      }).toPass({ timeout: pageFreshnessMs(env) });
      await page.goto(activity('nl', SEEDED.untranslated));
      const contact = page.getByRole('region', { name: 'Contact' });
      await expect(contact.getByRole('link')).toHaveCount(1);
      await expect(contact.getByRole('link', { name: 'Stuur je droom' })).toHaveAttribute('href', '/nl/droom');
      const ld = await jsonLd(page);
      expect(JSON.stringify(ld)).not.toMatch(/email|telephone/);
    } finally {
      await updateEntry(admin, 'api::organisation.organisation', organisation, { contactPublic: true });
    }
  });

  test('has schema.org JSON-LD of the right type with place, price, ages and organiser', async ({ page, baseURL }) => {
    await page.goto(activity('en'));
    const course = await jsonLd(page);
    expect(course['@context']).toBe('https://schema.org');
    expect(course['@type']).toBe('Course');
    expect(course.name).toBe('Swimming lessons for your A diploma');
    expect(course.inLanguage).toBe('en');
    expect(course.url).toBe(`${baseURL}${activity('en')}`);
    expect(course.audience).toEqual({ '@type': 'PeopleAudience', suggestedMinAge: 5, suggestedMaxAge: 10 });
    expect(course.offers).toMatchObject({ '@type': 'Offer', price: 0, priceCurrency: 'EUR' });
    expect(course.provider).toMatchObject({ '@type': 'Organization', name: expect.any(String) });
    expect(course.hasCourseInstance.location).toMatchObject({
      '@type': 'Place',
      address: { addressLocality: 'Almere', addressCountry: 'NL' },
      geo: { '@type': 'GeoCoordinates' },
    });
    expect(course.hasCourseInstance.courseSchedule).toMatchObject({
      '@type': 'Schedule',
      repeatFrequency: 'P1W',
      scheduleTimezone: 'Europe/Amsterdam',
    });

    await page.goto(activity('nl', SEEDED.oneOff));
    const event = await jsonLd(page);
    expect(event['@type']).toBe('Event');
    expect(event.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(event.location['@type']).toBe('Place');
    expect(event.organizer['@type']).toBe('Organization');
  });

  test('"Zet in je agenda" downloads a valid calendar with the weekly sessions', async ({ page }) => {
    await page.goto(activity('nl'));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Zet in je agenda' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${SEEDED.weekly}.ics`);
    const text = readFileSync(await download.path(), 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Amsterdam');
    const event = calendar.getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('summary')).toBe('Zwemles voor je A-diploma');
    const start = event.getFirstProperty('dtstart')!;
    expect(start.getParameter('tzid')).toBe('Europe/Amsterdam');
    expect(String(start.getFirstValue())).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00$/);
    const rrule = event.getFirstPropertyValue('rrule') as unknown as { freq: string; parts: { BYDAY: string[] } };
    expect(rrule.freq).toBe('WEEKLY');
    expect(rrule.parts.BYDAY).toHaveLength(1);
    expect(text).toMatch(/\r\nRRULE:FREQ=WEEKLY;BYDAY=(MO|TU|WE|TH|FR|SA|SU)/);

    // A one-off date is an all-day event; an activity without a schedule has no calendar.
    const oneOff = await page.request.get(`${activity('nl', SEEDED.oneOff)}.ics`);
    expect(oneOff.headers()['content-type']).toContain('text/calendar');
    expect(await oneOff.text()).toMatch(/DTSTART;VALUE=DATE:\d{8}/);
    await page.goto(`/nl/activiteiten/${'lid-van-een-club-wij-betalen'}`);
    await expect(page.getByRole('link', { name: 'Zet in je agenda' })).toHaveCount(0);
    expect((await page.request.get('/nl/activiteiten/lid-van-een-club-wij-betalen.ics')).status()).toBe(404);
  });

  test('ships at most 30 KB of JavaScript (gzip), inline and loaded together (DESIGN §7)', async ({ page }) => {
    const loaded: Promise<Buffer>[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') loaded.push(res.body());
    });
    await page.goto(activity('nl'), { waitUntil: 'networkidle' });
    const inline = await page.locator('script:not([src]):not([type="application/ld+json"])').allTextContents();
    const bytes = [...(await Promise.all(loaded)), ...inline.map((s) => Buffer.from(s))].reduce(
      (sum, b) => sum + gzipSync(b).length,
      0,
    );
    expect(bytes).toBeLessThanOrEqual(30 * 1024);
  });

  test('an untranslated activity shows the Dutch text with a notice, marked as Dutch', async ({ page }) => {
    await page.goto(activity('ar', SEEDED.untranslated));
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('.notice')).toBeVisible();
    await expect(page.locator('h1')).toHaveAttribute('lang', 'nl');
    await expect(page.locator('h1')).toHaveAttribute('dir', 'ltr');
    expect((await jsonLd(page)).inLanguage).toBe('nl');
  });

  test('has a print layout: no navigation or buttons, the page address written out', async ({ page }) => {
    await page.goto(activity('nl'));
    await expect(page.locator('.print-only')).toBeHidden();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.share')).toBeHidden();
    await expect(page.locator('.read-aloud')).toBeHidden();
    await expect(page.locator('.print-only')).toBeVisible();
    await expect(page.locator('.print-only')).toContainText(activity('nl'));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.locator svg')).toBeVisible();
  });

  test('keyboard only: open an activity from an organisation and copy its link', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await page.goto(`/nl/organisaties/${SEEDED.organisation}`);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Ga naar de inhoud' })).toBeFocused();
    await page.keyboard.press('Enter');
    const target = page.getByRole('link', { name: 'Zwemdiploma voor ieder kind' });
    await tabUntil(page, target);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/nl\/activiteiten\/zwemdiploma-voor-ieder-kind$/);
    const copy = page.getByRole('button', { name: 'Kopieer link' });
    await tabUntil(page, copy);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Link gekopieerd');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${baseURL}/nl/activiteiten/zwemdiploma-voor-ieder-kind`,
    );
    await expect(page.getByRole('link', { name: 'Deel via WhatsApp' })).toHaveAttribute(
      'href',
      /^https:\/\/wa\.me\/\?text=/,
    );
  });
});

test.describe('read aloud', () => {
  test('reads the main content in the page language and can be stopped', async ({ page }) => {
    await page.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      const state = { spoken, cancelled: 0 };
      (window as unknown as { __speech: typeof state }).__speech = state;
      class Utterance {
        text: string;
        lang = '';
        voice: unknown = null;
        onend: (() => void) | null = null;
        onerror: (() => void) | null = null;
        constructor(text: string) {
          this.text = text;
        }
      }
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
      Object.defineProperty(window, 'speechSynthesis', {
        configurable: true,
        value: {
          speak: (u: Utterance) => spoken.push({ text: u.text, lang: u.lang }),
          cancel: () => state.cancelled++,
          getVoices: () => [],
        },
      });
    });
    await page.goto(activity('tr'));
    const start = page.getByRole('button', { name: 'Sesli oku' });
    await expect(start).toBeVisible();
    await start.click();
    const stop = page.getByRole('button', { name: 'Okumayı durdur' });
    await expect(stop).toBeFocused();
    const speech = await page.evaluate(
      () => (window as unknown as { __speech: { spoken: { text: string; lang: string }[] } }).__speech,
    );
    expect(speech.spoken).toContainEqual({ text: 'A diploması için yüzme dersi', lang: 'tr' });
    expect(speech.spoken.some((s) => s.text.includes('Tüm etkinliklere'))).toBe(false); // back link and buttons are skipped
    expect(speech.spoken.some((s) => s.text.includes('Sesli oku'))).toBe(false);
    expect(speech.spoken.every((s) => s.lang === 'tr' || s.lang === 'nl')).toBe(true);
    await stop.click();
    await expect(start).toBeFocused();
    expect(
      await page.evaluate(() => (window as unknown as { __speech: { cancelled: number } }).__speech.cancelled),
    ).toBeGreaterThanOrEqual(2);
  });

  test('is hidden where the browser cannot speak', async ({ page }) => {
    await page.addInitScript(() =>
      Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true }),
    );
    await page.goto(activity('nl'));
    await expect(page.getByRole('button', { name: 'Lees voor' })).toHaveCount(0);
  });
});

test.describe('organisations and regelingen', () => {
  test('the directory lists approved organisations with kind and activities, filterable by kind', async ({ page }) => {
    await page.goto('/nl/organisaties');
    await expect(page.getByRole('heading', { level: 1, name: 'Organisaties' })).toBeVisible();
    const cards = page.locator('.organisations .card');
    const all = await cards.count();
    expect(all).toBeGreaterThanOrEqual(40);
    await page.getByRole('navigation', { name: 'Soort organisatie' }).getByRole('link', { name: 'Fonds' }).click();
    await expect(page).toHaveURL(/soort=fonds/);
    expect(await cards.count()).toBeLessThan(all);
    await expect(page.locator('.organisations .kicker').first()).toHaveText('Fonds');
    await page.getByRole('link', { name: 'Bekijk wat Jeugdfonds Sport & Cultuur Almere doet' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Jeugdfonds Sport & Cultuur Almere' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Wat ze doen' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Lid van een club, wij betalen' })).toHaveAttribute(
      'href',
      '/nl/activiteiten/lid-van-een-club-wij-betalen',
    );
    expect((await page.goto('/nl/organisaties/bestaat-niet'))?.status()).toBe(404);
  });

  test('"Wat kun je krijgen?" groups the regelingen and says how to apply, in easy Dutch', async ({ page }) => {
    await page.goto('/nl/regelingen');
    await expect(page.getByRole('heading', { level: 1, name: 'Wat kun je krijgen?' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Geld voor meedoen en spullen' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Hulp en advies' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Zwemdiploma voor ieder kind' })).toBeVisible();
    await expect(page.getByText('Zo vraag je het aan').first()).toBeVisible();
    // Who applies, per regeling, from its applicant.
    const zwemdiploma = page
      .locator('li.regeling')
      .filter({ has: page.getByRole('heading', { level: 3, name: 'Zwemdiploma voor ieder kind', exact: true }) })
      .first();
    await expect(zwemdiploma.locator('dd.who-applies')).toHaveText(
      'Iemand van school, het wijkteam of de buurtsportcoach vraagt het voor jullie aan.',
    );
    const kindpakket = page
      .locator('li.regeling')
      .filter({ has: page.getByRole('heading', { level: 3, name: /^Kindpakket/ }) })
      .first();
    await expect(kindpakket.locator('dd.who-applies')).toHaveText('Jij als ouder vraagt het zelf aan.');
    await expect(page.getByRole('main').getByRole('link', { name: 'Stuur je droom' })).toHaveAttribute(
      'href',
      '/nl/droom',
    );
  });
});

async function jsonLd(page: Page): Promise<any> {
  const text = await page.locator('script[type="application/ld+json"]').textContent();
  return JSON.parse(text ?? 'null');
}

/** Presses Tab until the locator has focus (keyboard-only journeys), at most 80 times. */
async function tabUntil(page: Page, target: import('@playwright/test').Locator) {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}
