import type { Core } from '@strapi/strapi';
import { isContentApiRequest } from './request';
import { ACTIVITY, ORGANISATION, PLACE, andFilter } from './tenant';

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

/**
 * A new organisation and its offer are public only once the programme editor approved the
 * organisation: the content API (site, indexer, open data) never returns them before.
 */
export function registerPublicGuard(strapi: Core.Strapi) {
  strapi.documents.use(async (context: { uid: string; action: string; params: Record<string, any> }, next) => {
    if (!isContentApiRequest(strapi)) return next();
    const { uid, action, params } = context;
    const clause = uid === ORGANISATION ? { approved: { $eq: true } } : uid === ACTIVITY || uid === PLACE ? { organisation: { approved: { $eq: true } } } : null;
    // Private contact never leaves through the public API, also not inside a populated relation
    // of any content type.
    const hide = (result: any): any => {
      if (READS.has(action)) organisationsIn(uid, result).forEach(hidePrivateContact);
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
