import { describe, expect, it } from 'vitest';
import { catalogueHref, parseCatalogueQuery, toMeiliFilter } from './search-query.ts';

const parse = (qs: string) => parseCatalogueQuery(new URLSearchParams(qs));

describe('catalogue query', () => {
  it('reads the filters from the URL', () => {
    expect(parse('q=zwemmen&age=8&stadsdeel=almere-buiten&theme=sport-bewegen&page=2')).toEqual({ q: 'zwemmen', age: 8, stadsdeel: 'almere-buiten', theme: 'sport-bewegen', page: 2 });
  });

  it('drops unknown or hostile values instead of failing', () => {
    expect(parse('age=99&stadsdeel=" OR 1=1&theme=<script>&page=-3')).toEqual({ q: '', age: null, stadsdeel: null, theme: null, page: 1 });
    expect(parse('age=abc').age).toBeNull();
    expect(parse(`q=${'x'.repeat(500)}`).q).toHaveLength(200);
  });

  it('turns filters into Meilisearch expressions', () => {
    expect(toMeiliFilter(parse('age=0&stadsdeel=almere-haven&theme=leren-bijles'))).toEqual(['ages = 0', 'stadsdeel = "almere-haven"', 'themes = "leren-bijles"']);
    expect(toMeiliFilter(parse(''))).toEqual([]);
  });

  it('writes links that read back to the same query', () => {
    const query = parse('q=voetbal&age=10&theme=sport-bewegen&page=3');
    const href = catalogueHref('nl', query);
    expect(href).toBe('/nl/activiteiten?q=voetbal&age=10&theme=sport-bewegen&page=3');
    expect(parse(href.split('?')[1])).toEqual(query);
    expect(catalogueHref('en', { page: 1 })).toBe('/en/activiteiten');
  });
});
