// The offer page's distance line: how far the activity's nearest place is from the wijk or location
// the family chose in the catalogue (its `near`, carried by the card's link), and about how long by bike.
import { wijken } from '@droomkaart/shared';
import { parseNear } from '../catalogue/state.ts';
import type { Translate } from '../catalogue/messages.ts';
import { distanceText, nearestKm } from './distance.ts';

type Place = { lat?: number | null; lng?: number | null };

/** Pure: "Vanaf Parkwijk: 1,2 km · ongeveer 5 minuten fietsen"; null without a chosen place or coordinates. */
export function offerDistance(
  params: URLSearchParams,
  places: readonly Place[],
  locale: string,
  t: Translate,
): string | null {
  const near = parseNear(
    params.get('near'),
    wijken.map((w) => w.slug),
  );
  if (!near) return null;
  const wijk = 'wijk' in near ? wijken.find((w) => w.slug === near.wijk) : null;
  const from = wijk ? { lat: wijk.centroid[0], lng: wijk.centroid[1] } : 'lat' in near ? near : null;
  if (!from) return null;
  const km = nearestKm(from, places);
  if (km === null) return null;
  const distance = distanceText(km, locale, t);
  return wijk
    ? t('activity.distanceFrom', { place: wijk.name, distance })
    : t('activity.distanceFromHere', { distance });
}
