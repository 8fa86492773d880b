import { expect, test } from '@playwright/test';
import { DEMO_ADMIN, request, signIn } from '../utils/cms-admin.ts';
import { stackInfo } from './stack-info.ts';

// "Nieuwe partners" (issue 19, point 4) in the real admin: the programme editor sees what a new
// organisation entered, is told kindly that declining needs a reason, and approves it with a message.
test('the programme editor approves a new partner from the queue in the admin', async ({ page }) => {
  test.setTimeout(120_000);
  const { urls, env } = stackInfo();
  const name = `Dansschool ${Date.now().toString(36)}`;
  const api = await signIn(urls.cms, DEMO_ADMIN.email, env.DEMO_PASSWORD);
  const created = await request(api, 'POST', '/content-manager/collection-types/api::organisation.organisation', {
    name,
    slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    kind: 'cultuur',
    description: 'Wij geven dansles aan kinderen van 4 tot 12.',
    email: 'info@dansschool.example',
  });
  expect(created.status).toBe(201);

  await page.goto(`${urls.cms}/admin/auth/login`);
  await page.getByLabel(/e-?mail/i).fill(DEMO_ADMIN.email);
  await page.getByLabel(/password|wachtwoord/i).fill(env.DEMO_PASSWORD);
  await page.getByRole('button', { name: /log ?in|inloggen/i }).click();
  await page.waitForURL(/\/admin\/?$/);

  await page.getByRole('link', { name: 'Nieuwe partners' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe partners' })).toBeVisible({ timeout: 30_000 });
  const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  await expect(entry.getByText('Wij geven dansles aan kinderen van 4 tot 12.')).toBeVisible();
  await expect(entry.getByText('info@dansschool.example')).toBeVisible();

  await entry.getByRole('button', { name: 'Afwijzen' }).click();
  await expect(entry.getByRole('alert')).toHaveText(/Schrijf erbij waarom/);

  await entry.getByLabel(/Bericht aan de organisatie/).fill('Welkom! Zet je lessen er maar op.');
  await entry.getByRole('button', { name: 'Goedkeuren' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${name} is goedgekeurd.` })).toBeVisible();
  await expect(page.getByRole('heading', { name })).toHaveCount(0);

  const res = await fetch(`${urls.cms}/api/organisations?filters[name][$eq]=${encodeURIComponent(name)}`);
  expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(1);
});
