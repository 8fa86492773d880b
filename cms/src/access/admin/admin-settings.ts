import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

// Some upstream admin routes only ask "is this an admin?" and then change something every admin
// shares, or act on the world outside. Found by the route sweep (tests/integration/route-sweep.test.ts):
// a partner could change the content-manager layout of a component for everyone, switch the i18n
// plugin's settings, and make the cms send an e-mail with any address, subject and text through
// the e-mail plugin's provider. Each now asks for the permission Strapi uses for the same thing
// elsewhere; only the super admin holds these here.

type Route = { method: string; path: string; config?: { middlewares?: unknown[] } & Record<string, unknown> };
type Router = { type?: string; routes: Route[] };
type Ctx = { state: { user?: { roles?: { id?: number }[] | null } | null } };

/** Route (plugin, method, path as the plugin declares it) → the admin permission it needs, and why. */
export const SHARED_SETTINGS_ROUTES = [
  // The content-type twin of this route asks for configure-view; the component one asked nothing.
  {
    plugin: 'content-manager',
    method: 'PUT',
    path: '/components/:uid/configuration',
    action: 'plugin::content-manager.collection-types.configure-view',
    what: 'de weergave van een onderdeel aanpassen',
  },
  {
    plugin: 'i18n',
    method: 'PUT',
    path: '/settings',
    action: 'plugin::i18n.locale.update',
    what: 'de taalinstellingen aanpassen',
  },
  // POST /email/test asks for the e-mail settings permission; this sends any mail to anyone.
  {
    plugin: 'email',
    method: 'POST',
    path: '/',
    action: 'plugin::email.settings.read',
    what: 'e-mails versturen vanuit het cms',
  },
] as const;

async function holds(strapi: Core.Strapi, user: Ctx['state']['user'], action: string): Promise<boolean> {
  const roles = (user?.roles ?? []).map((r) => r?.id).filter((id): id is number => typeof id === 'number');
  if (roles.length === 0) return false;
  return (await strapi.db.query('admin::permission').count({ where: { action, role: { id: { $in: roles } } } })) > 0;
}

/** Called in register(), before the routes are mounted. */
export function registerSharedSettingsGuard(strapi: Core.Strapi) {
  for (const rule of SHARED_SETTINGS_ROUTES) {
    let found = 0;
    for (const router of Object.values(
      (strapi.plugin(rule.plugin).routes ?? {}) as unknown as Record<string, Router>,
    )) {
      for (const route of router?.routes ?? []) {
        if (route.method.toUpperCase() !== rule.method || route.path !== rule.path) continue;
        const guard = async (ctx: Ctx, next: () => Promise<unknown>) => {
          if (!(await holds(strapi, ctx.state.user, rule.action)))
            throw new errors.PolicyError(`Je mag niet ${rule.what}. Dat kan alleen de beheerder.`);
          return next();
        };
        route.config = { ...(route.config ?? {}), middlewares: [...(route.config?.middlewares ?? []), guard] };
        found++;
      }
    }
    // A Strapi upgrade that moves the route must not silently drop the guard.
    if (!found) throw new Error(`admin-settings: route ${rule.method} ${rule.path} of ${rule.plugin} not found`);
  }
}
