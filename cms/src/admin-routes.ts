import type { Core } from '@strapi/strapi';
import { activityAdminRoutes } from './api/activity/admin-routes';
import { dreamAdminRoutes } from './api/dream/admin-routes';
import { duplicatesAdminRoutes } from './duplicates/admin-routes';
import { approvalAdminRoutes } from './api/organisation/approval/admin-routes';

/**
 * Admin API routes of the platform under /droomkaart (signed-in admin users only), each kept
 * beside its content type: api/activity/admin-routes.ts ("klopt nog", the freshness run, the
 * overview), api/dream/admin-routes.ts (a family's data, the retention run),
 * duplicates/admin-routes.ts ("Bestaat dit al?", merge candidates) and
 * api/organisation/approval/admin-routes.ts (the queue of new partners).
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
    ],
  };
}
