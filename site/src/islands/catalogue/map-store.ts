// The catalogue island and the map island are two React roots (the map is client:only); this small
// store is how the map gets the current hits. Both islands import it, so they share one instance.
import type { MapHit } from '../../lib/map-style.ts';

export type MapData = { hits: MapHit[]; near: { lat: number; lng: number } | null; version: number };

let data: MapData = { hits: [], near: null, version: 0 };
const listeners = new Set<() => void>();

export const mapStore = {
  get: (): MapData => data,
  set(next: Omit<MapData, 'version'>) {
    data = { ...next, version: data.version + 1 };
    for (const l of listeners) l();
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
