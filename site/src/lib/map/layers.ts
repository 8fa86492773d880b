// The map's own sources and layers: the activities (clustered) and the "near" point, drawn by
// WebGL from the styles in style.ts.
import type maplibregl from 'maplibre-gl';
import type { GeoJSONSource } from 'maplibre-gl';
import { ACTIVITY_SOURCE, NEAR_SOURCE, activityLayers, activitySource, hitsToGeoJSON, pointGeoJSON } from './style.ts';
import type { MapData } from './page.ts';

export const activitiesOf = (map: maplibregl.Map) => map.getSource<GeoJSONSource>(ACTIVITY_SOURCE);

/** Adds the sources and layers once (a production basemap brings its own layers; ours come on top of it). */
export function addActivityLayers(map: maplibregl.Map): void {
  if (map.getSource(ACTIVITY_SOURCE)) return;
  map.addSource(NEAR_SOURCE, { type: 'geojson', data: pointGeoJSON(null) });
  map.addSource(ACTIVITY_SOURCE, activitySource());
  for (const layer of activityLayers()) map.addLayer(layer);
}

/** Draws a search's hits and its "near" point. */
export function showData(map: maplibregl.Map, data: MapData): void {
  activitiesOf(map)!.setData(hitsToGeoJSON(data.hits));
  map.getSource<GeoJSONSource>(NEAR_SOURCE)!.setData(pointGeoJSON(data.near));
}
