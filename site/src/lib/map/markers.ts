// The circles are drawn by WebGL; over each one lies a transparent button or link, so clusters
// and activities have an accessible name and can be reached with the keyboard. A cluster at one
// address lists its activities in a popup.
import type { Point } from 'geojson';
import maplibregl from 'maplibre-gl';
import { CLUSTER_LAYER, POINT_LAYER, clusterRadius } from './style.ts';
import { activitiesOf } from './layers.ts';
import { MAX_ZOOM } from './viewport.ts';
import { bikeMinutes, distanceKm, kmText, type LatLng } from '../activity/distance.ts';
import type { Translate } from '../catalogue/messages.ts';
import type { MapConfig } from './page.ts';

/**
 * An HTML element on the map. MapLibre 4's Marker.addTo() sets `aria-label` to its own
 * "Map marker" over whatever the element had, so the element's own name is put back after it
 * (or taken away, for the area labels, which are decoration).
 */
export function place(
  map: maplibregl.Map,
  element: HTMLElement,
  at: [number, number],
  offset: [number, number] = [0, 0],
): maplibregl.Marker {
  const label = element.getAttribute('aria-label');
  const marker = new maplibregl.Marker({ element, offset }).setLngLat(at).addTo(map);
  if (label) element.setAttribute('aria-label', label);
  else element.removeAttribute('aria-label');
  return marker;
}

export type Markers = {
  /** Puts a marker over every cluster and activity drawn now, and takes away the others. */
  sync: () => void;
  /** Where the markers are on screen (for the area labels to keep clear of). */
  boxes: () => DOMRect[];
  closePopup: () => void;
  /** Where "how far" is measured from (the search's wijk or position); null: not said. */
  setNear: (near: LatLng | null) => void;
};

export function createMarkers(
  map: maplibregl.Map,
  container: HTMLDivElement,
  config: MapConfig,
  t: Translate,
): Markers {
  const markers = new Map<string, maplibregl.Marker>();
  let popup: maplibregl.Popup | null = null;
  let near: LatLng | null = null;

  /** "3,7 km, ongeveer 19 minuten fietsen" from the near point, or nothing without one. */
  function farText(lng: number, lat: number): string | null {
    if (!near) return null;
    // The same figures as the activity's card and page (lib/activity/distance.ts).
    const km = distanceKm(near, { lat, lng });
    return t('map.howFar', { distance: kmText(km, config.locale), minutes: bikeMinutes(km) });
  }

  function sync() {
    const seen = new Set<string>();
    let clusters = 0;
    let points = 0;
    let total = 0;
    for (const f of map.queryRenderedFeatures({ layers: [CLUSTER_LAYER, POINT_LAYER] })) {
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
      if (!marker)
        markers.set(
          key,
          place(
            map,
            isCluster
              ? clusterButton(Number(props.cluster_id), count, [lng, lat])
              : pointLink(String(props.title), String(props.slug), farText(lng, lat)),
            [lng, lat],
          ),
        );
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
    const zoomIn = async () => {
      const zoom = await activitiesOf(map)!.getClusterExpansionZoom(clusterId);
      if (zoom <= MAX_ZOOM) map.easeTo({ center: at, zoom, duration: 300 });
      else void listCluster(clusterId, count, at);
    };
    button.addEventListener('click', (e) => {
      e.stopPropagation();
      void zoomIn();
    });
    return button;
  }

  function pointLink(title: string, slug: string, far: string | null): HTMLElement {
    const a = document.createElement('a');
    a.className = 'map-marker map-marker--point';
    a.href = `/${config.locale}/activiteiten/${slug}`;
    const name = far ? `${title}: ${far}` : title;
    a.setAttribute('aria-label', name);
    a.title = name;
    return a;
  }

  /** Activities at one address cannot be zoomed apart: list them in a popup instead. */
  async function listCluster(clusterId: number, count: number, at: [number, number]) {
    const leaves = await activitiesOf(map)!.getClusterLeaves(clusterId, Math.min(count, 50), 0);
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
      const [lng, lat] = (leaf.geometry as Point).coordinates;
      const far = farText(lng, lat);
      if (far) {
        const span = document.createElement('span');
        span.className = 'map-popup-far';
        span.textContent = far;
        li.append(document.createElement('br'), span);
      }
      list.append(li);
    }
    box.append(heading, list);
    popup?.remove();
    popup = new maplibregl.Popup({ closeButton: true, maxWidth: '18rem' }).setLngLat(at).setDOMContent(box).addTo(map);
    list.querySelector('a')?.focus();
  }

  return {
    sync,
    boxes: () => [...markers.values()].map((m) => m.getElement().getBoundingClientRect()),
    closePopup: () => popup?.remove(),
    setNear: (next) => {
      if (next?.lat === near?.lat && next?.lng === near?.lng) return;
      near = next;
      // Made again at the next sync, with the new distances in their names.
      for (const marker of markers.values()) marker.remove();
      markers.clear();
    },
  };
}
