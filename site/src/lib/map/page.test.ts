import type { InstantSearchServerState } from 'react-instantsearch-core';
import { describe, expect, it } from 'vitest';
import { locales } from '@droomkaart/shared';
import { translator } from '../catalogue/messages.ts';
import { scriptJson } from '../activity/jsonld.ts';
import { nearHref } from './page.ts';
import { MAP_HITS, mapConfig, mapHits } from '../catalogue/page.ts';
import { vocabulary } from '../catalogue/labels.ts';
import { isCanonical, parseState } from '../catalogue/state.ts';

const serverState = (hits: unknown[]): InstantSearchServerState => ({
  initialResults: { activities_nl: { state: {}, results: [{ hits, nbHits: hits.length }] } },
});

describe("the map's hits from the server's search", () => {
  it('keeps only hits with a place, and only what the map needs', () => {
    const hits = mapHits(
      serverState([
        { id: 'a', title: 'Judo', slug: 'judo', summary: 'long text', ageMin: 6, _geo: { lat: 52.37, lng: 5.21 } },
        { id: 'b', title: 'Online bijles', slug: 'online-bijles', _geo: null },
        { id: 'c', title: 'Zonder plek', slug: 'zonder-plek' },
      ]),
      'activities_nl',
    );
    expect(hits).toEqual([{ id: 'a', title: 'Judo', slug: 'judo', lat: 52.37, lng: 5.21 }]);
  });

  it('is empty when the server has no results for the index', () => {
    expect(mapHits(serverState([]), 'activities_nl')).toEqual([]);
    expect(
      mapHits(serverState([{ id: 'a', title: 'x', slug: 'x', _geo: { lat: 1, lng: 2 } }]), 'activities_en'),
    ).toEqual([]);
  });

  it('goes into the page as a data block no title can break out of', () => {
    const title = '</script><img src=x onerror=alert(1)><!-- </SCRIPT >';
    const data = {
      hits: mapHits(serverState([{ id: 'a', title, slug: 'a', _geo: { lat: 52.37, lng: 5.21 } }]), 'activities_nl'),
    };
    const text = scriptJson(data);
    expect(text).not.toMatch(/<\/script/i);
    expect(text).not.toContain('<!--');
    expect(text).not.toContain('<');
    expect((JSON.parse(text) as typeof data).hits[0].title).toBe(title);
  });
});

describe('"Gebruik mijn locatie" on the map page', () => {
  const vocab = vocabulary();
  const canonical = (href: string) => {
    const params = new URL(href, 'http://x').searchParams;
    return isCanonical(params, parseState(params, vocab));
  };

  it('sorts the same search from a position rounded to about a kilometre', () => {
    expect(nearHref('/nl/kaart', '', { lat: 52.39312, lng: 5.29208 })).toBe('/nl/kaart?near=52.39,5.29');
    expect(nearHref('/nl/kaart', '?q=judo&stadsdeel=almere-haven', { lat: 52.3712, lng: 5.2149 })).toBe(
      '/nl/kaart?q=judo&stadsdeel=almere-haven&near=52.37,5.21',
    );
  });

  it('replaces an earlier distance sort and starts at the first page, in the canonical order', () => {
    const href = nearHref('/nl/kaart', '?theme=sport-bewegen&cost=gratis&near=molenbuurt&page=2', {
      lat: 52.3712,
      lng: 5.2149,
    });
    expect(href).toBe('/nl/kaart?theme=sport-bewegen&cost=gratis&near=52.37,5.21');
    expect(canonical(href)).toBe(true);
    expect(canonical(nearHref('/nl/kaart', '?q=zwemmen%20les&day=za&day=zo', { lat: 52.4, lng: 5.2 }))).toBe(true);
  });
});

describe("the map's words", () => {
  it('name each cluster with the number written on it, in every locale (WCAG 2.5.3 label in name)', () => {
    for (const locale of locales) {
      const { messages } = mapConfig(locale);
      const t = translator(locale, messages);
      // A cluster holds at least two activities, at most every hit the map gets.
      for (let count = 2; count <= MAP_HITS; count++)
        expect(t('map.cluster', { count }), `${locale}, ${count}`).toContain(String(count));
    }
  });

  it('come with the data block: the map and "Gebruik mijn locatie" need no other strings', () => {
    const { messages } = mapConfig('ar');
    for (const key of [
      'map.label',
      'map.unavailable',
      'map.here',
      'map.cluster_few',
      'catalogue.location.busy',
      'catalogue.location.denied',
      'catalogue.location.unavailable',
    ])
      expect(messages[key], key).toBeTruthy();
    expect(Object.keys(messages).every((k) => k.startsWith('map.') || k.startsWith('catalogue.location.'))).toBe(true);
  });
});
