import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { cityGeo } from '../catalogue/labels.ts';
import { localMapStyle } from './style.ts';
import { BASE_LAYERS, STREET_LAYERS, testBasemap } from './test-basemap.ts';

describe('the schematic test basemap', () => {
  const geo = cityGeo();
  const kinds = (k: string) => testBasemap(geo).features.filter((f) => f.properties.kind === k);

  it('has streets, water and green inside the municipality', () => {
    expect(kinds('main').length).toBeGreaterThanOrEqual(geo.stadsdelen.length);
    expect(kinds('minor').length).toBeGreaterThanOrEqual(geo.wijken.length);
    expect(kinds('water')).toHaveLength(1);
    expect(kinds('green').length).toBeGreaterThan(0);
    const { bbox } = geo;
    for (const f of testBasemap(geo).features) {
      const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates;
      for (const [lng, lat] of ring) {
        expect(lng).toBeGreaterThanOrEqual(bbox.west);
        expect(lng).toBeLessThanOrEqual(bbox.east);
        expect(lat).toBeGreaterThanOrEqual(bbox.south);
        expect(lat).toBeLessThanOrEqual(bbox.north);
      }
    }
  });

  it('joins every wijk to the street network', () => {
    const ends = new Set(kinds('minor').flatMap((f) => (f.geometry.coordinates as number[][]).map((p) => p.join())));
    for (const w of geo.wijken) expect(ends.has(`${w.lng},${w.lat}`), w.name).toBe(true);
  });

  it('is drawn by the local style under the activities, valid and offline', () => {
    const style = localMapStyle(geo);
    const ids = style.layers.map((l) => l.id);
    for (const id of [BASE_LAYERS.water, BASE_LAYERS.green, ...STREET_LAYERS]) {
      expect(ids).toContain(id);
      expect(ids.indexOf(id)).toBeLessThan(ids.indexOf('activity-clusters'));
    }
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
    expect(JSON.stringify(style)).not.toMatch(/https?:/);
  });
});
