import { expect, test } from '@playwright/test';
import { partnerEmail } from '../utils/cms-admin.ts';
import { stackInfo } from './stack-info.ts';

// "Bestaat dit al?" (issue 19, point 6) in the real admin: a partner starting a new activity that
// is much like one it has sees that one, with a link to open it, before saving; a name like
// nothing existing gets no warning.
test('a partner typing a new activity much like its own sees "Bestaat dit al?" before saving', async ({ page }) => {
  test.setTimeout(120_000);
  const { urls, env } = stackInfo();
  const admin = (path: string) => `${urls.cms}/admin${path}`;

  await page.goto(admin('/auth/login'));
  await page.getByLabel(/e-?mail/i).fill(partnerEmail('kinderwerk-almere'));
  await page.getByLabel(/password|wachtwoord/i).fill(env.DEMO_PASSWORD);
  await page.getByRole('button', { name: /log ?in|inloggen/i }).click();
  await page.waitForURL(/\/admin\/?$/);

  await page.goto(admin('/content-manager/collection-types/api::activity.activity/create?plugins[i18n][locale]=nl'));
  const title = page.locator('input[name="title"]');
  await expect(title).toBeVisible({ timeout: 30_000 }); // the edit view loads slowly on a busy machine
  const panel = page.getByRole('status').filter({ hasText: 'Bestaat dit al?' });

  await title.fill('Schaakclub op zondag');
  await expect(page.getByText('Er is niets gevonden dat hierop lijkt.')).toBeVisible();
  await expect(panel).toHaveCount(0);

  // The seeded "Knutselmiddag", typed differently.
  await title.fill('knutsel middag');
  await expect(panel).toBeVisible();
  const link = panel.getByRole('link', { name: 'Knutselmiddag', exact: true });
  await expect(link).toHaveAttribute(
    'href',
    /\/admin\/content-manager\/collection-types\/api::activity\.activity\/\w+/,
  );
  await link.click();
  await expect(page.locator('input[name="title"]')).toHaveValue('Knutselmiddag', { timeout: 30_000 });
});
