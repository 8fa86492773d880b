import type { Core } from '@strapi/strapi';
import { requireEditor } from '../../access/roles';
import { reconfirmLink } from './reconfirm';

/**
 * The organisation's admin API routes (under /droomkaart, registered in src/admin-routes.ts).
 * - POST /droomkaart/organisations/:documentId/reconfirm-link — the organisation's "Alles klopt
 *   nog" link (the one of this round's mail while it lasts; `{ "replace": true }`: a new one, the
 *   old one stops working) with a WhatsApp-ready text to copy (programme editor).
 */
export function organisationAdminRoutes(strapi: Core.Strapi) {
  return [
    {
      method: 'POST',
      path: '/organisations/:documentId/reconfirm-link',
      handler: async (ctx) => {
        requireEditor(ctx.state.user);
        const replace = (ctx.request.body as { replace?: unknown } | undefined)?.replace === true;
        const link = await reconfirmLink(strapi, ctx.params.documentId, { replace });
        if (!link) return ctx.notFound('Deze organisatie bestaat niet.');
        ctx.body = { data: link };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ];
}
