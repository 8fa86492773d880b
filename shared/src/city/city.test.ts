import { describe, expect, it } from 'vitest';
import { city, editionsForAges, isInsideMunicipality, wijken } from './city.js';

describe('city configuration', () => {
  it('has the six stadsdelen of Almere with unique wijk slugs inside the municipality', () => {
    expect(city.stadsdelen.map((s) => s.slug).sort()).toEqual([
      'almere-buiten',
      'almere-haven',
      'almere-hout',
      'almere-pampus',
      'almere-poort',
      'almere-stad',
    ]);
    expect(new Set(wijken.map((w) => w.slug)).size).toBe(wijken.length);
    for (const w of wijken) expect(isInsideMunicipality(w.centroid[0], w.centroid[1]), w.slug).toBe(true);
  });

  it('rejects coordinates outside the municipality', () => {
    expect(isInsideMunicipality(52.37, 4.89)).toBe(false); // Amsterdam
    expect(isInsideMunicipality(52.371, 5.218)).toBe(true); // Almere Centrum
  });

  it('assigns ages to editions, with 12 in both', () => {
    expect(editionsForAges(4, 8)).toEqual(['kind']);
    expect(editionsForAges(14, 17)).toEqual(['jong']);
    expect(editionsForAges(12, 12)).toEqual(['kind', 'jong']);
  });
});
