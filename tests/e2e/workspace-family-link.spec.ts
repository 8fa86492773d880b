import { expect, test, type Page } from '@playwright/test';
import jsqr from 'jsqr';
import { expectNoAxeViolations, uniquePhone } from './dream-support.ts';
import { sendDream, shortlistNext, signInAsCoordinator } from './workspace-support.ts';

// The family confirms (issue 18, point 3) on the real stack: the coordinator opens the family
// message, which carries the family's link; the family, in a browser of its own without a session
// and without JavaScript, answers "we zijn begonnen"; the coordinator sees the referral gestart.
// The printed A5 card carries QR codes that decode to its links and prints on one A5 page.

test.describe.configure({ timeout: 180_000 });

// jsqr is CommonJS with `exports.default`: the default import is the module or the function,
// depending on the loader.
const jsQR = (jsqr as unknown as { default?: typeof jsqr.default }).default ?? (jsqr as unknown as typeof jsqr.default);

/** The QR code inside `selector`, drawn on a canvas in the page and read back by jsQR. */
async function decodeQr(page: Page, selector: string): Promise<string | null> {
  const image = await page.locator(selector).evaluate(async (el) => {
    const svg = el.querySelector('svg')!;
    const source = new XMLSerializer().serializeToString(svg);
    const img = new Image();
    img.src = `data:image/svg+xml;base64,${btoa(source)}`;
    await img.decode();
    const size = 400;
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size, size);
    ctx.drawImage(img, 0, 0, size, size);
    return { data: [...ctx.getImageData(0, 0, size, size).data], size };
  });
  return jsQR(Uint8ClampedArray.from(image.data), image.size, image.size)?.data ?? null;
}

test('the family says "we zijn begonnen" through their link, and the coordinator sees it', async ({
  page,
  browser,
}) => {
  const firstName = `Fam${Date.now() % 100000}`;
  const documentId = await sendDream({
    firstName,
    age: 9,
    dream: 'Ik wil leren zwemmen en voetballen',
    needPicks: ['sport'],
    wijk: 'muziekwijk',
    phone: uniquePhone().typed,
    parentName: 'Ayse',
  });
  await signInAsCoordinator(page);
  await page.goto(`/nl/werkplek/dromen/${documentId}`);
  const title = await shortlistNext(page);
  await expect(page.locator('#shortlist-title')).toContainText('(1)');
  await expect(page.locator('#family-link')).toContainText('Er is nog geen link');

  // The message: to the parent's phone, nothing about a conversation or a provider that was not told.
  await page.goto(`/nl/werkplek/dromen/${documentId}/bericht`);
  const text = await page.locator('textarea').first().inputValue();
  expect(text.startsWith('Hallo Ayse,')).toBe(true);
  expect(text).not.toMatch(/gepraat|weten daar dat je komt|Zij bellen je/);
  expect(text).toContain('Bel of app hen gerust.');
  const link = /(https?:\/\/\S+\/nl\/gezin\/\S+)/.exec(text)?.[1];
  expect(link).toBeTruthy();
  // The same link every time the message is opened.
  await page.reload();
  expect(await page.locator('textarea').first().inputValue()).toContain(link!);

  // The family: a browser of its own, no session, no JavaScript.
  const family = await browser.newContext({ javaScriptEnabled: false });
  const familyPage = await family.newPage();
  const res = await familyPage.goto(link!);
  expect(res?.status()).toBe(200);
  expect(res?.headers()).toMatchObject({
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-robots-tag': expect.stringContaining('noindex'),
  });
  await expect(familyPage.locator('h1')).toHaveText('Hoe gaat het?');
  await expect(familyPage.locator('h2')).toHaveText(title);
  await expect(familyPage.locator('body')).not.toContainText(firstName);
  await expect(familyPage.locator('body')).not.toContainText('Ayse');
  await familyPage.getByRole('button', { name: 'We zijn begonnen' }).click();
  await expect(familyPage.locator('[role="status"]')).toHaveText('Wat fijn! Veel plezier.');
  await expect(familyPage.locator('.family-current')).toHaveText('Je antwoord: We zijn begonnen');
  await family.close();

  // The same page in Arabic (right to left), with JavaScript: axe-clean, the answer shown.
  await page.goto(link!.replace('/nl/gezin/', '/ar/gezin/'));
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.family-current')).toHaveText('جوابك: لقد بدأنا');
  await expectNoAxeViolations(page);

  // The coordinator sees the referral gestart, the family's answer and the step in the history.
  await page.goto(`/nl/werkplek/dromen/${documentId}`);
  const referral = page.locator('.ws-referral', { hasText: title });
  await expect(referral.locator('.ws-status')).toHaveText('Gestart');
  await expect(referral.locator('.ws-family-answer')).toContainText('Gezin zegt: begonnen');
  await expect(page.locator('body')).toContainText(`Gezin over ${title}: begonnen`);
  await expectNoAxeViolations(page);
});

test("the family's page is kind for a link that does not work, and axe-clean in every edition", async ({ page }) => {
  const res = await page.goto('/ar/gezin/l1.family.nothere.abc.abcdefghijklmnop.sig');
  expect(res?.status()).toBe(404);
  expect(res?.headers()['cache-control']).toBe('no-store');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('h1')).toHaveText('هذا الرابط لا يعمل');
  await expectNoAxeViolations(page);
});

test('the A5 card has QR codes that read as its links, and prints on one A5 page', async ({ page }) => {
  const documentId = await sendDream({
    firstName: `Kaart${Date.now() % 100000}`,
    age: 14,
    edition: 'jong',
    dream: 'Ik wil muziek maken',
    needPicks: ['muziek'],
    wijk: 'muziekwijk',
    phone: uniquePhone().typed,
  });
  await signInAsCoordinator(page);
  await page.goto(`/nl/werkplek/dromen/${documentId}`);
  for (let i = 0; i < 3; i++) {
    await shortlistNext(page);
    await expect(page.locator('#shortlist-title')).toContainText(`(${i + 1})`);
  }
  await page.goto(`/nl/werkplek/dromen/${documentId}/kaart`);
  const qrs = page.locator('.ws-a5 [data-qr]');
  expect(await qrs.count()).toBe(4);
  for (let i = 0; i < 4; i++) {
    const expected = await qrs.nth(i).getAttribute('data-qr');
    expect(await decodeQr(page, `.ws-a5 [data-qr] >> nth=${i}`)).toBe(expected);
  }
  const familyLink = (await qrs.last().getAttribute('data-qr'))!;
  expect(familyLink).toMatch(/\/nl\/gezin\//);
  await expectNoAxeViolations(page);
  const pdf = await page.pdf({ format: 'A5', preferCSSPageSize: true, printBackground: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages).toHaveLength(1);

  // The family's page of a teen's dream wears the teen edition, axe-clean on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(familyLink);
  await expect(page.locator('.family-activity')).toHaveCount(3);
  await expect(page.locator('body')).toContainText('Dare to dream in 036');
  await expectNoAxeViolations(page);
});
