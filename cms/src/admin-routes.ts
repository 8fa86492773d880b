import type { Core } from '@strapi/strapi';
import { activityAdminRoutes } from './api/activity/admin-routes';
import { dreamAdminRoutes } from './api/dream/admin-routes';
import { organisationAdminRoutes } from './api/organisation/admin-routes';

/**
 * Admin API routes of the platform under /droomkaart (signed-in admin users only), each kept
 * beside its content type: api/activity/admin-routes.ts ("klopt nog", the freshness run, the
 * overview), api/dream/admin-routes.ts (a family's data, the retention run) and
 * api/organisation/admin-routes.ts (an organisation's "Alles klopt nog" link).
 */
export function adminRoutes(strapi: Core.Strapi) {
  return {
    type: 'admin' as const,
    prefix: '/droomkaart',
    routes: [...activityAdminRoutes(strapi), ...dreamAdminRoutes(strapi), ...organisationAdminRoutes(strapi)],
  };
}
