import type { Core } from '@strapi/strapi';

/**
 * The public (unauthenticated) role may read the published offer and its public relations, and
 * nothing else. Strapi's REST `find`/`findOne` return published documents only unless
 * `status=draft` is asked, which the public role cannot do for draft-and-publish types.
 */
export const PUBLIC_READ = [
  'api::activity.activity',
  'api::organisation.organisation',
  'api::place.place',
  'api::wijk.wijk',
  'api::theme.theme',
] as const;

export async function grantPublicRead(strapi: Core.Strapi) {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) return;
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const uid of PUBLIC_READ) {
    for (const action of ['find', 'findOne']) {
      const name = `${uid}.${action}`;
      const found = await permissions.findOne({ where: { action: name, role: role.id } });
      if (!found) await permissions.create({ data: { action: name, role: role.id } });
    }
  }
}
