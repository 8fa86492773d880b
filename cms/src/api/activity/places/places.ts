import type { Core } from '@strapi/strapi';
import { placesStatuses, type PlacesStatus } from '@droomkaart/shared';
import { UID } from '../../../content-types';
import { changeKey } from '../../../change-outbox/changes';
import { withChanges } from '../../../change-outbox/outbox';

const ACTIVITY = UID.activity;

/**
 * Pure: the fields to store when someone says how many places an activity has. Saying it is
 * confirming it (`placesConfirmedAt` now); `onbekend` has no confirmation. Whether it still counts
 * is decided on read (shared `effectivePlacesStatus`: `onbekend` again after 30 days).
 */
export function placesFields(
  status: PlacesStatus,
  now: Date,
): { placesStatus: PlacesStatus; placesConfirmedAt: Date | null } {
  return { placesStatus: status, placesConfirmedAt: status === 'onbekend' ? null : now };
}

/**
 * In the admin (and every other path of the Document Service) the confirmation date is the
 * server's: a save that carries a places status confirms it now, and nobody writes the date
 * itself. Partners may set the status only on their own activities: the document guard (access/)
 * already refuses another organisation's.
 */
export function registerPlacesConfirmation(strapi: Core.Strapi) {
  strapi.documents.use(async (context: { uid: string; action: string; params: Record<string, any> }, next) => {
    if (context.uid === ACTIVITY && ['create', 'update', 'clone'].includes(context.action) && context.params.data) {
      const data = { ...(context.params.data as Record<string, unknown>) };
      delete data.placesConfirmedAt;
      const status = data.placesStatus;
      if (typeof status === 'string' && (placesStatuses as readonly string[]).includes(status))
        Object.assign(data, placesFields(status as PlacesStatus, new Date()));
      context.params.data = data;
    }
    return next();
  });
}

/**
 * The provider's answer through its link: the status on every row of the activity (all locales,
 * draft and published; the field is not localized), without publishing a draft. It goes past the
 * Document Service, so it writes its change outbox row itself; `updatedAt` moves as well, so the
 * indexer's reconcile would find it too.
 */
export async function setPlaces(strapi: Core.Strapi, documentId: string, status: PlacesStatus, now = new Date()) {
  await withChanges(strapi, [changeKey('activity', documentId)], 'places', () =>
    strapi.db.query(ACTIVITY).updateMany({
      where: { documentId },
      data: { ...placesFields(status, now), updatedAt: now },
    }),
  );
}
