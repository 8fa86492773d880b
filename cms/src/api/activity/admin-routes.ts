import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isEditor, requireEditor, type User } from '../../access/roles';
import { partnerOrganisationSlugs } from '../../access/tenant';
import { loadOverview } from './overview/overview';
import { confirmActivities } from './freshness/confirm';
import { runFreshnessCheck } from './freshness/job';
import { clearFreshnessOverview } from './freshness/overview';
import { freshnessConfigFromEnv } from './freshness/rules';
import { UID } from '../../content-types';
import { jobNow } from '../../env';

const ACTIVITY = UID.activity;

/**
 * The activity's admin API routes (under /droomkaart, registered in src/admin-routes.ts).
 * - POST /droomkaart/activities/:documentId/reviewed — "klopt nog": the activity was checked today.
 * - POST /droomkaart/freshness/run — run the nightly freshness check now (programme editor).
 * - GET  /droomkaart/activities/:documentId/completeness — score, what is missing, last check (edit view panel).
 * - GET  /droomkaart/overview — every offer with freshness, completeness, translations and referrals:
 *   a partner's own organisation, the whole city for the programme editor.
 */
export function activityAdminRoutes(strapi: Core.Strapi) {
  return [
    {
      method: 'POST',
      path: '/activities/:documentId/reviewed',
      handler: async (ctx) => {
        const user = ctx.state.user as User;
        if (!isEditor(user) && !partnerOrganisationSlugs(user))
          throw new errors.ForbiddenError('Je kunt dit aanbod niet aanpassen.');
        // Runs through the document guard: a partner gets a refusal for another organisation's activity.
        const doc = await strapi.documents(ACTIVITY).findOne({ documentId: ctx.params.documentId } as any);
        if (!doc) return ctx.notFound('Dit aanbod bestaat niet.');
        const lastReviewedAt = new Date();
        await confirmActivities(strapi, [ctx.params.documentId], lastReviewedAt);
        clearFreshnessOverview();
        ctx.body = { data: { documentId: ctx.params.documentId, lastReviewedAt: lastReviewedAt.toISOString() } };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    {
      method: 'POST',
      path: '/freshness/run',
      handler: async (ctx) => {
        requireEditor(ctx.state.user);
        ctx.body = { data: await runFreshnessCheck(strapi, jobNow(ctx.request.body)) };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    {
      method: 'GET',
      path: '/activities/:documentId/completeness',
      handler: async (ctx) => {
        const user = ctx.state.user as User;
        const slugs = partnerOrganisationSlugs(user);
        if (!isEditor(user) && !slugs) throw new errors.ForbiddenError('Je kunt dit aanbod niet zien.');
        // Runs through the document guard: a partner gets a refusal for another organisation's activity.
        const doc = await strapi.documents(ACTIVITY).findOne({ documentId: ctx.params.documentId } as any);
        if (!doc) return ctx.notFound('Dit aanbod bestaat niet.');
        const [row] = await loadOverview(strapi, slugs, new Date(), freshnessConfigFromEnv(), [ctx.params.documentId]);
        if (!row) return ctx.notFound('Dit aanbod bestaat niet.');
        ctx.body = { data: row };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    {
      method: 'GET',
      path: '/overview',
      handler: async (ctx) => {
        const user = ctx.state.user as User;
        // The programme editor sees the city; a partner its own organisation's offers; others nothing.
        const slugs = isEditor(user) ? null : partnerOrganisationSlugs(user);
        if (!isEditor(user) && !slugs)
          throw new errors.ForbiddenError('Dit overzicht is voor partners en de programmaredactie.');
        const rows = await loadOverview(strapi, slugs, new Date(), freshnessConfigFromEnv());
        ctx.body = { data: rows, meta: { scope: slugs ? 'organisation' : 'city' } };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ];
}
