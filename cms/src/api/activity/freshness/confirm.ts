import type { Core } from '@strapi/strapi';
import { UID } from '../../../content-types';
import { changeKey } from '../../../change-outbox/changes';
import { withChanges } from '../../../change-outbox/outbox';

const ACTIVITY = UID.activity;

/**
 * "Klopt nog": the activities were checked at `now`. Sets lastReviewedAt (in every locale), clears
 * the stale mark and the last notice, and tells the search-indexer, so an activity that was past
 * its freshness limit is back on the site, in the API and in search at once. The update goes past
 * the Document Service (the review fields are the programme's, not the partner's), so it writes its
 * change outbox rows itself, in the same transaction.
 */
export async function confirmActivities(strapi: Core.Strapi, documentIds: readonly string[], now = new Date()) {
  if (documentIds.length === 0) return;
  const keys = documentIds.map((id) => changeKey('activity', id));
  await withChanges(strapi, keys, 'confirm', () =>
    strapi.db.query(ACTIVITY).updateMany({
      where: { documentId: { $in: [...documentIds] } },
      data: { lastReviewedAt: now, stale: false, freshnessNotice: null },
    }),
  );
}
