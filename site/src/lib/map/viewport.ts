// The map itself and where it looks: built inside the city's bounds, zoomed to the activities
// after each search.
import maplibregl from 'maplibre-gl';
import { boundsOf, localMapStyle, type Bbox } from './style.ts';
import type { Translate } from '../catalogue/messages.ts';
import type { MapConfig, MapData } from './page.ts';

export const MAX_ZOOM = 17;

/** A MapLibre map in `container`, showing the city, its controls named in the page's language. */
export function createMap(container: HTMLDivElement, config: MapConfig, t: Translate): maplibregl.Map {
  const { bbox } = config.geo;
  const map = new maplibregl.Map({
    container,
    style: config.styleUrl || localMapStyle(config.geo),
    bounds: [
      [bbox.west, bbox.south],
      [bbox.east, bbox.north],
    ],
    fitBoundsOptions: { padding: 16 },
    minZoom: 8,
    maxZoom: MAX_ZOOM,
    // Always written out (not folded behind a button): a production basemap's credits (its
    // sources' and PUBLIC_MAP_ATTRIBUTION), or the local style's "the streets are not real".
    attributionControl: {
      compact: false,
      customAttribution: config.styleUrl ? config.attribution || undefined : t('map.testStyle'),
    },
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    locale: {
      'Map.Title': t('map.label'),
      'NavigationControl.ZoomIn': t('map.zoomIn'),
      'NavigationControl.ZoomOut': t('map.zoomOut'),
      'NavigationControl.ResetBearing': t('map.resetNorth'),
      'Popup.Close': t('map.close'),
    },
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  return map;
}

/** Zooms to the hits and the "near" point (the city when there are none), at once. */
export function fitToData(map: maplibregl.Map, data: MapData, bbox: Bbox): void {
  const points = data.near ? [...data.hits, data.near] : data.hits;
  map.fitBounds(boundsOf(points, bbox), { padding: 48, maxZoom: 15, duration: 0 });
}
