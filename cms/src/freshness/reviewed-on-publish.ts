import type { Core } from '@strapi/strapi';

const ACTIVITY = 'api::activity.activity';

/**
 * Publishing an activity is the partner saying "this is right": `lastReviewedAt` is set to now on
 * the draft just before it is published, so the site can show "laatst gecontroleerd op …".
 */
export function registerReviewedOnPublish(strapi: Core.Strapi) {
  strapi.documents.use(async (context: { uid: string; action: string; params: Record<string, any> }, next) => {
    if (context.uid === ACTIVITY && context.action === 'publish' && context.params.documentId) {
      await strapi.db.query(ACTIVITY).updateMany({ where: { documentId: context.params.documentId, publishedAt: null }, data: { lastReviewedAt: new Date(), stale: false } });
    }
    return next();
  });
}
