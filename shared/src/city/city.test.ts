import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { city, contrastRatio, editionsForAges, isInsideMunicipality, parseCityConfig, wijken } from './city.js';
import { cityConfigPath, readCityFile } from './source.js';

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

describe('another city by configuration', () => {
  const lindeveen = JSON.parse(readFileSync(new URL('./lindeveen.json', import.meta.url), 'utf8'));

  it('reads the city file in CITY_CONFIG, and the default without it', () => {
    expect(cityConfigPath({})).toBeUndefined();
    const file = cityConfigPath({ CITY_CONFIG: 'src/city/lindeveen.json' })!;
    expect(file.endsWith('/src/city/lindeveen.json')).toBe(true);
    expect(parseCityConfig(readCityFile(file), file).municipality.name).toBe('Lindeveen');
    expect(() => readCityFile('/nowhere/city.json')).toThrow(/cannot read the city file/);
  });

  it('accepts the second city: its own editions, districts and texts', () => {
    const c = parseCityConfig(lindeveen);
    expect(c.editions.map((e) => [e.id, e.path, e.ageMin, e.ageMax])).toEqual([
      ['klein', '', 4, 11],
      ['tiener', 'lab', 11, 17],
    ]);
    expect(c.stadsdelen.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(c)).not.toMatch(/almere/i);
  });

  it('says what is wrong with a broken city file', () => {
    const broken = structuredClone(lindeveen);
    broken.editions[1].id = 'klein';
    broken.editions[1].path = 'kaart';
    delete broken.texts.pl['edition.tiener.intro'];
    broken.stadsdelen[0].wijken[0].centroid = [10, 10];
    broken.editions[0].colours.primary = '#4a875f';
    const message = (() => {
      try {
        parseCityConfig(broken, 'broken.json');
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain('broken.json');
    expect(message).toContain('a path the site uses itself');
    expect(message).toContain('edition ids must differ');
    expect(message).toContain('lies outside the bounding box');
    expect(message).toContain('too light: white text on it needs a contrast');
    expect(() => parseCityConfig({ ...lindeveen, texts: { ...lindeveen.texts, pl: {} } })).toThrow(
      /missing text 'edition.klein.name'/,
    );
  });
});

describe('contrastRatio', () => {
  it('is the WCAG ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
