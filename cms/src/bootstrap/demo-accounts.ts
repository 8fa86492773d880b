import type { Core } from '@strapi/strapi';

export const DEMO_ADMIN_EMAIL = 'admin@droomkaart.test';

/**
 * Demo sign-ins for development only; the start command prints them and the README lists them.
 * Refused in production, where accounts are invited through the admin panel.
 */
export async function ensureDemoAccounts(strapi: Core.Strapi) {
  if (process.env.NODE_ENV === 'production') {
    strapi.log.warn('DEMO_ACCOUNTS is ignored in production.');
    return;
  }
  const password = process.env.DEMO_PASSWORD;
  if (!password) throw new Error('DEMO_ACCOUNTS=true needs DEMO_PASSWORD.');
  const users = strapi.service('admin::user');
  const existing = await strapi.db.query('admin::user').findOne({ where: { email: DEMO_ADMIN_EMAIL } });
  if (existing) return;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await users.create({
    email: DEMO_ADMIN_EMAIL,
    firstname: 'Demo',
    lastname: 'Beheerder',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  strapi.log.info(`Demo account ready: ${DEMO_ADMIN_EMAIL}`);
}
