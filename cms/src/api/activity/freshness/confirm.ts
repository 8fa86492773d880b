import type { Core } from '@strapi/strapi';
import { UID } from '../../../content-types';

const ACTIVITY = UID.activity;

/**
 * "Klopt nog": the activities were checked at `now`. Sets lastReviewedAt (in every locale), clears
 * the stale mark and the last notice, and tells the search-indexer, so an activity that was past
 * its freshness limit is back on the site, in the API and in search at once. The update goes past
 * the Document Service (the review fields are the programme's, not the partner's), so the indexer's
 * webhook is called here the way Strapi calls it for an update.
 */
export async function confirmActivities(strapi: Core.Strapi, documentIds: readonly string[], now = new Date()) {
  if (documentIds.length === 0) return;
  await strapi.db.query(ACTIVITY).updateMany({
    where: { documentId: { $in: [...documentIds] } },
    data: { lastReviewedAt: now, stale: false, freshnessNotice: null },
  });
  for (const documentId of documentIds)
    await strapi.eventHub.emit('entry.update', {
      model: 'activity',
      uid: ACTIVITY,
      entry: { documentId, publishedAt: now.toISOString() },
    });
}
