import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ROLE } from './access/roles';
import { partnerOrganisationSlugs } from './access/tenant';
import { completeness } from './api/activity/completeness/rules';
import { runFreshnessCheck } from './api/activity/freshness/job';
import { freshnessConfigFromEnv, freshnessState } from './api/activity/freshness/rules';
import { normalisePhone } from '@droomkaart/shared';
import { anonymiseClosedDreams } from './api/dream/retention';
import { DREAM } from './api/dream/rules';

const ACTIVITY = 'api::activity.activity';
type User = { roles?: { code?: string }[] };

function isEditor(user: User | undefined): boolean {
  return (user?.roles ?? []).some((r) => r.code === 'strapi-super-admin' || r.code === ROLE.programmeEditor);
}

function requireEditor(user: User | undefined) {
  if (!isEditor(user)) throw new errors.ForbiddenError('Alleen de programmaredactie kan dit.');
}

/**
 * Admin API routes of the platform under /droomkaart (signed-in admin users only).
 * - POST /droomkaart/activities/:documentId/reviewed — "klopt nog": the offer was checked today.
 * - POST /droomkaart/freshness/run — run the nightly freshness check now (programme editor).
 * - GET  /droomkaart/overview — stale and incomplete offers per organisation (programme editor).
 * - GET|DELETE /droomkaart/dreams/family?phone= — export or delete one family's dreams (programme editor).
 * - POST /droomkaart/dreams/retention/run — anonymise closed dreams past retention now (programme editor).
 */
export function adminRoutes(strapi: Core.Strapi) {
  return {
    type: 'admin' as const,
    prefix: '/droomkaart',
    routes: [
      {
        method: 'POST',
        path: '/activities/:documentId/reviewed',
        handler: async (ctx) => {
          const user = ctx.state.user as User;
          if (!isEditor(user) && !partnerOrganisationSlugs(user)) throw new errors.ForbiddenError('Je kunt dit aanbod niet aanpassen.');
          // Runs through the document guard: a partner gets a refusal for another organisation's offer.
          const doc = await strapi.documents(ACTIVITY).findOne({ documentId: ctx.params.documentId } as any);
          if (!doc) return ctx.notFound('Dit aanbod bestaat niet.');
          const lastReviewedAt = new Date();
          await strapi.db.query(ACTIVITY).updateMany({ where: { documentId: ctx.params.documentId }, data: { lastReviewedAt, stale: false, freshnessNotice: null } });
          ctx.body = { data: { documentId: ctx.params.documentId, lastReviewedAt: lastReviewedAt.toISOString() } };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'POST',
        path: '/freshness/run',
        handler: async (ctx) => {
          requireEditor(ctx.state.user);
          // Tests and demos may run the check "as if" on another day; production always uses now.
          const asked = (ctx.request.body as { now?: string } | undefined)?.now;
          const now = asked && process.env.NODE_ENV !== 'production' && !Number.isNaN(Date.parse(asked)) ? new Date(asked) : new Date();
          ctx.body = { data: await runFreshnessCheck(strapi, now) };
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
            populate: { organisation: { select: ['slug', 'name'] }, sessions: true, images: true, places: { select: ['id'] } },
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
            const org = perOrganisation.get(key) ?? { organisation: key, name: row.organisation?.name ?? key, published: 0, stale: [], incomplete: [] };
            org.published++;
            const state = freshnessState(row, now, config);
            if (state === 'stale' || state === 'expired') org.stale.push({ documentId: row.documentId, title: row.title, lastReviewedAt: row.lastReviewedAt });
            const c = completeness({ ...row, translatedLocales: locales.filter((l) => l !== 'nl') });
            if (c.score < 100) org.incomplete.push({ documentId: row.documentId, title: row.title, score: c.score, missing: c.missing });
            perOrganisation.set(key, org);
          }
          ctx.body = { data: [...perOrganisation.values()].sort((a, b) => b.stale.length - a.stale.length || a.name.localeCompare(b.name)) };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        // A family's request to see its data: every dream with this phone number, in full.
        method: 'GET',
        path: '/dreams/family',
        handler: async (ctx) => {
          requireEditor(ctx.state.user);
          const phone = familyPhone(ctx.query.phone);
          const dreams = await strapi.db.query(DREAM).findMany({ where: { phone }, orderBy: { receivedAt: 'asc' }, populate: { referrals: true } });
          ctx.set('content-disposition', 'attachment; filename="gegevens-gezin.json"');
          ctx.body = {
            data: {
              phone,
              exportedAt: new Date().toISOString(),
              dreams: dreams.map(({ id: _id, idempotencyKey: _k, referrals, ...d }: any) => ({ ...d, referrals: (referrals ?? []).map(({ id: _r, createdByEmail: _c, ...r }: any) => r) })),
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
          const ids = ((await strapi.db.query(DREAM).findMany({ where: { phone }, select: ['id'] })) as { id: number }[]).map((d) => d.id);
          if (ids.length > 0) await strapi.db.query('api::referral.referral').deleteMany({ where: { dream: { id: { $in: ids } } } });
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
          const asked = (ctx.request.body as { now?: string } | undefined)?.now;
          const now = asked && process.env.NODE_ENV !== 'production' && !Number.isNaN(Date.parse(asked)) ? new Date(asked) : new Date();
          ctx.body = { data: await anonymiseClosedDreams(strapi, now) };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  };
}

function familyPhone(raw: unknown): string {
  const phone = typeof raw === 'string' ? normalisePhone(raw) : null;
  if (!phone) throw new errors.ValidationError('Vul een geldig mobiel nummer in, zoals 06 12345678.');
  return phone;
}
