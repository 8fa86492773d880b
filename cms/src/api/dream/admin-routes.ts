import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { normalisePhone } from '@droomkaart/shared';
import { requireEditor } from '../../access/roles';
import { anonymiseClosedDreams } from './retention';
import { leaveFamilies } from '../family/grouping';
import { DREAM } from './rules';
import { UID } from '../../content-types';
import { jobNow } from '../../env';

/**
 * The dream's admin API routes (under /droomkaart, registered in src/admin-routes.ts).
 * - GET|DELETE /droomkaart/dreams/family?phone= — export or delete one family's dreams (programme editor).
 * - POST /droomkaart/dreams/retention/run — anonymise closed dreams past retention now (programme editor).
 */
export function dreamAdminRoutes(strapi: Core.Strapi) {
  return [
    {
      // A family's request to see its data: every dream with this phone number, in full.
      method: 'GET',
      path: '/dreams/family',
      handler: async (ctx) => {
        requireEditor(ctx.state.user);
        const phone = familyPhone(ctx.query.phone);
        const dreams = await strapi.db
          .query(DREAM)
          .findMany({ where: { phone }, orderBy: { receivedAt: 'asc' }, populate: { referrals: true } });
        ctx.set('content-disposition', 'attachment; filename="gegevens-gezin.json"');
        ctx.body = {
          data: {
            phone,
            exportedAt: new Date().toISOString(),
            dreams: dreams.map(({ id: _id, idempotencyKey: _k, referrals, ...d }: any) => ({
              ...d,
              referrals: (referrals ?? []).map(({ id: _r, createdByEmail: _c, ...r }: any) => r),
            })),
          },
        };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    {
      // A family's request to be forgotten: every dream with this phone number is deleted.
      method: 'DELETE',
      path: '/dreams/family',
      handler: async (ctx) => {
        requireEditor(ctx.state.user);
        const phone = familyPhone(ctx.query.phone);
        // Their referrals (shortlists, notes) go with them.
        const ids = (
          (await strapi.db.query(DREAM).findMany({ where: { phone }, select: ['id'] })) as { id: number }[]
        ).map((d) => d.id);
        if (ids.length > 0) await strapi.db.query(UID.referral).deleteMany({ where: { dream: { id: { $in: ids } } } });
        // And their family contact, when no other dream of the family is left.
        await leaveFamilies(strapi, ids);
        const result = await strapi.db.query(DREAM).deleteMany({ where: { phone } });
        ctx.body = { data: { deleted: (result as { count?: number })?.count ?? 0 } };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    {
      method: 'POST',
      path: '/dreams/retention/run',
      handler: async (ctx) => {
        requireEditor(ctx.state.user);
        ctx.body = { data: await anonymiseClosedDreams(strapi, jobNow(ctx.request.body)) };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ];
}

function familyPhone(raw: unknown): string {
  const phone = typeof raw === 'string' ? normalisePhone(raw) : null;
  if (!phone) throw new errors.ValidationError('Vul een geldig mobiel nummer in, zoals 06 12345678.');
  return phone;
}
