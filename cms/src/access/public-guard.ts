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

/** The organisations inside a content-API result of an activity, place or organisation read. */
function organisationsIn(uid: string, result: unknown): unknown[] {
  const rows = Array.isArray(result) ? result : result ? [result] : [];
  if (uid === ORGANISATION) return rows;
  return rows.map((r) => (r as { organisation?: unknown })?.organisation).filter(Boolean);
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
    if (!clause) return next();
    // Private contact never leaves through the public API, also not inside a populated relation.
    const hide = (result: any): any => {
      if (READS.has(action)) organisationsIn(uid, result).forEach(hidePrivateContact);
      return result;
    };
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
