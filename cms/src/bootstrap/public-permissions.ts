import type { Core } from '@strapi/strapi';
import { UID } from '../content-types';

/**
 * The public (unauthenticated) role may read the published activity and its public relations, and
 * nothing else. Strapi's REST `find`/`findOne` return published documents only unless
 * `status=draft` is asked, which the public role cannot do for draft-and-publish types.
 */
export const PUBLIC_READ = [UID.activity, UID.organisation, UID.place, UID.wijk, UID.theme, UID.letterbox] as const;

/**
 * The users-permissions plugin's account actions (sign up, sign in, password reset, e-mail
 * confirmation, providers), which Strapi grants the public role by default: the site has no
 * accounts (coordinators sign in as admin users through the workspace), so the public gets none.
 * /api/auth/* then answers 403 instead of storing accounts for anyone (and a sign-in with a body
 * that is not JSON no longer reaches the plugin, which answered it with a 500).
 */
export const CLOSED_TO_PUBLIC_PREFIX = 'plugin::users-permissions.auth.';

/** Content types no users-permissions role may ever touch (the site's intake token is an API token). */
export const NEVER_PUBLIC = [UID.dream, UID.family, UID.auditEntry] as const;

export async function grantPublicRead(strapi: Core.Strapi) {
  const role = await strapi.db.query(UID.usersPermissionsRole).findOne({ where: { type: 'public' } });
  if (!role) return;
  const permissions = strapi.db.query(UID.usersPermissionsPermission);
  for (const uid of PUBLIC_READ) {
    for (const action of ['find', 'findOne']) {
      const name = `${uid}.${action}`;
      const found = await permissions.findOne({ where: { action: name, role: role.id } });
      if (!found) await permissions.create({ data: { action: name, role: role.id } });
    }
  }
  await permissions.deleteMany({ where: { action: { $startsWith: CLOSED_TO_PUBLIC_PREFIX }, role: role.id } });
  // Defence in depth: whatever was granted by hand in the admin panel, private content stays
  // closed to the public and to signed-in site users.
  const roles = await strapi.db.query(UID.usersPermissionsRole).findMany({ select: ['id'] });
  for (const uid of NEVER_PUBLIC) {
    await permissions.deleteMany({
      where: { action: { $startsWith: `${uid}.` }, role: { id: { $in: roles.map((r: { id: number }) => r.id) } } },
    });
  }
}
