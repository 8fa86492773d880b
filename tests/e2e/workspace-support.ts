import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { stackInfo } from './stack-info.ts';

// What the workspace's browser tests share: a dream as the letterbox delivers it, signing in, and
// the provider's personal link from the mail outbox.

export const COORDINATOR = 'coordinator@droomkaart.test';

/** A dream as the letterbox delivers it, straight into the cms with the site's intake token. */
export async function sendDream(data: Record<string, unknown>): Promise<string> {
  const { urls, env } = stackInfo();
  const res = await fetch(`${urls.cms}/api/dreams`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${env.DREAM_INTAKE_TOKEN}` },
    body: JSON.stringify({ data: { edition: 'kind', channel: 'website', ...data } }),
  });
  expect(res.status).toBe(201);
  return (await res.json()).data.documentId;
}

/** Fills in the workspace's sign-in form and sends it (the caller checks where it lands). */
export async function signInAs(page: Page, email: string, password = stackInfo().env.DEMO_PASSWORD) {
  await page.goto('/nl/werkplek');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.locator('form.ws-form button[type="submit"]').click();
}

/** Signs in as the demo coordinator and waits for the inbox. */
export async function signInAsCoordinator(page: Page) {
  await signInAs(page, COORDINATOR);
  await expect(page).toHaveURL(/\/nl\/werkplek$/);
}

/** The path of the provider's link from the mail in the outbox that names the child. */
export async function providerLinkFromMail(firstName: string): Promise<string> {
  const dir = stackInfo().env.MAIL_OUTBOX_DIR;
  let mail: string | undefined;
  await expect
    .poll(() => {
      mail = readdirSync(dir)
        .map((f) => readFileSync(join(dir, f), 'utf8'))
        .find((m) => m.includes(`${firstName} (`) && m.includes('/aanmelding/'));
      return Boolean(mail);
    })
    .toBe(true);
  return new URL(mail!.match(/https?:\/\/\S+\/nl\/aanmelding\/\S+/)![0]).pathname;
}

/** The first result of the dream page's search that is not on the shortlist yet. */
export function nextResult(page: Page) {
  return page
    .locator('[data-match-result]')
    .filter({ has: page.locator('button', { hasText: 'Op de shortlist' }) })
    .first();
}

/** Puts the next search result on the shortlist, waits until the shortlist shows it, and answers its title. */
export async function shortlistNext(page: Page): Promise<string> {
  const result = nextResult(page);
  const title = (await result.locator('h3').innerText()).trim();
  await result.locator('button', { hasText: 'Op de shortlist' }).click();
  await expect(page.locator('li.ws-referral', { hasText: title })).toBeVisible();
  return title;
}
