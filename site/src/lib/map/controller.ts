// MapLibre, loaded on demand by the map page's script (page.ts) as its own chunk, after the
// list beside it is on screen. No React: the page around it is the server's HTML.
import type { Point } from 'geojson';
import maplibregl, { type GeoJSONSource, type MapGeoJSONFeature } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import {
  ACTIVITY_SOURCE,
  CLUSTER_LAYER,
  NEAR_SOURCE,
  POINT_LAYER,
  activityLayers,
  activitySource,
  boundsOf,
  clusterRadius,
  hitsToGeoJSON,
  localMapStyle,
  pointGeoJSON,
  visibleLabelKinds,
  type NamedPoint,
} from './style.ts';
import type { Translate } from '../catalogue/messages.ts';
import type { MapConfig, MapData } from './page.ts';

/** `setData` resolves once the map is idle with the new hits drawn and their markers in place. */
export type MapController = { setData: (data: MapData) => Promise<void> };

const MAX_ZOOM = 17;

export function createMapController(container: HTMLDivElement, config: MapConfig, t: Translate): Promise<MapController> {
  const { bbox } = config.geo;
  const map = new maplibregl.Map({
    container,
    style: config.styleUrl || localMapStyle(config.geo),
    bounds: [[bbox.west, bbox.south], [bbox.east, bbox.north]],
    fitBoundsOptions: { padding: 16 },
    minZoom: 8,
    maxZoom: MAX_ZOOM,
    // Our own style needs no credits; a production basemap brings its attribution.
    attributionControl: config.styleUrl ? { compact: true } : false,
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

  const markers = new Map<string, maplibregl.Marker>();
  let popup: maplibregl.Popup | null = null;
  let loaded = false;

  const source = () => map.getSource<GeoJSONSource>(ACTIVITY_SOURCE);

  /**
   * An HTML element on the map. MapLibre 4's Marker.addTo() sets `aria-label` to its own
   * "Map marker" over whatever the element had, so the element's own name is put back after it
   * (or taken away, for the area labels, which are decoration).
   */
  function place(element: HTMLElement, at: [number, number], offset: [number, number] = [0, 0]): maplibregl.Marker {
    const label = element.getAttribute('aria-label');
    const marker = new maplibregl.Marker({ element, offset }).setLngLat(at).addTo(map);
    if (label) element.setAttribute('aria-label', label);
    else element.removeAttribute('aria-label');
    return marker;
  }

  /**
   * The local style names the stadsdelen and wijken with HTML: MapLibre 4 draws no text without a
   * glyphs server (lib/map/style.ts). Hidden from assistive technology: the list names the places.
   */
  const areaLabels: { element: HTMLElement; kind: 'stadsdeel' | 'wijk'; marker: maplibregl.Marker }[] = [];
  /** Where a name may sit, in pixels from its centroid, first choice first (as text-variable-anchor). */
  const LABEL_OFFSETS: Record<'stadsdeel' | 'wijk', [number, number][]> = {
    // Above or below its centroid, where a cluster often is.
    stadsdeel: [[0, -28], [0, 28]],
    wijk: [[0, 0], [0, -20], [0, 20]],
  };
  function addAreaLabels() {
    const add = (points: NamedPoint[], kind: 'stadsdeel' | 'wijk') => {
      for (const p of points) {
        const span = document.createElement('span');
        span.className = `map-label map-label--${kind}`;
        span.setAttribute('aria-hidden', 'true');
        span.textContent = p.name;
        areaLabels.push({ element: span, kind, marker: place(span, [p.lng, p.lat], LABEL_OFFSETS[kind][0]) });
      }
    };
    add(config.geo.stadsdelen, 'stadsdeel');
    add(config.geo.wijken, 'wijk');
    showAreaLabels();
    map.on('zoomend', showAreaLabels);
  }
  function showAreaLabels() {
    const visible = visibleLabelKinds(map.getZoom());
    for (const l of areaLabels) l.element.hidden = !visible[l.kind];
  }

  /**
   * HTML lies above the whole canvas, so a name could cover an activity's circle (in a style the
   * circles would be drawn over the labels). As MapLibre does with its own labels, a name goes
   * where it overlaps no marker and no name placed before it (stadsdelen first), else it is left out.
   */
  function declutterAreaLabels() {
    const taken = [...markers.values()].map((m) => m.getElement().getBoundingClientRect());
    const overlaps = (r: DOMRect) => taken.some((b) => r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom);
    for (const l of areaLabels) {
      l.element.classList.remove('map-label--covered');
      if (l.element.hidden) continue;
      const free = LABEL_OFFSETS[l.kind].some((offset) => {
        l.marker.setOffset(offset);
        const box = l.element.getBoundingClientRect();
        if (overlaps(box)) return false;
        taken.push(box);
        return true;
      });
      if (!free) l.element.classList.add('map-label--covered');
    }
  }

  /**
   * The circles are drawn by WebGL; over each one lies a transparent button or link, so clusters and
   * activities have an accessible name and can be reached with the keyboard.
   */
  function syncMarkers() {
    const seen = new Set<string>();
    let clusters = 0;
    let points = 0;
    let total = 0;
    for (const f of map.queryRenderedFeatures({ layers: [CLUSTER_LAYER, POINT_LAYER] }) as MapGeoJSONFeature[]) {
      const props = f.properties as Record<string, string | number | boolean>;
      const isCluster = props.point_count !== undefined;
      const key = isCluster ? `c${props.cluster_id}` : `p${props.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const count = isCluster ? Number(props.point_count) : 1;
      if (isCluster) clusters++;
      else points++;
      total += count;
      const [lng, lat] = (f.geometry as Point).coordinates;
      const marker = markers.get(key);
      if (!marker) markers.set(key, place(isCluster ? clusterButton(Number(props.cluster_id), count, [lng, lat]) : pointLink(String(props.title), String(props.slug)), [lng, lat]));
      else marker.setLngLat([lng, lat]);
    }
    for (const [key, marker] of markers) {
      if (!seen.has(key)) {
        marker.remove();
        markers.delete(key);
      }
    }
    // For tests and debugging: what the map shows right now, read from the source's features.
    container.dataset.clusters = String(clusters);
    container.dataset.points = String(points);
    container.dataset.activities = String(total);
    declutterAreaLabels();
  }

  function clusterButton(clusterId: number, count: number, at: [number, number]): HTMLElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'map-marker map-marker--cluster';
    const size = clusterRadius(count) * 2;
    button.style.inlineSize = button.style.blockSize = `${Math.max(size, 24)}px`;
    button.setAttribute('aria-label', t('map.cluster', { count }));
    // The count drawn on the circle (the style has no text, see lib/map/style.ts); the name above
    // starts with the same number.
    button.textContent = String(count);
    button.addEventListener('click', async (e) => {
      e.stopPropagation();
      const zoom = await source()!.getClusterExpansionZoom(clusterId);
      if (zoom <= MAX_ZOOM) map.easeTo({ center: at, zoom, duration: 300 });
      else void listCluster(clusterId, count, at);
    });
    return button;
  }

  function pointLink(title: string, slug: string): HTMLElement {
    const a = document.createElement('a');
    a.className = 'map-marker map-marker--point';
    a.href = `/${config.locale}/activiteiten/${slug}`;
    a.setAttribute('aria-label', title);
    a.title = title;
    return a;
  }

  /** Activities at one address cannot be zoomed apart: list them in a popup instead. */
  async function listCluster(clusterId: number, count: number, at: [number, number]) {
    const leaves = await source()!.getClusterLeaves(clusterId, Math.min(count, 50), 0);
    const box = document.createElement('div');
    const heading = document.createElement('h2');
    heading.className = 'map-popup-heading';
    heading.textContent = t('map.here');
    const list = document.createElement('ul');
    for (const leaf of leaves) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `/${config.locale}/activiteiten/${leaf.properties!.slug}`;
      a.textContent = String(leaf.properties!.title);
      li.append(a);
      list.append(li);
    }
    box.append(heading, list);
    popup?.remove();
    popup = new maplibregl.Popup({ closeButton: true, maxWidth: '18rem' }).setLngLat(at).setDOMContent(box).addTo(map);
    list.querySelector('a')?.focus();
  }

  function apply(data: MapData): Promise<void> {
    source()!.setData(hitsToGeoJSON(data.hits));
    map.getSource<GeoJSONSource>(NEAR_SOURCE)!.setData(pointGeoJSON(data.near));
    popup?.remove();
    const points = data.near ? [...data.hits, data.near] : data.hits;
    map.fitBounds(boundsOf(points, bbox), { padding: 48, maxZoom: 15, duration: 0 });
    // The 'idle' listener added at load (syncMarkers) runs before this one.
    return new Promise((resolve) => map.once('idle', () => resolve()));
  }

  return new Promise((resolve, reject) => {
    const failed = (e: { error?: Error }) => {
      if (!loaded) reject(e.error ?? new Error('map failed to load'));
    };
    map.once('error', failed);
    map.once('load', () => {
      loaded = true;
      map.off('error', failed);
      // A production basemap brings its own layers; ours come on top of it.
      if (!map.getSource(ACTIVITY_SOURCE)) {
        map.addSource(NEAR_SOURCE, { type: 'geojson', data: pointGeoJSON(null) });
        map.addSource(ACTIVITY_SOURCE, activitySource());
        for (const layer of activityLayers()) map.addLayer(layer);
      }
      // A production basemap names places itself.
      if (!config.styleUrl) addAreaLabels();
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
