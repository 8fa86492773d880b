import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { cityGeo } from '../catalogue/labels.ts';
import { ACTIVITY_SOURCE, boundsOf, clusterRadius, hitsToGeoJSON, localMapStyle, visibleLabelKinds } from './style.ts';

describe('the local map style', () => {
  const style = localMapStyle(cityGeo());

  it('needs nothing from the internet: no tiles, glyphs or sprites', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) expect(source.type).toBe('geojson');
    expect(JSON.stringify(style)).not.toMatch(/https?:/);
  });

  it('is valid for the MapLibre in use (4.x style spec): no text, which would need a glyphs URL', () => {
    // The same validator MapLibre runs before it draws; an error there leaves the map empty.
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
    expect(style.layers.filter((l) => l.type === 'symbol')).toEqual([]);
  });

  it('clusters the activities', () => {
    expect(style.sources[ACTIVITY_SOURCE]).toMatchObject({ type: 'geojson', cluster: true });
    expect(style.layers.map((l) => l.id)).toEqual(
      expect.arrayContaining(['background', 'municipality-outline', 'activity-clusters', 'activity-points']),
    );
  });

  it('names the stadsdelen when zoomed out and the wijken when zoomed in (HTML labels)', () => {
    expect(visibleLabelKinds(11)).toEqual({ stadsdeel: true, wijk: false });
    expect(visibleLabelKinds(12.7)).toEqual({ stadsdeel: true, wijk: true });
    expect(visibleLabelKinds(14)).toEqual({ stadsdeel: false, wijk: true });
  });

  it('turns hits into GeoJSON points (longitude first)', () => {
    const fc = hitsToGeoJSON([{ id: 'a', title: 'Judo', slug: 'judo', lat: 52.37, lng: 5.21 }]);
    expect(fc.features[0].geometry.coordinates).toEqual([5.21, 52.37]);
    expect(fc.features[0].properties).toEqual({ id: 'a', title: 'Judo', slug: 'judo' });
  });

  it('frames the hits, or the municipality when there are none', () => {
    const bbox = cityGeo().bbox;
    expect(boundsOf([], bbox)).toEqual([
      [bbox.west, bbox.south],
      [bbox.east, bbox.north],
    ]);
    expect(
      boundsOf(
        [
          { lat: 52.3, lng: 5.1 },
          { lat: 52.4, lng: 5.3 },
        ],
        bbox,
      ),
    ).toEqual([
      [5.1, 52.3],
      [5.3, 52.4],
    ]);
  });

  it('makes big clusters bigger, never below the 24 px target size', () => {
    expect(clusterRadius(3) * 2).toBeGreaterThanOrEqual(24);
    expect(clusterRadius(60)).toBeGreaterThan(clusterRadius(3));
  });
});
