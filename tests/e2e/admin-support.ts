import type { Page } from '@playwright/test';
import { stackInfo } from './stack-info.ts';

/** Signs in to the real cms admin the way a volunteer does: the sign-in page, in Dutch by default. */
export async function signInToAdmin(page: Page, email: string) {
  const { urls, env } = stackInfo();
  await page.goto(`${urls.cms}/admin/auth/login`);
  await page.getByRole('textbox', { name: /e-?mail/i }).fill(email);
  await page.locator('input[name="password"]').fill(env.DEMO_PASSWORD);
  await page.getByRole('button', { name: /^(inloggen|log ?in)$/i }).click();
  await page.waitForURL(/\/admin\/?$/);
}

/** The activity's edit view in the admin, Dutch locale. */
export const activityEditUrl = (documentId: string) =>
  `${stackInfo().urls.cms}/admin/content-manager/collection-types/api::activity.activity/${documentId}?plugins[i18n][locale]=nl`;
