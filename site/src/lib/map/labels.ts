// The local style names the stadsdelen and wijken with HTML: MapLibre 4 draws no text without a
// glyphs server (lib/map/style.ts). Hidden from assistive technology: the list names the places.
import type maplibregl from 'maplibre-gl';
import { visibleLabelKinds, type CityGeo, type NamedPoint } from './style.ts';
import { place } from './markers.ts';

type Kind = 'stadsdeel' | 'wijk';

/** Where a name may sit, in pixels from its centroid, first choice first (as text-variable-anchor). */
const LABEL_OFFSETS: Record<Kind, [number, number][]> = {
  // Above or below its centroid, where a cluster often is.
  stadsdeel: [
    [0, -28],
    [0, 28],
  ],
  wijk: [
    [0, 0],
    [0, -20],
    [0, 20],
  ],
};

export type AreaLabels = {
  /** Places each name clear of the markers (`taken`) and of the names placed before it. */
  declutter: (taken: DOMRect[]) => void;
};

/** Adds the names of the stadsdelen and wijken, shown by zoom level. */
export function addAreaLabels(map: maplibregl.Map, geo: CityGeo): AreaLabels {
  const areaLabels: { element: HTMLElement; kind: Kind; marker: maplibregl.Marker }[] = [];
  const add = (points: NamedPoint[], kind: Kind) => {
    for (const p of points) {
      const span = document.createElement('span');
      span.className = `map-label map-label--${kind}`;
      span.setAttribute('aria-hidden', 'true');
      span.textContent = p.name;
      areaLabels.push({ element: span, kind, marker: place(map, span, [p.lng, p.lat], LABEL_OFFSETS[kind][0]) });
    }
  };
  function showAreaLabels() {
    const visible = visibleLabelKinds(map.getZoom());
    for (const l of areaLabels) l.element.hidden = !visible[l.kind];
  }
  add(geo.stadsdelen, 'stadsdeel');
  add(geo.wijken, 'wijk');
  showAreaLabels();
  map.on('zoomend', showAreaLabels);

  /**
   * HTML lies above the whole canvas, so a name could cover an activity's circle (in a style the
   * circles would be drawn over the labels). As MapLibre does with its own labels, a name goes
   * where it overlaps no marker and no name placed before it (stadsdelen first), else it is left out.
   */
  function declutter(taken: DOMRect[]) {
    const overlaps = (r: DOMRect) =>
      taken.some((b) => r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom);
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
  return { declutter };
}
