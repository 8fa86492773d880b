import { describe, expect, it } from 'vitest';
import {
  emptyState,
  geoSortRule,
  isCanonical,
  nearPoint,
  fromUiState,
  nearFromSortIndex,
  parseState,
  searchedPlace,
  sortIndexName,
  stateHref,
  toggleValue,
  toUiState,
  type CatalogueState,
} from './state.ts';
import { vocabulary, wijkGroups, wijkPoints } from './labels.ts';

const vocab = vocabulary();
const wijken = wijkPoints();
const parse = (qs: string) => parseState(new URLSearchParams(qs), vocab);
const INDEX = 'activities_nl';

describe('catalogue URL state', () => {
  it('reads every filter from readable parameters', () => {
    const state = parse(
      'q=zwemmen&age=8&stadsdeel=almere-buiten&wijk=molenbuurt&theme=sport-bewegen&cost=gratis&day=wo&day=za&kind=cursus&lang=ar&access=rolstoel&near=centrum&page=2',
    );
    expect(state).toEqual({
      q: 'zwemmen',
      refinements: {
        age: ['8'],
        edition: [],
        stadsdeel: ['almere-buiten'],
        wijk: ['molenbuurt'],
        theme: ['sport-bewegen'],
        cost: ['gratis'],
        day: ['wo', 'za'],
        kind: ['cursus'],
        lang: ['ar'],
        access: ['rolstoel'],
      },
      near: { wijk: 'centrum' },
      page: 2,
      everywhere: false,
    });
  });

  it('drops unknown or hostile values instead of failing', () => {
    const state = parse('age=99&stadsdeel=" OR 1=1&theme=<script>&day=maandag&cost=duur&near=../etc&page=-3');
    expect(state).toEqual(emptyState());
    expect(parse(`q=${'x'.repeat(500)}`).q).toHaveLength(200);
  });

  it('keeps one value for single-choice filters and the vocabulary order for the others', () => {
    const state = parse('age=8&age=9&day=za&day=ma');
    expect(state.refinements.age).toEqual(['8']);
    expect(state.refinements.day).toEqual(['ma', 'za']);
  });

  it('reads free=1 as both kinds of free for the family', () => {
    expect(parse('free=1').refinements.cost).toEqual(['gratis', 'gratis-via-regeling']);
  });

  it('rounds a position from the URL to about a kilometre', () => {
    expect(parse('near=52.37123,5.21987').near).toEqual({ lat: 52.37, lng: 5.22 });
    expect(parse('near=952.1,5.2').near).toBeNull();
  });

  it('writes the same URL for the same state, and reads it back', () => {
    const state = parse('theme=sport-bewegen&q=voetbal&day=za&day=ma&near=centrum&page=3');
    const href = stateHref('/nl/activiteiten', state);
    expect(href).toBe('/nl/activiteiten?q=voetbal&theme=sport-bewegen&day=ma&day=za&near=centrum&page=3');
    expect(parse(href.split('?')[1])).toEqual(state);
    expect(stateHref('/en/kaart', emptyState())).toBe('/en/kaart');
  });

  it('knows when a request needs a redirect to its short address', () => {
    const params = new URLSearchParams('theme=sport-bewegen&edition=kind');
    expect(isCanonical(params, parseState(params, vocab))).toBe(true);
    const form = new URLSearchParams('q=&age=&theme=sport-bewegen&near=');
    expect(isCanonical(form, parseState(form, vocab))).toBe(false);
    const old = new URLSearchParams('theme=verdwenen');
    expect(isCanonical(old, parseState(old, vocab))).toBe(false);
  });

  it('starts at page 1 when a filter changes, and toggles values', () => {
    const state: CatalogueState = { ...parse('day=ma'), page: 4 };
    const more = toggleValue(state, 'day', 'wo');
    expect(more.refinements.day).toEqual(['ma', 'wo']);
    expect(more.page).toBe(1);
    expect(toggleValue(more, 'day', 'ma').refinements.day).toEqual(['wo']);
    expect(toggleValue(parse('theme=spullen'), 'theme', 'taal-lezen').refinements.theme).toEqual(['taal-lezen']);
  });
});

describe('InstantSearch UI state', () => {
  it('maps the URL state to the UI state and back', () => {
    const state = parse('q=dans&age=10&cost=gratis&cost=korting&near=centrum&page=2');
    const ui = toUiState(state, INDEX, wijken);
    expect(ui).toEqual({
      query: 'dans',
      refinementList: { ages: ['10'], costType: ['gratis', 'korting'] },
      page: 2,
      sortBy: 'activities_nl:_geoPoint(52.371,5.218):asc',
    });
    expect(fromUiState(ui, INDEX, vocab, wijken)).toEqual(state);
  });

  it('leaves out everything that is not set', () => {
    expect(toUiState(emptyState(), INDEX, wijken)).toEqual({});
    expect(fromUiState(undefined, INDEX, vocab, wijken)).toEqual(emptyState());
  });

  it('keeps a position that is not a wijk centroid as a position', () => {
    const near = nearFromSortIndex(sortIndexName(INDEX, { lat: 52.4, lng: 5.28 }), INDEX, wijken);
    expect(near).toEqual({ lat: 52.4, lng: 5.28 });
    expect(nearFromSortIndex(INDEX, INDEX, wijken)).toBeNull();
  });
});

describe('sorting by distance', () => {
  it('measures from the chosen wijk, or from the position', () => {
    expect(nearPoint({ wijk: 'molenbuurt' }, wijken)).toEqual({ lat: 52.385, lng: 5.275 });
    expect(nearPoint({ lat: 52.4, lng: 5.3 }, wijken)).toEqual({ lat: 52.4, lng: 5.3 });
    expect(nearPoint({ wijk: 'atlantis' }, wijken)).toBeNull();
    expect(nearPoint(null, wijken)).toBeNull();
  });

  it('asks Meilisearch for nearest first through the index name instant-meilisearch reads', () => {
    expect(geoSortRule({ lat: 52.385, lng: 5.275 })).toBe('_geoPoint(52.385,5.275):asc');
    expect(sortIndexName(INDEX, { lat: 52.385, lng: 5.275 })).toBe('activities_nl:_geoPoint(52.385,5.275):asc');
    expect(sortIndexName(INDEX, null)).toBe(INDEX);
  });
});

describe('a place in the query', () => {
  const groups = wijkGroups();
  it('is searched as a filter when the family chose no stadsdeel or wijk', () => {
    expect(searchedPlace(parse('q=muziek+in+haven&age=8'), groups)).toMatchObject({
      param: 'stadsdeel',
      slug: 'almere-haven',
      rest: 'muziek',
    });
    expect(searchedPlace(parse('q=muziek+in+haven&stadsdeel=almere-buiten'), groups)).toBeNull();
    expect(searchedPlace(parse('q=muziek+in+haven&wijk=molenbuurt'), groups)).toBeNull();
    expect(searchedPlace(parse('q=muziek'), groups)).toBeNull();
  });

  it('is searched as words when the family asked to search everywhere, a choice the URL keeps', () => {
    const state = parse('q=muziek+in+haven&everywhere=1');
    expect(state.everywhere).toBe(true);
    expect(searchedPlace(state, groups)).toBeNull();
    expect(stateHref('/nl/activiteiten', state)).toBe('/nl/activiteiten?q=muziek+in+haven&everywhere=1');
    expect(isCanonical(new URLSearchParams('everywhere=1&q=muziek+in+haven'), state)).toBe(true);
    const ui = toUiState(state, INDEX, wijken);
    expect(ui).toEqual({ query: 'muziek in haven', everywhere: true });
    expect(fromUiState(ui, INDEX, vocab, wijken)).toEqual(state);
    // Without words there is nothing to read: the flag is dropped from the address.
    expect(parse('everywhere=1').everywhere).toBe(false);
    expect(isCanonical(new URLSearchParams('everywhere=1'), parse('everywhere=1'))).toBe(false);
  });
});
