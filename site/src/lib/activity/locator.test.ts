import { describe, expect, it } from 'vitest';
import { city } from '@droomkaart/shared';
import { cityBox, locator, projector } from './locator.ts';

describe('locator', () => {
  const bbox = city.municipality.bbox;

  it('maps the corners of the municipality to the corners of the drawing', () => {
    const { height, project } = projector(bbox, 320);
    expect(project(bbox.north, bbox.west)).toEqual({ x: 0, y: 0 });
    expect(project(bbox.south, bbox.east)).toEqual({ x: 320, y: height });
    expect(height).toBeGreaterThan(200);
    expect(height).toBeLessThan(400);
  });

  it('draws every stadsdeel and marks the places inside the municipality', () => {
    const map = locator([
      { name: 'Zwembad', lat: 52.371, lng: 5.218, stadsdeel: 'almere-stad' },
      { name: 'Amsterdam', lat: 52.37, lng: 4.89 },
      { name: 'Lelystad', lat: 52.52, lng: 5.47 },
    ]);
    expect(map.areas).toHaveLength(city.stadsdelen.length);
    expect(map.areas.filter((a) => a.current).map((a) => a.slug)).toEqual(['almere-stad']);
    expect(map.markers).toHaveLength(1);
    expect(map.markers[0].x).toBeGreaterThan(0);
    expect(map.markers[0].x).toBeLessThan(map.width);
    expect(map.dots.length).toBeGreaterThan(10);
  });

  it('draws the built-up city, inside the municipality', () => {
    const box = cityBox();
    expect(box.south).toBeGreaterThanOrEqual(bbox.south);
    expect(box.east).toBeLessThanOrEqual(bbox.east);
    expect(box.north - box.south).toBeLessThan(bbox.north - bbox.south);
  });
});
