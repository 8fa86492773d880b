import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { resolve } from './relation-guard';
import {
  ADMIN_USER,
  judge,
  mayList,
  ruleFor,
  type Ref,
  type RelationRule,
  type TargetFacts,
  type Who,
} from './relation-rules';
import { ACTIVITY, ORGANISATION, TENANT_OWNED, andFilter, partnerOrganisationSlugs } from '../tenant';

// The content-manager's relation pickers follow RBAC conditions only (PITFALLS, strapi/strapi#20474):
// the partner's activity read condition `any-regeling` let the place's `activities` picker offer
// other organisations' regelingen, and `findExisting` told what another organisation's regeling
// links to. Both routes follow RELATION_RULES here, the table the relation guard writes by.

export const RELATION_ENDPOINT_MESSAGES = {
  notOwn:
    'Dit hoort bij een andere organisatie. Je kunt alleen de koppelingen van je eigen aanbod, plekken en organisatie bekijken.',
  badPage: 'Vraag een pagina vanaf 1, met 1 tot 100 koppelingen per pagina.',
} as const;

type Ctx = {
  params: Record<string, string>;
  query: Record<string, any>;
  request: { query: Record<string, any> };
  state: { user?: any; userAbility?: unknown };
  body: any;
};
type Next = () => Promise<unknown>;
type Attribute = { type: string; target?: string };
type Page = {
  results: { id: number; documentId?: string }[];
  pagination?: { page: number; pageSize: number; pageCount: number; total: number };
};

const forbidden = (message: string) => new errors.PolicyError(message);

/** The partner's organisations (documentIds), and what the rules need to know of the partner. */
async function partnerOf(strapi: Core.Strapi, user: any): Promise<Who | null> {
  const slugs = partnerOrganisationSlugs(user);
  if (!slugs) return null;
  const rows = (await strapi.db
    .query(ORGANISATION)
    .findMany({ where: { slug: { $in: slugs } }, select: ['documentId'] })) as { documentId: string }[];
  return { ownIds: rows.map((r) => r.documentId), userId: typeof user?.id === 'number' ? user.id : null };
}

/** The relation the route asks about, or null (Strapi answers an unknown model or field itself). */
function relationOf(
  strapi: Core.Strapi,
  ctx: Ctx,
): { model: string; field: string; target: string; rule: RelationRule | null } | null {
  const { model, targetField } = ctx.params;
  const attribute = (strapi.getModel(model as any) as unknown as { attributes?: Record<string, Attribute> } | undefined)
    ?.attributes?.[targetField];
  if (!attribute || attribute.type !== 'relation' || !attribute.target) return null;
  return { model, field: targetField, target: attribute.target, rule: ruleFor(model, targetField, attribute.target) };
}

/**
 * The source entry must be one the partner may open as its own: an activity or place of its
 * organisation (every version), or its organisation. Anything else (another organisation's
 * regeling, a theme, a component) is refused: its links are not the partner's business.
 */
async function assertOwnSource(strapi: Core.Strapi, model: string, id: unknown, who: Who) {
  if (typeof id !== 'string' || !id) throw forbidden(RELATION_ENDPOINT_MESSAGES.notOwn);
  if (model === ORGANISATION) {
    if (!who.ownIds.includes(id)) throw forbidden(RELATION_ENDPOINT_MESSAGES.notOwn);
    return;
  }
  if (!(TENANT_OWNED as readonly string[]).includes(model)) throw forbidden(RELATION_ENDPOINT_MESSAGES.notOwn);
  const versions = (await strapi.db.query(model).findMany({
    where: { documentId: id },
    select: ['id'],
    populate: { organisation: { select: ['documentId'] } },
  })) as { organisation?: { documentId: string } | null }[];
  // None: Strapi answers 404 as it does for anyone.
  if (versions.some((v) => !v.organisation || !who.ownIds.includes(v.organisation.documentId)))
    throw forbidden(RELATION_ENDPOINT_MESSAGES.notOwn);
}

/** The reference the rules judge a listed target by: admin users by row id, documents by documentId. */
const refOf = (target: string, row: { id: number; documentId?: string }): Ref =>
  target === ADMIN_USER || !row.documentId ? { id: row.id } : { documentId: row.documentId };

/** Facts of these targets, as the relation guard looks them up. */
async function factsOf(
  strapi: Core.Strapi,
  target: string,
  refs: Ref[],
): Promise<(ref: Ref) => TargetFacts | undefined> {
  const { byDocumentId } = await resolve(strapi, target, refs);
  return (ref) => ('documentId' in ref ? byDocumentId.get(ref.documentId) : undefined);
}

/**
 * A filter on the target for what this partner may link through this relation (RELATION_RULES),
 * or null when nothing can be. Candidates come from the database; each is judged by the rules.
 */
async function linkableFilter(
  strapi: Core.Strapi,
  relation: { field: string; target: string; rule: RelationRule },
  who: Who,
): Promise<Record<string, unknown> | null> {
  const { target, rule, field } = relation;
  if (rule.may === 'self') return who.userId === null ? null : { id: { $eq: who.userId } };
  let candidates: string[] = [];
  if (target === ORGANISATION) candidates = who.ownIds;
  else if ((TENANT_OWNED as readonly string[]).includes(target)) {
    const own = { organisation: { documentId: { $in: who.ownIds } } };
    const where = rule.may === 'own-or-regeling' && target === ACTIVITY ? { $or: [own, { kind: 'regeling' }] } : own;
    candidates = [
      ...new Set(
        ((await strapi.db.query(target).findMany({ where, select: ['documentId'] })) as { documentId: string }[]).map(
          (r) => r.documentId,
        ),
      ),
    ];
  }
  if (candidates.length === 0) return null;
  const refs = candidates.map((documentId) => ({ documentId }));
  const facts = await factsOf(strapi, target, refs);
  const allowed = refs.filter((ref) => mayList(rule, field, ref, facts(ref), who)).map((ref) => ref.documentId);
  return allowed.length > 0 ? { documentId: { $in: allowed } } : null;
}

function pageOf(query: Record<string, any>): { page: number; pageSize: number } {
  const read = (value: unknown, fallback: number, max: number) => {
    if (value === undefined || value === null || value === '') return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new errors.ValidationError(RELATION_ENDPOINT_MESSAGES.badPage);
    return n;
  };
  return { page: read(query.page, 1, Number.MAX_SAFE_INTEGER), pageSize: read(query.pageSize, 10, 100) };
}

const MAX_PAGES = 50;

function createGuard(strapi: Core.Strapi) {
  /** `GET /relations/:model/:targetField`: what a picker offers. */
  const findAvailable = async (ctx: Ctx, next: Next) => {
    const who = await partnerOf(strapi, ctx.state.user);
    if (!who) return next();
    const relation = relationOf(strapi, ctx);
    if (!relation) return next();
    const { rule } = relation;
    // A relation the partner never writes offers nothing: the guard's own refusal.
    if (!rule || rule.may === 'nothing')
      throw forbidden(
        judge(rule, { path: relation.field, field: relation.field }, 'link', { invalid: true }, undefined, who),
      );
    // `id` leaves out what that entry links: only an own entry, or the list would tell what another's links.
    if (ctx.query.id !== undefined) await assertOwnSource(strapi, relation.model, ctx.query.id, who);
    if (rule.may === 'anyone') return next();
    const filter = await linkableFilter(strapi, { ...relation, rule }, who);
    if (!filter) {
      const { pageSize } = pageOf(ctx.query);
      ctx.body = { results: [], pagination: { page: 1, pageSize, pageCount: 0, total: 0 } };
      return;
    }
    // Strapi's query parser caches the parsed query per request: changed in place, the
    // controller reads it with the clause (its permission query ANDs RBAC's conditions to it).
    ctx.query.filters = andFilter(ctx.query.filters, filter);
    return next();
  };

  /** `GET /relations/:model/:id/:targetField`: what an entry links now. */
  const findExisting = async (ctx: Ctx, next: Next) => {
    const who = await partnerOf(strapi, ctx.state.user);
    if (!who) return next();
    const relation = relationOf(strapi, ctx);
    if (!relation) return next();
    await assertOwnSource(strapi, relation.model, ctx.params.id, who);
    if (relation.rule?.may === 'anyone') return next();

    // Strapi's own answer (titles only where RBAC allows, each link's status), page by page, with
    // what the partner may not see left out; then the page asked for, counted without them.
    const { page, pageSize } = pageOf(ctx.query);
    const controller = strapi.plugin('content-manager').controller('relations') as unknown as {
      findExisting: (ctx: Ctx) => Promise<void>;
    };
    const all: Page['results'] = [];
    for (let p = 1; p <= MAX_PAGES; p++) {
      const query = { ...ctx.query, page: String(p), pageSize: '100' };
      const view = Object.create(ctx) as Ctx;
      Object.defineProperty(view, 'query', { value: query, writable: true });
      Object.defineProperty(view, 'request', {
        value: Object.assign(Object.create(ctx.request), { query }),
        writable: true,
      });
      Object.defineProperty(view, 'body', { value: undefined, writable: true });
      await controller.findExisting(view);
      const answer = view.body as Page | undefined;
      all.push(...(answer?.results ?? []));
      if (!answer?.pagination || p >= answer.pagination.pageCount) break;
    }
    const refs = all.map((row) => refOf(relation.target, row));
    const facts = await factsOf(strapi, relation.target, refs);
    const visible = all.filter((_row, i) => mayList(relation.rule, relation.field, refs[i], facts(refs[i]), who));
    const total = visible.length;
    ctx.body = {
      pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
      results: visible.slice((page - 1) * pageSize, page * pageSize),
    };
  };

  return { findAvailable, findExisting };
}

type Route = { method: string; path: string; config?: { middlewares?: unknown[] } & Record<string, unknown> };
type Router = { routes: Route[] };

/**
 * The relation pickers of the content-manager (`GET /content-manager/relations/...`) follow the
 * rules the relation guard writes by (RELATION_RULES): a picker offers a partner only what it may
 * link through that field, and the links of an entry are shown only for the partner's own entries,
 * without another organisation's entries. Called in register(), before the routes are mounted.
 */
export function registerRelationEndpointGuard(strapi: Core.Strapi) {
  const guard = createGuard(strapi);
  const wanted: Record<string, (ctx: Ctx, next: Next) => Promise<unknown>> = {
    'GET /relations/:model/:targetField': guard.findAvailable,
    'GET /relations/:model/:id/:targetField': guard.findExisting,
  };
  const found = new Set<string>();
  for (const router of Object.values(strapi.plugin('content-manager').routes as unknown as Record<string, Router>)) {
    for (const route of router?.routes ?? []) {
      const key = `${route.method.toUpperCase()} ${route.path}`;
      if (!wanted[key]) continue;
      route.config = { ...(route.config ?? {}), middlewares: [...(route.config?.middlewares ?? []), wanted[key]] };
      found.add(key);
    }
  }
  // A Strapi upgrade that moves the routes must not silently drop the guard.
  for (const key of Object.keys(wanted))
    if (!found.has(key)) throw new Error(`relation endpoints: route ${key} not found`);
}
