import type { Core } from '@strapi/strapi';
import { isContentApiRequest } from '../request';
import { ACTIVITY, ORGANISATION, PLACE, andFilter } from '../tenant';
import { shownClause } from '../../api/activity/freshness/rules';

const LISTS = new Set(['findMany', 'findFirst', 'count']);
const READS = new Set(['findMany', 'findFirst', 'findOne']);
const CONTACT = ['email', 'phone', 'whatsapp'] as const;

/**
 * Pure: removes an organisation's contact details unless it chose to show them (contactPublic
 * true). Also when contactPublic was not read with them: unknown means private.
 */
export function hidePrivateContact<T>(organisation: T): T {
  const o = organisation as Record<string, unknown> | null;
  if (!o || typeof o !== 'object' || o.contactPublic === true) return organisation;
  for (const field of CONTACT) delete o[field];
  return organisation;
}

/**
 * Pure: the organisations inside a content-API result: the rows themselves for an organisation
 * read, and every populated `organisation` relation at any depth (an activity's, but also
 * `/api/wijken?populate[places][populate][organisation]`, a theme's activities', a regeling's).
 */
export function organisationsIn(uid: string, result: unknown): unknown[] {
  const found: unknown[] = [];
  const seen = new Set<unknown>();
  const walk = (value: unknown, isOrganisation: boolean) => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) return value.forEach((v) => walk(v, isOrganisation));
    if (isOrganisation) found.push(value);
    for (const [key, inner] of Object.entries(value)) walk(inner, key === 'organisation');
  };
  walk(result, uid === ORGANISATION);
  return found;
}

type Attribute = { type: string; target?: string; component?: string };
type ModelOf = (
  uid: string,
) => { attributes: Record<string, Attribute>; options?: { draftAndPublish?: boolean } } | undefined;

/**
 * Pure: the clause that keeps a content-API read of `uid` to approved organisations, or null (for
 * activities also: not past their freshness limit at `now`, shownClause). A
 * place of no organisation is the programme editor's (a shared venue such as a library building):
 * it is the programme's own, so public; an activity always has an organisation.
 */
export function approvalClause(uid: string | undefined, now: Date = new Date()): Record<string, unknown> | null {
  if (uid === ORGANISATION) return { approved: { $eq: true } };
  // An activity past its freshness limit is hidden on read (not only once the nightly job ran).
  if (uid === ACTIVITY) return { $and: [{ organisation: { approved: { $eq: true } } }, shownClause(now)] };
  if (uid === PLACE)
    return { $or: [{ organisation: { id: { $null: true } } }, { organisation: { approved: { $eq: true } } }] };
  return null;
}

/** Pure: what a public read may see of `uid` through a relation: approved, and published when the read is. */
export function visibleClause(uid: string, modelOf: ModelOf, published: boolean): Record<string, unknown> | null {
  const parts = [
    approvalClause(uid),
    published && modelOf(uid)?.options?.draftAndPublish ? { publishedAt: { $notNull: true } } : null,
  ].filter((p): p is Record<string, unknown> => p !== null);
  return parts.length === 0 ? null : parts.length === 1 ? parts[0] : { $and: parts };
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const GROUP = new Set(['$and', '$or']);

/**
 * Pure: a database-level `where` of `uid` (after Strapi converted the REST filters) in which every
 * filter through a relation only matches rows the public may see: `filters[activities][title]=…`
 * on themes asks for an approved, published activity with that title, so a filter cannot tell
 * whether a hidden activity (an unapproved organisation's, a draft) exists. The visible-clause goes
 * into the relation's own group (`{ activities: { $and: [what was asked, clause] } }`), so it
 * applies to the same joined row. Relation filters on the id alone (`$null`, `$notNull`, an id)
 * become `{ $and: [{ id: … }, clause] }`: "has no activity" then matches nothing rather than
 * counting hidden ones.
 */
export function guardRelationFilters(
  where: unknown,
  uid: string,
  modelOf: ModelOf,
  published: boolean,
  depth = 0,
): unknown {
  if (depth > 40) return where;
  if (Array.isArray(where)) return where.map((w) => guardRelationFilters(w, uid, modelOf, published, depth + 1));
  if (!isRecord(where)) return where;
  const attributes = modelOf(uid)?.attributes ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(where)) {
    const attribute = Object.prototype.hasOwnProperty.call(attributes, key) ? attributes[key] : undefined;
    if (GROUP.has(key))
      out[key] = Array.isArray(value)
        ? value.map((w) => guardRelationFilters(w, uid, modelOf, published, depth + 1))
        : value;
    else if (key === '$not') out[key] = guardRelationFilters(value, uid, modelOf, published, depth + 1);
    else if (attribute?.type === 'relation' && attribute.target) {
      const clause = visibleClause(attribute.target, modelOf, published);
      const keys = isRecord(value) ? Object.keys(value) : [];
      const onId =
        !isRecord(value) || (keys.length === 1 && keys[0].startsWith('$') && !GROUP.has(keys[0]) && keys[0] !== '$not');
      const inner = onId ? { id: value } : guardRelationFilters(value, attribute.target, modelOf, published, depth + 1);
      out[key] = clause ? { $and: [inner, clause] } : onId ? value : inner;
    } else if (attribute?.type === 'component' && attribute.component) {
      out[key] = guardRelationFilters(value, attribute.component, modelOf, published, depth + 1);
    } else out[key] = value;
  }
  return out;
}

/**
 * Pure: Strapi's query-layer `filters` (a value, or a function of the model being read) with the
 * approval clause of that model added. Strapi's database layer passes a query's `filters` on to
 * every populated relation at any depth (it is how Strapi keeps drafts out of a published read's
 * relations: `query.filters` is called with `meta.uid` of each populated model), so this reaches
 * `/api/themes?populate=activities`, `/api/wijken?populate[places][populate][organisation]` and
 * every other path, in whatever form populate was asked (`*`, names, dotted paths, objects).
 */
export function withApproval(previous: unknown) {
  return (context: { uid?: string; meta?: { uid?: string } } & Record<string, unknown>) => {
    const base = typeof previous === 'function' ? previous(context) : previous;
    const clause = approvalClause(context?.meta?.uid ?? context?.uid);
    if (!clause) return base;
    return isRecord(base) && Object.keys(base).length > 0 ? { $and: [base, clause] } : clause;
  };
}

/**
 * Pure: the activities inside a content-API result of `uid`, found through the schema (a theme's
 * `activities`, an activity's `paidBy` and `pays`, a place's `activities`, inside components), at any
 * depth.
 */
export function activitiesIn(uid: string, result: unknown, modelOf: ModelOf): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const seen = new Set<unknown>();
  const walk = (model: string, value: unknown) => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) return value.forEach((v) => walk(model, v));
    const row = value as Record<string, unknown>;
    if (model === ACTIVITY) found.push(row);
    const attributes = modelOf(model)?.attributes ?? {};
    for (const [key, inner] of Object.entries(row)) {
      const attribute = Object.prototype.hasOwnProperty.call(attributes, key) ? attributes[key] : undefined;
      if (attribute?.type === 'relation' && attribute.target) walk(attribute.target, inner);
      else if (attribute?.type === 'component' && attribute.component) walk(attribute.component, inner);
      else if (attribute?.type === 'dynamiczone' && Array.isArray(inner))
        inner.forEach((c) => isRecord(c) && typeof c.__component === 'string' && walk(c.__component, c));
    }
  };
  walk(uid, result);
  return found;
}

/**
 * An activity's `joinPhone` (the number to sign up) is contact of its organisation: public only when
 * the organisation chose public contact (`contactPublic`), as in open data (api/open-data/hsds.ts) and
 * on the site. Whatever the read populated, the organisation's choice is looked up.
 */
async function hidePrivateJoinPhones(strapi: Core.Strapi, uid: string, result: unknown) {
  const activities = activitiesIn(uid, result, (u) => strapi.getModel(u as any) as any).filter(
    (a) => a.joinPhone !== undefined && a.joinPhone !== null && a.joinPhone !== '',
  );
  if (activities.length === 0) return;
  const documentIds = [
    ...new Set(activities.map((a) => a.documentId).filter((d): d is string => typeof d === 'string')),
  ];
  const rows = documentIds.length
    ? await strapi.db.query(ACTIVITY).findMany({
        where: { documentId: { $in: documentIds }, organisation: { contactPublic: { $eq: true } } },
        select: ['documentId'],
      })
    : [];
  const open = new Set(rows.map((r: { documentId: string }) => r.documentId));
  for (const activity of activities) if (!open.has(activity.documentId as string)) activity.joinPhone = null;
}

/**
 * Every content-API read (REST, open data, the workspace's reads through the Document Service):
 * populated relations and relation filters only reach what the public may see, at any depth.
 * Wraps the query-params service, where the Document Service turns params into a database query.
 */
function registerRelationGuard(strapi: Core.Strapi) {
  const service = strapi.get<{ transform?: (uid: string, params: Record<string, unknown>) => Record<string, unknown> }>(
    'query-params',
  );
  const original = service?.transform;
  if (typeof original !== 'function')
    throw new Error(
      "public guard: Strapi's query-params service has no transform(); the approval of populated relations cannot be enforced.",
    );
  const modelOf: ModelOf = (uid) => strapi.getModel(uid as any);
  service.transform = function transform(uid: string, params: Record<string, unknown>) {
    const query = original.call(this, uid, params);
    if (!isContentApiRequest(strapi) || !query || typeof query !== 'object') return query;
    const published = params?.status !== 'draft';
    const where = query.where === undefined ? undefined : guardRelationFilters(query.where, uid, modelOf, published);
    return { ...query, ...(where === undefined ? {} : { where }), filters: withApproval(query.filters) };
  };
}

/**
 * A new organisation and its activity are public only once the programme editor approved the
 * organisation: the content API (site, indexer, open data) never returns them before, on lists,
 * findOne, and inside any populated relation of any content type.
 */
export function registerPublicGuard(strapi: Core.Strapi) {
  registerRelationGuard(strapi);
  strapi.documents.use(async (context: { uid: string; action: string; params: Record<string, any> }, next) => {
    if (!isContentApiRequest(strapi)) return next();
    const { uid, action, params } = context;
    const clause = approvalClause(uid);
    // Private contact never leaves through the public API, also not inside a populated relation
    // of any content type.
    const hide = async (result: any): Promise<any> => {
      if (!READS.has(action)) return result;
      organisationsIn(uid, result).forEach(hidePrivateContact);
      await hidePrivateJoinPhones(strapi, uid, result);
      return result;
    };
    if (!clause) return hide(await next());
    if (LISTS.has(action)) {
      params.filters = andFilter(params.filters, clause);
      return hide(await next());
    }
    if (action === 'findOne') {
      const result = await next();
      const documentId = (result as { documentId?: string } | null)?.documentId;
      if (!documentId) return result;
      const approved = await strapi.db.query(uid).findOne({ where: { documentId, ...clause }, select: ['id'] });
      return approved ? hide(result) : null;
    }
    return next();
  });
}
