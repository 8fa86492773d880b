// "How far": the distance from the chosen wijk or position (the search's "near" point) to an
// activity, and about how long that is by bike. Pure.
// The distance is straight ("hemelsbreed"); the way by bike is longer, so the time counts a detour
// of DETOUR on top, at BIKE_KMH, a relaxed pace with children. Rounded: it is a hint, not a route.

export type LatLng = { lat: number; lng: number };

const EARTH_RADIUS_KM = 6371;
export const BIKE_KMH = 15;
export const DETOUR = 1.3;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: LatLng, b: LatLng): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Minutes by bike for a straight distance, at least 1, rounded to whole minutes (5 past 20). */
export function bikeMinutes(km: number): number {
  const minutes = ((km * DETOUR) / BIKE_KMH) * 60;
  if (minutes <= 20) return Math.max(1, Math.round(minutes));
  return Math.round(minutes / 5) * 5;
}

/** What the map says: the distance in the page's language (one decimal) and the bike minutes. */
export function howFar(from: LatLng, to: LatLng, locale: string): { distance: string; minutes: number } {
  const km = distanceKm(from, to);
  const distance = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(
    Math.round(km * 10) / 10,
  );
  return { distance, minutes: bikeMinutes(km) };
}
