import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACTIVITY, ORGANISATION, PLACE, partnerOrganisationSlugs } from '../tenant';

type Row = { documentId: string; publishedAt: string | Date | null; updatedAt: string | Date | null };
export type DocumentCounts = { draft: number; published: number; modified: number };

const time = (v: string | Date | null) => (v ? new Date(v).getTime() : -Infinity);

/**
 * Pure: Strapi's "Entries" widget buckets (content-manager homepage service) for the rows of one
 * content type. With draft & publish: a document without a published row is a draft, one whose
 * draft was saved after publishing is modified, else published. Without: every document counts
 * as published.
 */
export function countDocuments(rows: readonly Row[], draftAndPublish: boolean): DocumentCounts {
  const docs = new Map<string, { published: boolean; draftAt: number; publishedAt: number }>();
  for (const row of rows) {
    const doc = docs.get(row.documentId) ?? { published: false, draftAt: -Infinity, publishedAt: -Infinity };
    if (row.publishedAt) {
      doc.published = true;
      doc.publishedAt = Math.max(doc.publishedAt, time(row.updatedAt));
    } else doc.draftAt = Math.max(doc.draftAt, time(row.updatedAt));
    docs.set(row.documentId, doc);
  }
  const counts: DocumentCounts = { draft: 0, published: 0, modified: 0 };
  for (const doc of docs.values()) {
    if (!draftAndPublish) counts.published++;
    else if (!doc.published) counts.draft++;
    else if (doc.draftAt === doc.publishedAt) counts.published++;
    else counts.modified++;
  }
  return counts;
}

type Route = { method: string; path: string; config?: { middlewares?: unknown[] } & Record<string, unknown> };
type Router = { type?: string; routes: Route[] };
type Ctx = { state: { user?: { roles?: { code?: string | null }[] | null } }; body: unknown; status: number };

function addMiddleware(
  routers: Record<string, Router>,
  method: string,
  path: string,
  middleware: (ctx: Ctx, next: () => Promise<unknown>) => Promise<unknown>,
) {
  let found = 0;
  for (const router of Object.values(routers ?? {})) {
    for (const route of router?.routes ?? []) {
      if (route.method.toUpperCase() !== method || route.path !== path) continue;
      route.config = { ...(route.config ?? {}), middlewares: [...(route.config?.middlewares ?? []), middleware] };
      found++;
    }
  }
  // A Strapi upgrade that moves the route must not silently drop the guard.
  if (!found) throw new Error(`admin-home: route ${method} ${path} not found`);
}

const isSuperAdmin = (user: Ctx['state']['user']) => (user?.roles ?? []).some((r) => r?.code === 'strapi-super-admin');

/** The partner's own activities, places and organisation profile, in the widget's buckets. */
async function ownCounts(strapi: Core.Strapi, slugs: string[]): Promise<DocumentCounts> {
  const total: DocumentCounts = { draft: 0, published: 0, modified: 0 };
  const scoped: [string, Record<string, unknown>][] = [
    [ACTIVITY, { organisation: { slug: { $in: slugs } } }],
    [PLACE, { organisation: { slug: { $in: slugs } } }],
    [ORGANISATION, { slug: { $in: slugs } }],
  ];
  for (const [uid, where] of scoped) {
    const rows = (await strapi.db
      .query(uid)
      .findMany({ where, select: ['documentId', 'publishedAt', 'updatedAt'] })) as Row[];
    const counts = countDocuments(rows, strapi.contentType(uid as any)?.options?.draftAndPublish === true);
    total.draft += counts.draft;
    total.published += counts.published;
    total.modified += counts.modified;
  }
  return total;
}

/**
 * The admin home page's project-wide figures. Strapi shows the "Project statistics" widget (counts
 * of admins, API tokens, webhooks, all files) to super admins only, but its route answers every
 * signed-in admin, and the "Entries" widget counts every organisation's activities for a partner.
 * Called in register(), before the routes are mounted.
 */
export function registerAdminHomeGuard(strapi: Core.Strapi) {
  const admin = strapi.admin.routes as unknown as Record<string, Router>;
  addMiddleware(admin, 'GET', '/homepage/key-statistics', async (ctx, next) => {
    if (!isSuperAdmin(ctx.state.user))
      throw new errors.PolicyError('De cijfers over het hele project zijn alleen voor de beheerder.'); // (a plain ForbiddenError loses its message)
    return next();
  });
  // Counts of all content types, components and dynamic zones, for Strapi's telemetry (which is
  // off here anyway): partners get nothing, as when telemetry is off.
  addMiddleware(admin, 'GET', '/telemetry-properties', async (ctx, next) => {
    if (!partnerOrganisationSlugs(ctx.state.user)) return next();
    ctx.status = 204;
    ctx.body = null;
  });
  addMiddleware(
    strapi.plugin('content-manager').routes as unknown as Record<string, Router>,
    'GET',
    '/homepage/count-documents',
    async (ctx, next) => {
      const slugs = partnerOrganisationSlugs(ctx.state.user);
      if (!slugs) return next();
      ctx.body = { data: await ownCounts(strapi, slugs) };
    },
  );
}
