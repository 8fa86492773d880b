// MapLibre, loaded on demand by the map page's script (page.ts) as its own chunk, after the
// list beside it is on screen. No React: the page around it is the server's HTML.
// Composed of: viewport.ts (the map and where it looks), layers.ts (the activities' sources and
// layers), markers.ts (the buttons and links over the circles, the popup) and labels.ts (the
// names of the stadsdelen and wijken).
import 'maplibre-gl/dist/maplibre-gl.css';
import { addAreaLabels, type AreaLabels } from './labels.ts';
import { addActivityLayers, showData } from './layers.ts';
import { createMarkers } from './markers.ts';
import { createMap, fitToData } from './viewport.ts';
import { STREET_LAYERS } from './test-basemap.ts';
import type { Translate } from '../catalogue/messages.ts';
import type { MapConfig, MapData } from './page.ts';

/** `setData` resolves once the map is idle with the new hits drawn and their markers in place. */
export type MapController = { setData: (data: MapData) => Promise<void> };

export function createMapController(
  container: HTMLDivElement,
  config: MapConfig,
  t: Translate,
): Promise<MapController> {
  const map = createMap(container, config, t);
  const markers = createMarkers(map, container, config, t);
  let labels: AreaLabels | null = null;
  let loaded = false;

  function syncMarkers() {
    markers.sync();
    labels?.declutter(markers.boxes());
    // For tests and debugging, as markers.sync's counts: the test map's streets drawn now.
    if (!config.styleUrl)
      container.dataset.streets = String(map.queryRenderedFeatures({ layers: [...STREET_LAYERS] }).length);
  }

  function apply(data: MapData): Promise<void> {
    markers.setNear(data.near);
    showData(map, data);
    markers.closePopup();
    fitToData(map, data, config.geo.bbox);
    // The 'idle' listener added at load (syncMarkers) runs before this one.
    return new Promise((resolve) => {
      void map.once('idle', () => resolve());
    });
  }

  return new Promise((resolve, reject) => {
    const failed = (e: { error?: Error }) => {
      if (!loaded) reject(e.error ?? new Error('map failed to load'));
    };
    // MapLibre's once() returns a promise too when no listener is given; with one it is the map.
    void map.once('error', failed);
    void map.once('load', () => {
      loaded = true;
      map.off('error', failed);
      addActivityLayers(map);
      // A production basemap names places itself.
      if (!config.styleUrl) labels = addAreaLabels(map, config.geo);
      map.on('idle', syncMarkers);
      map.on('moveend', syncMarkers);
      resolve({ setData: apply });
    });
  }).then(
    (controller) => controller as MapController,
    (err) => {
      map.remove();
      throw err;
    },
  );
}
