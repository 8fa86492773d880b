import type { Core } from '@strapi/strapi';
import { isContentApiRequest } from './request';
import { ACTIVITY, ORGANISATION, PLACE, andFilter } from './tenant';

const LISTS = new Set(['findMany', 'findFirst', 'count']);

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
    if (LISTS.has(action)) {
      params.filters = andFilter(params.filters, clause);
      return next();
    }
    if (action === 'findOne') {
      const result = await next();
      const documentId = (result as { documentId?: string } | null)?.documentId;
      if (!documentId) return result;
      const approved = await strapi.db.query(uid).findOne({ where: { documentId, ...clause }, select: ['id'] });
      return approved ? result : null;
    }
    return next();
  });
}
