// The map's own style: drawn from the city configuration only, so the map works without internet
// (no tiles, no glyphs, no sprites). It has no symbol layers: MapLibre GL JS 4 (pinned for the
// JavaScript budget, DESIGN §7) needs a `glyphs` URL for any `text-field` and refuses the whole
// style without one (only ≥ 5.11 draws labels with the browser's fonts, maplibre/maplibre-gl-js#3302).
// So the cluster counts and the stadsdeel and wijk names are HTML over the canvas
// (controller.ts). A production basemap can replace this style with PUBLIC_MAP_STYLE_URL; the
// activity layers below are then added on top of it. Pure and browser-safe: types only from maplibre-gl.
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { BASE_SOURCE, testBasemapLayers, testBasemapSource } from './test-basemap.ts';

export type Bbox = { south: number; west: number; north: number; east: number };
export type NamedPoint = { slug: string; name: string; lat: number; lng: number };
export type CityGeo = { bbox: Bbox; stadsdelen: NamedPoint[]; wijken: NamedPoint[] };

/** An activity as the map needs it. */
export type MapHit = { id: string; title: string; slug: string; lat: number; lng: number };

export const ACTIVITY_SOURCE = 'activities';
export const NEAR_SOURCE = 'near';
export const CLUSTER_LAYER = 'activity-clusters';
export const POINT_LAYER = 'activity-points';

// Contrast ≥ 3:1 against the land colour for the circles (WCAG 1.4.11), white text on clusters.
export const MAP_COLOURS = {
  water: '#cfe3ef',
  land: '#f6f4ee',
  outline: '#5b6b7a',
  label: '#33414e',
  cluster: '#0b5cad',
  point: '#b8420f',
  near: '#1a7f37',
} as const;

/** Cluster circle radius in pixels by size; marker buttons use the same numbers. */
export const CLUSTER_RADIUS = { small: 16, medium: 20, large: 26 } as const;
export function clusterRadius(count: number): number {
  return count < 10 ? CLUSTER_RADIUS.small : count < 50 ? CLUSTER_RADIUS.medium : CLUSTER_RADIUS.large;
}

type PointFeature = Feature<Point, Record<string, string | number>>;

export function hitsToGeoJSON(hits: readonly MapHit[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: hits.map((h): PointFeature => ({
      type: 'Feature',
      id: h.id,
      geometry: { type: 'Point', coordinates: [h.lng, h.lat] },
      properties: { id: h.id, title: h.title, slug: h.slug },
    })),
  };
}

export function pointGeoJSON(point: { lat: number; lng: number } | null): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: point
      ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [point.lng, point.lat] }, properties: {} }]
      : [],
  };
}

/**
 * Clustering in MapLibre's worker. Activities at the same address never separate, so clusters go
 * on up to the highest zoom; the map lists such a cluster's activities instead of zooming.
 */
export function activitySource(hits: readonly MapHit[] = []): GeoJSONSourceSpecification {
  return { type: 'geojson', data: hitsToGeoJSON(hits), cluster: true, clusterRadius: 48, clusterMaxZoom: 17 };
}

export function activityLayers(): LayerSpecification[] {
  return [
    {
      id: 'near-point',
      type: 'circle',
      source: NEAR_SOURCE,
      paint: {
        'circle-radius': 9,
        'circle-color': '#ffffff',
        'circle-stroke-color': MAP_COLOURS.near,
        'circle-stroke-width': 4,
      },
    },
    {
      id: CLUSTER_LAYER,
      type: 'circle',
      source: ACTIVITY_SOURCE,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': MAP_COLOURS.cluster,
        'circle-radius': [
          'step',
          ['get', 'point_count'],
          CLUSTER_RADIUS.small,
          10,
          CLUSTER_RADIUS.medium,
          50,
          CLUSTER_RADIUS.large,
        ],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: POINT_LAYER,
      type: 'circle',
      source: ACTIVITY_SOURCE,
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': MAP_COLOURS.point,
        'circle-radius': 8,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
  ];
}

function bboxPolygon(b: Bbox): Feature<Polygon> {
  const ring = [
    [b.west, b.south],
    [b.east, b.south],
    [b.east, b.north],
    [b.west, b.north],
    [b.west, b.south],
  ];
  return { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: {} };
}

/** Zoom levels at which the local map names the stadsdelen (below) and the wijken (from). */
export const LABEL_ZOOM = { stadsdeelBelow: 13, wijkFrom: 12.5 } as const;

/** Which area names the local map shows at a zoom level (they are HTML, see controller.ts). */
export function visibleLabelKinds(zoom: number): { stadsdeel: boolean; wijk: boolean } {
  return { stadsdeel: zoom < LABEL_ZOOM.stadsdeelBelow, wijk: zoom >= LABEL_ZOOM.wijkFrom };
}

/**
 * The local style. The city configuration has no municipality outline, so the land is the
 * municipality's bounding box; on it the schematic test basemap (test-basemap.ts: streets, water,
 * green between the configured centroids, none of it real); the stadsdelen and (zoomed in) wijken
 * are named at their centroids by the controller, with HTML labels.
 */
export function localMapStyle(geo: CityGeo): StyleSpecification {
  return {
    version: 8,
    name: 'droomkaart-local',
    sources: {
      municipality: { type: 'geojson', data: bboxPolygon(geo.bbox) },
      [BASE_SOURCE]: testBasemapSource(geo),
      [ACTIVITY_SOURCE]: activitySource(),
      [NEAR_SOURCE]: { type: 'geojson', data: pointGeoJSON(null) },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': MAP_COLOURS.water } },
      { id: 'municipality-land', type: 'fill', source: 'municipality', paint: { 'fill-color': MAP_COLOURS.land } },
      ...testBasemapLayers(),
      {
        id: 'municipality-outline',
        type: 'line',
        source: 'municipality',
        paint: { 'line-color': MAP_COLOURS.outline, 'line-width': 2, 'line-dasharray': [3, 2] },
      },
      ...activityLayers(),
    ],
  };
}

/** [[west, south], [east, north]] of the hits, or of the municipality when there are none. */
export function boundsOf(
  points: readonly { lat: number; lng: number }[],
  fallback: Bbox,
): [[number, number], [number, number]] {
  if (points.length === 0)
    return [
      [fallback.west, fallback.south],
      [fallback.east, fallback.north],
    ];
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    w = Math.min(w, p.lng);
    e = Math.max(e, p.lng);
    s = Math.min(s, p.lat);
    n = Math.max(n, p.lat);
  }
  return [
    [w, s],
    [e, n],
  ];
}
