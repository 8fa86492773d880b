// The local (test) basemap: streets, water and green drawn from the city configuration only, for
// development and the offline tests when no PUBLIC_MAP_STYLE_URL is set. It is a SCHEMATIC: the
// configuration knows only the centroids of the stadsdelen and wijken, so the "streets" are straight
// lines between them, the water and green are shapes around points between them. None of it is a
// real street, lake or park; production uses a real basemap (docs/operations.md, "Map basemap").
// Pure and browser-safe; it ships in the map's own chunk, about a kilobyte.
import type { Feature, FeatureCollection, LineString, Polygon, Position } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { CityGeo, NamedPoint } from './style.ts';

/** The basemap's layer ids; the e2e test counts the rendered features of the street layers. */
export const BASE_LAYERS = {
  water: 'base-water',
  green: 'base-green',
  minorStreets: 'base-street-minor',
  mainStreets: 'base-street-main',
} as const;
export const STREET_LAYERS = [BASE_LAYERS.minorStreets, BASE_LAYERS.mainStreets] as const;
export const BASE_SOURCE = 'base';

export const BASE_COLOURS = {
  water: '#cfe3ef', // MAP_COLOURS.water: the lake and the sea beyond the bounds alike
  green: '#cfe6c1',
  street: '#ffffff',
  streetCasing: '#c9c2b3',
  mainStreet: '#f7d98b',
  mainCasing: '#c9a44e',
} as const;

type Kind = 'water' | 'green' | 'main' | 'minor';
type BaseFeature = Feature<LineString | Polygon, { kind: Kind }>;

const pos = (p: { lat: number; lng: number }): Position => [p.lng, p.lat];

function line(kind: Kind, a: { lat: number; lng: number }, b: { lat: number; lng: number }): BaseFeature {
  return { type: 'Feature', geometry: { type: 'LineString', coordinates: [pos(a), pos(b)] }, properties: { kind } };
}

/** A regular polygon of `sides` corners around a point, `radius` in degrees of latitude. */
function blob(kind: Kind, centre: { lat: number; lng: number }, radius: number, sides = 8): BaseFeature {
  // A degree of longitude is shorter than one of latitude at 52°N; the shapes stay round on the map.
  const stretch = 1 / Math.cos((centre.lat * Math.PI) / 180);
  const ring: Position[] = [];
  for (let i = 0; i <= sides; i++) {
    const a = ((i % sides) / sides) * 2 * Math.PI;
    ring.push([centre.lng + Math.cos(a) * radius * stretch, centre.lat + Math.sin(a) * radius]);
  }
  return { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { kind } };
}

const midpoint = (a: NamedPoint, b: NamedPoint) => ({ lat: (a.lat + b.lat) / 2, lng: (a.lng + b.lng) / 2 });
const dist2 = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) =>
  (a.lat - b.lat) ** 2 + (a.lng - b.lng) ** 2;

/**
 * Pure: the schematic basemap of a city. Main streets join each stadsdeel to its nearest two;
 * minor streets join each wijk to its nearest stadsdeel and to its nearest other wijk. A green
 * shape lies between each wijk and its nearest neighbour, a water shape between the two nearest
 * stadsdelen.
 */
export function testBasemap(geo: CityGeo): FeatureCollection<LineString | Polygon, { kind: Kind }> {
  const features: BaseFeature[] = [];
  const nearest = (p: NamedPoint, among: readonly NamedPoint[], n: number) =>
    among
      .filter((q) => q.slug !== p.slug)
      .sort((a, b) => dist2(p, a) - dist2(p, b))
      .slice(0, n);

  let closest: [NamedPoint, NamedPoint] | null = null;
  for (const s of geo.stadsdelen) {
    for (const other of nearest(s, geo.stadsdelen, 2)) {
      features.push(line('main', s, other));
      if (!closest || dist2(s, other) < dist2(closest[0], closest[1])) closest = [s, other];
    }
  }
  for (const w of geo.wijken) {
    const [home] = nearest(w, geo.stadsdelen, 1);
    if (home) features.push(line('minor', w, home));
    const [neighbour] = nearest(w, geo.wijken, 1);
    if (neighbour) {
      features.push(line('minor', w, neighbour));
      features.push(blob('green', midpoint(w, neighbour), 0.0022));
    }
  }
  if (closest) features.unshift(blob('water', midpoint(closest[0], closest[1]), 0.006, 12));
  return { type: 'FeatureCollection', features };
}

/** The basemap's source, for the local style. */
export function testBasemapSource(geo: CityGeo): SourceSpecification {
  return { type: 'geojson', data: testBasemap(geo) };
}

/** Water and green under the streets, the main streets on top; casings make them read as roads. */
export function testBasemapLayers(): LayerSpecification[] {
  const kind = (k: Kind): ExpressionSpecification => ['==', ['get', 'kind'], k];
  const width = (base: number): ExpressionSpecification => [
    'interpolate',
    ['exponential', 1.6],
    ['zoom'],
    10,
    base,
    16,
    base * 6,
  ];
  return [
    {
      id: BASE_LAYERS.water,
      type: 'fill',
      source: BASE_SOURCE,
      filter: kind('water'),
      paint: { 'fill-color': BASE_COLOURS.water },
    },
    {
      id: BASE_LAYERS.green,
      type: 'fill',
      source: BASE_SOURCE,
      filter: kind('green'),
      paint: { 'fill-color': BASE_COLOURS.green },
    },
    {
      id: 'base-street-minor-casing',
      type: 'line',
      source: BASE_SOURCE,
      filter: kind('minor'),
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': BASE_COLOURS.streetCasing, 'line-width': width(2.5) },
    },
    {
      id: BASE_LAYERS.minorStreets,
      type: 'line',
      source: BASE_SOURCE,
      filter: kind('minor'),
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': BASE_COLOURS.street, 'line-width': width(1.5) },
    },
    {
      id: 'base-street-main-casing',
      type: 'line',
      source: BASE_SOURCE,
      filter: kind('main'),
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': BASE_COLOURS.mainCasing, 'line-width': width(4) },
    },
    {
      id: BASE_LAYERS.mainStreets,
      type: 'line',
      source: BASE_SOURCE,
      filter: kind('main'),
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': BASE_COLOURS.mainStreet, 'line-width': width(2.8) },
    },
  ];
}
