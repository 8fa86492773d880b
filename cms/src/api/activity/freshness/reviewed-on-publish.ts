import type { Core } from '@strapi/strapi';
import { UID } from '../../../content-types';

const ACTIVITY = UID.activity;

/**
 * Publishing an activity is the partner saying "this is right": `lastReviewedAt` is set to now on
 * every row of the document just before it is published (as "klopt nog" does), so the site can
 * show "laatst gecontroleerd op …". The field is not localized: setting it on all locales and
 * on the published rows too keeps them equal, so i18n's sync of non-localized fields finds nothing
 * to copy. (It compares with an arbitrary row of the document: on PostgreSQL that was sometimes a
 * published row with the old date, and the sync then rewrote the published Dutch row and its
 * updatedAt when only a translation was published.)
 */
export function registerReviewedOnPublish(strapi: Core.Strapi) {
  strapi.documents.use(async (context: { uid: string; action: string; params: Record<string, any> }, next) => {
    if (context.uid === ACTIVITY && context.action === 'publish' && context.params.documentId) {
      await strapi.db.query(ACTIVITY).updateMany({
        where: { documentId: context.params.documentId },
        data: { lastReviewedAt: new Date(), stale: false },
      });
    }
    return next();
  });
}
