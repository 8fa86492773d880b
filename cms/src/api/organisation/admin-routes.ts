import type { Core } from '@strapi/strapi';
import { requireEditor } from '../../access/roles';
import { issueReconfirmLink } from './reconfirm';

/**
 * The organisation's admin API routes (under /droomkaart, registered in src/admin-routes.ts).
 * - POST /droomkaart/organisations/:documentId/reconfirm-link — a new "Alles klopt nog" link (the
 *   old one stops working) with a WhatsApp-ready text to copy (programme editor).
 */
export function organisationAdminRoutes(strapi: Core.Strapi) {
  return [
    {
      method: 'POST',
      path: '/organisations/:documentId/reconfirm-link',
      handler: async (ctx) => {
        requireEditor(ctx.state.user);
        const link = await issueReconfirmLink(strapi, ctx.params.documentId);
        if (!link) return ctx.notFound('Deze organisatie bestaat niet.');
        ctx.body = { data: link };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ];
}
