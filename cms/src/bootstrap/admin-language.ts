import type { Core } from '@strapi/strapi';

/** The admin's language for an account that never chose one (Strapi's `preferedLanguage`). */
export const ADMIN_DEFAULT_LANGUAGE = 'nl';

/**
 * New admin accounts (invited or demo) start in Dutch. The admin panel applies the account's
 * `preferedLanguage` at sign-in; the profile page still switches it to English.
 */
export function registerDutchAdminForNewAccounts(strapi: Core.Strapi) {
  strapi.db.lifecycles.subscribe({
    models: ['admin::user'],
    beforeCreate(event) {
      const data = event.params.data as Record<string, unknown> | undefined;
      if (data && !data.preferedLanguage) data.preferedLanguage = ADMIN_DEFAULT_LANGUAGE;
    },
  });
}

/** Accounts made before this rule, and never switched: Dutch too. One query; a second start changes nothing. */
export async function ensureDutchAdmin(strapi: Core.Strapi) {
  await strapi.db
    .query('admin::user')
    .updateMany({ where: { preferedLanguage: { $null: true } }, data: { preferedLanguage: ADMIN_DEFAULT_LANGUAGE } });
}
