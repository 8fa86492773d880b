// The activity card, the same everywhere (site/src/components/card/ActivityCard.tsx): what it says,
// one card per activity, the regelingen once each, the distance when a wijk is chosen, and drawn
// icons instead of emoji. On the real stack with the demo seed.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SEEDED, expectNoAxeViolations } from './pages-support.ts';

const EMOJI = /\p{Extended_Pictographic}/u;

/** A card's facts as the family reads them. */
async function facts(card: Locator) {
  const text = async (cls: string) =>
    (await card.locator(`.facts .${cls}`).count()) ? (await card.locator(`.facts .${cls}`).innerText()).trim() : null;
  return {
    title: (await card.locator('.card-heading').innerText()).trim(),
    when: await text('when'),
    where: await text('where'),
    ages: await text('ages'),
    cost: await text('cost'),
  };
}

const cardTitled = (page: Page, title: string) =>
  page.locator('.cards .card').filter({ has: page.getByRole('link', { name: title, exact: true }) });

test('a catalogue card says when, where, for which ages and what the family pays', async ({ page }) => {
  await page.goto('/nl/activiteiten?q=zwemles');
  const card = cardTitled(page, 'Zwemles voor je A-diploma');
  await expect(card).toHaveCount(1);
  const f = await facts(card);
  expect(f.when).toMatch(/^(ma|di|wo|do|vr|za|zo)(, (ma|di|wo|do|vr|za|zo))* \d\d:\d\d–\d\d:\d\d/);
  expect(f.where).toBeTruthy();
  expect(f.ages).toMatch(/^\d+ tot \d+ jaar$/);
  expect(f.cost).toBeTruthy();
  // A picture: the partner's photo, or else a drawing; never nothing.
  expect(await card.locator('picture.card-image, .card-drawing svg').count()).toBe(1);
});

test('an activity on Monday, Wednesday and Friday is one card that says so', async ({ page }) => {
  await page.goto('/nl/activiteiten?q=speelbus');
  const card = cardTitled(page, 'Speelbus in de wijk');
  await expect(card).toHaveCount(1);
  const f = await facts(card);
  expect(f.when).toBe('ma, wo, vr 15:00–17:00');
  expect(f.where).toBe('op 3 plekken');
});

test('the regelingen page lists each scheme once, on the activity card', async ({ page }) => {
  await page.goto('/nl/regelingen');
  const links = await page
    .locator('li.regeling .card-heading a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(links.length).toBeGreaterThan(3);
  expect(new Set(links).size).toBe(links.length);
  await expect(page.locator('li.regeling .card .ages').first()).toBeVisible();
});

test('a card on an organisation page says what the same card in the catalogue says', async ({ page }) => {
  await page.goto(`/nl/organisaties/${SEEDED.organisation}`);
  const first = page.locator('.cards .card').first();
  await expect(first).toBeVisible();
  const there = await facts(first);
  await page.goto(`/nl/activiteiten?${new URLSearchParams({ q: there.title })}`);
  const here = await facts(cardTitled(page, there.title).first());
  expect(here).toEqual(there);
});

test('home, catalogue and dream pages draw their icons, no emoji', async ({ page }) => {
  for (const path of ['/nl/', '/nl/036', '/nl/activiteiten', '/nl/036/activiteiten', '/nl/droom', '/ar/droom']) {
    await page.goto(path);
    const html = await page.content();
    expect(EMOJI.exec(html)?.[0] ?? null, path).toBeNull();
  }
  // The theme tiles carry a drawing beside their words.
  await page.goto('/nl/');
  const tile = page.locator('.tile').first();
  await expect(tile.locator('svg.icon[aria-hidden="true"]')).toHaveCount(1);
  expect((await tile.innerText()).trim().length).toBeGreaterThan(2);
});

test('with a chosen wijk, cards and the offer page say how far and how long by bike', async ({ page }) => {
  await page.goto('/nl/activiteiten?near=molenbuurt');
  const first = page.locator('.cards .card').first();
  await expect(first.locator('.distance')).toHaveText(/^\d+(,\d)? km · ongeveer \d+ (minuut|minuten) fietsen$/);
  const link = first.locator('.card-heading a');
  await expect(link).toHaveAttribute('href', /\?near=molenbuurt$/);
  await link.click();
  await expect(page.locator('.activity .distance')).toHaveText(
    /^Vanaf Molenbuurt: \d+(,\d)? km · ongeveer \d+ (minuut|minuten) fietsen$/,
  );
  // Without a chosen wijk the card says no distance.
  await page.goto('/nl/activiteiten');
  await expect(page.locator('.cards .card').first()).toBeVisible();
  expect(await page.locator('.cards .distance').count()).toBe(0);
});

test('the cards pass axe in Dutch and Arabic, with a distance shown', async ({ page }) => {
  for (const path of ['/nl/activiteiten?near=molenbuurt', '/ar/activiteiten?near=molenbuurt', '/ar/regelingen']) {
    await page.goto(path);
    await expect(page.locator('.card').first()).toBeVisible();
    await expectNoAxeViolations(page);
  }
});
