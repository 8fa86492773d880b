// How far an activity is from the family's chosen wijk or location, and about how long by bike: pure,
// no runtime imports, so the catalogue island can use it in the browser too.
import type { Translate } from '../catalogue/messages.ts';

export type LatLng = { lat: number; lng: number };

/** A relaxed city bike with children: about 15 km/h. */
export const BIKE_KMH = 15;

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km (haversine); plenty for a city. */
export function distanceKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Minutes by bike, rounded as people say it: at least 1, whole minutes up to 10, then to 5 minutes
 * ("ongeveer 25 minuten", not "23").
 */
export function bikeMinutes(km: number): number {
  const minutes = (km / BIKE_KMH) * 60;
  if (minutes <= 10) return Math.max(1, Math.round(minutes));
  return Math.round(minutes / 5) * 5;
}

/** The km shown: one decimal below 10 km, whole km beyond (a tenth means nothing there). */
export function roundKm(km: number): number {
  return km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
}

/** The km as shown (roundKm) in the reader's number format: "1,2", "14". */
export function kmText(km: number, locale: string): string {
  const shown = roundKm(km);
  const digits = shown < 10 ? 1 : 0;
  // Latin digits, as the rest of the site writes numbers (catalogue/messages.ts formatKm).
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    numberingSystem: 'latn',
  }).format(shown);
}

/** "1,2 km · ongeveer 5 minuten fietsen" in the reader's language and number format. */
export function distanceText(km: number, locale: string, t: Translate): string {
  return t('catalogue.card.distance', { km: kmText(km, locale), count: bikeMinutes(km) });
}

/** The nearest of an activity's places with coordinates, in km; null when none has them. */
export function nearestKm(
  from: LatLng,
  places: readonly { lat?: number | null; lng?: number | null }[],
): number | null {
  let best: number | null = null;
  for (const p of places) {
    if (p.lat == null || p.lng == null || (p.lat === 0 && p.lng === 0)) continue;
    const km = distanceKm(from, { lat: p.lat, lng: p.lng });
    if (best === null || km < best) best = km;
  }
  return best;
}
