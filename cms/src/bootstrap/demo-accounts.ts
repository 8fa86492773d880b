import type { Core } from '@strapi/strapi';
import { ROLE } from '../access/roles';
import { partnerRoleCode } from '../access/tenant';
import { UID } from '../content-types';
import { cmsEnv } from '../env';

export const DEMO_ADMIN_EMAIL = 'admin@droomkaart.test';

/** The demo sign-ins: README lists them, the start command prints them. */
export function demoAccountsFor(organisationSlugs: string[]) {
  return [
    { email: DEMO_ADMIN_EMAIL, firstname: 'Demo', lastname: 'Beheerder', role: 'strapi-super-admin' },
    { email: 'coordinator@droomkaart.test', firstname: 'Demo', lastname: 'Coördinator', role: ROLE.coordinator },
    { email: 'beleid@droomkaart.test', firstname: 'Demo', lastname: 'Beleidsadviseur', role: ROLE.policyAdviser },
    ...organisationSlugs.map((slug) => ({
      email: `partner@${slug}.test`,
      firstname: 'Partner',
      lastname: slug,
      role: partnerRoleCode(slug),
    })),
  ];
}

/**
 * Demo sign-ins for development only. Refused in production, where accounts are invited through
 * the admin panel.
 */
export async function ensureDemoAccounts(strapi: Core.Strapi) {
  if (cmsEnv().NODE_ENV === 'production') {
    strapi.log.warn('DEMO_ACCOUNTS is ignored in production.');
    return;
  }
  const password = cmsEnv().DEMO_PASSWORD;
  if (!password) throw new Error('DEMO_ACCOUNTS=true needs DEMO_PASSWORD.');
  const organisations = await strapi.db.query(UID.organisation).findMany({ select: ['slug'] });
  let created = 0;
  for (const account of demoAccountsFor(organisations.map((o: { slug: string }) => o.slug))) {
    if (await strapi.db.query('admin::user').findOne({ where: { email: account.email } })) continue;
    const role = await strapi.db.query('admin::role').findOne({ where: { code: account.role } });
    if (!role) continue;
    const { role: _code, ...fields } = account;
    await strapi
      .service('admin::user')
      .create({ ...fields, password, isActive: true, registrationToken: null, roles: [role.id] });
    created++;
  }
  if (created) strapi.log.info(`Demo accounts created: ${created}`);
}
