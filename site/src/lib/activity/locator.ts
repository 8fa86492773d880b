// A small locator map drawn on the server as SVG: where in the municipality an activity is. No tiles,
// no script, no request to another origin; it prints too. Geography from the city configuration.
import { city, wijken } from '@droomkaart/shared';

type Bbox = { south: number; west: number; north: number; east: number };
export type Point = { x: number; y: number };

export type Locator = {
  width: number;
  height: number;
  /** Stadsdelen as labelled dots, for orientation. */
  areas: (Point & { name: string; slug: string; current: boolean })[];
  markers: (Point & { name: string })[];
  /** Every wijk as a small dot: together they draw the shape of the city. */
  dots: Point[];
};

/**
 * The drawing's box: the wijken with a margin, clipped to the municipality. The municipality's
 * box holds a lot of water; the built-up city is what families recognise.
 */
export function cityBox(margin = 0.012): Bbox {
  const lats = wijken.map((w) => w.centroid[0]);
  const lngs = wijken.map((w) => w.centroid[1]);
  const m = city.municipality.bbox;
  return {
    south: Math.max(m.south, Math.min(...lats) - margin),
    north: Math.min(m.north, Math.max(...lats) + margin),
    west: Math.max(m.west, Math.min(...lngs) - margin * 1.6),
    east: Math.min(m.east, Math.max(...lngs) + margin * 1.6),
  };
}

/** Pure: lat/lng to x/y in a box of `width`, keeping the shape (longitude shrinks with latitude). */
export function projector(bbox: Bbox, width: number) {
  const midLat = ((bbox.north + bbox.south) / 2) * (Math.PI / 180);
  const spanX = (bbox.east - bbox.west) * Math.cos(midLat);
  const spanY = bbox.north - bbox.south;
  const height = Math.round((width * spanY) / spanX);
  const project = (lat: number, lng: number): Point => ({
    x: Math.round(((lng - bbox.west) * Math.cos(midLat) * width) / spanX),
    y: Math.round(((bbox.north - lat) * height) / spanY),
  });
  return { height, project };
}

/** Pure: the locator for places (only those with coordinates inside the box are drawn). */
export function locator(
  places: { name: string; lat?: number | null; lng?: number | null; stadsdeel?: string | null }[],
  width = 320,
  bbox: Bbox = cityBox(),
): Locator {
  const { height, project } = projector(bbox, width);
  const inside = (lat: number, lng: number) =>
    lat >= bbox.south && lat <= bbox.north && lng >= bbox.west && lng <= bbox.east;
  const here = new Set(places.map((p) => p.stadsdeel).filter(Boolean));
  return {
    width,
    height,
    areas: city.stadsdelen.map((s) => ({
      ...project(s.centroid[0], s.centroid[1]),
      name: s.name,
      slug: s.slug,
      current: here.has(s.slug),
    })),
    dots: wijken.map((w) => project(w.centroid[0], w.centroid[1])),
    markers: places.flatMap((p) =>
      p.lat != null && p.lng != null && inside(p.lat, p.lng) ? [{ ...project(p.lat, p.lng), name: p.name }] : [],
    ),
  };
}
