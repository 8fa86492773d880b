import type { Core } from '@strapi/strapi';
import { activityAdminRoutes } from './api/activity/admin-routes';
import { dreamAdminRoutes } from './api/dream/admin-routes';
import { duplicatesAdminRoutes } from './duplicates/admin-routes';
import { approvalAdminRoutes } from './api/organisation/approval/admin-routes';
import { organisationAdminRoutes } from './api/organisation/admin-routes';

/**
 * Admin API routes of the platform under /droomkaart (signed-in admin users only), each kept
 * beside its content type: api/activity/admin-routes.ts ("klopt nog", the freshness run, the
 * overview), api/dream/admin-routes.ts (a family's data, the retention run),
 * duplicates/admin-routes.ts ("Bestaat dit al?", merge candidates),
 * api/organisation/approval/admin-routes.ts (the queue of new partners) and
 * api/organisation/admin-routes.ts (an organisation's "Alles klopt nog" link).
 */
export function adminRoutes(strapi: Core.Strapi) {
  return {
    type: 'admin' as const,
    prefix: '/droomkaart',
    routes: [
      ...activityAdminRoutes(strapi),
      ...dreamAdminRoutes(strapi),
      ...duplicatesAdminRoutes(strapi),
      ...approvalAdminRoutes(strapi),
      ...organisationAdminRoutes(strapi),
    ],
  };
}
