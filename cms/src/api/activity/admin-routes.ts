import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isEditor, requireEditor, type User } from '../../access/roles';
import { partnerOrganisationSlugs } from '../../access/tenant';
import { completeness } from './completeness/rules';
import { runFreshnessCheck } from './freshness/job';
import { clearFreshnessOverview } from './freshness/overview';
import { freshnessConfigFromEnv, freshnessState } from './freshness/rules';
import { UID } from '../../content-types';
import { jobNow } from '../../env';

const ACTIVITY = UID.activity;

/**
 * The activity's admin API routes (under /droomkaart, registered in src/admin-routes.ts).
 * - POST /droomkaart/activities/:documentId/reviewed — "klopt nog": the activity was checked today.
 * - POST /droomkaart/freshness/run — run the nightly freshness check now (programme editor).
 * - GET  /droomkaart/overview — stale and incomplete activities per organisation (programme editor).
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
        await strapi.db.query(ACTIVITY).updateMany({
          where: { documentId: ctx.params.documentId },
          data: { lastReviewedAt, stale: false, freshnessNotice: null },
        });
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
      path: '/overview',
      handler: async (ctx) => {
        requireEditor(ctx.state.user);
        const config = freshnessConfigFromEnv();
        const rows = await strapi.db.query(ACTIVITY).findMany({
          where: { publishedAt: { $notNull: true } },
          populate: {
            organisation: { select: ['slug', 'name'] },
            sessions: true,
            images: true,
            places: { select: ['id'] },
          },
        });
        const docs = new Map<string, { row: any; locales: string[] }>();
        for (const row of rows) {
          const entry = docs.get(row.documentId) ?? { row, locales: [] };
          entry.locales.push(row.locale);
          if (row.locale === 'nl') entry.row = row;
          docs.set(row.documentId, entry);
        }
        const now = new Date();
        const perOrganisation = new Map<string, any>();
        for (const { row, locales } of docs.values()) {
          const key = row.organisation?.slug ?? '(geen organisatie)';
          const org = perOrganisation.get(key) ?? {
            organisation: key,
            name: row.organisation?.name ?? key,
            published: 0,
            stale: [],
            incomplete: [],
          };
          org.published++;
          const state = freshnessState(row, now, config);
          if (state === 'stale' || state === 'expired')
            org.stale.push({ documentId: row.documentId, title: row.title, lastReviewedAt: row.lastReviewedAt });
          const c = completeness({ ...row, translatedLocales: locales.filter((l) => l !== 'nl') });
          if (c.score < 100)
            org.incomplete.push({ documentId: row.documentId, title: row.title, score: c.score, missing: c.missing });
          perOrganisation.set(key, org);
        }
        ctx.body = {
          data: [...perOrganisation.values()].sort(
            (a, b) => b.stale.length - a.stale.length || a.name.localeCompare(b.name),
          ),
        };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ];
}
