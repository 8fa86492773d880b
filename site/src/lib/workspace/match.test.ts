import { describe, expect, it } from 'vitest';
import { searchForm } from '@droomkaart/shared';
import { distanceKm, matchAttempts, matchParams, parseMatchQuery, toMeiliMatch, wijkCentroid } from './match.ts';

const dream = { age: 9, themes: ['sport-bewegen', 'onbekend-thema', 'dans-muziek-theater'] };

describe('the search beside a dream', () => {
  it('starts from the dream: its age and its (known) themes', () => {
    expect(parseMatchQuery(new URLSearchParams(''), dream)).toEqual({
      q: '',
      themes: ['sport-bewegen', 'dans-muziek-theater'],
      age: 9,
      free: false,
      maxKm: null,
      page: 1,
    });
  });

  it('starts from the child’s own words too, and sends them as the catalogue does', () => {
    const start = parseMatchQuery(new URLSearchParams(''), { age: 8, themes: [], dream: 'Ik wil later dokter worden' });
    expect(start.q).toBe('dokter');
    const search = toMeiliMatch(start, null);
    expect(search.q).toBe(searchForm('dokter'));
    expect(search.matchingStrategy).toBe('frequency');
  });

  it('asks the words alone when words and themes together find nothing', () => {
    const start = parseMatchQuery(new URLSearchParams(''), {
      age: 8,
      themes: ['beroepen-meelopen'],
      dream: 'Ik wil later dokter worden',
    });
    expect(matchAttempts(start)).toEqual([start, { ...start, themes: [] }]);
    expect(matchAttempts({ ...start, q: '' })).toEqual([{ ...start, q: '' }]);
    expect(matchAttempts({ ...start, themes: [] })).toHaveLength(1);
  });

  it('follows the form once the coordinator changed it, also with every theme unticked', () => {
    const q = parseMatchQuery(
      new URLSearchParams(
        'zoek=1&q=zwemles&theme=natuur-buiten&theme=natuur-buiten&theme=nope&age=10&free=1&km=5&page=2',
      ),
      dream,
    );
    expect(q).toEqual({ q: 'zwemles', themes: ['natuur-buiten'], age: 10, free: true, maxKm: 5, page: 2 });
    expect(parseMatchQuery(new URLSearchParams('zoek=1'), dream)).toEqual({
      q: '',
      themes: [],
      age: null,
      free: false,
      maxKm: null,
      page: 1,
    });
    expect(parseMatchQuery(new URLSearchParams('zoek=1&age=40&km=3'), dream)).toMatchObject({ age: null, maxKm: null });
  });

  it('writes the changed search back as a link', () => {
    const q = parseMatchQuery(new URLSearchParams('zoek=1&theme=spullen&age=7&km=2&page=3'), dream);
    expect(matchParams(q).toString()).toBe('zoek=1&theme=spullen&age=7&km=2&page=3');
    expect(parseMatchQuery(matchParams(q), dream)).toEqual(q);
  });

  it('filters on age and themes and sorts nearest first from the wijk', () => {
    const origin = wijkCentroid('muziekwijk');
    expect(origin).not.toBeNull();
    const search = toMeiliMatch(
      { q: 'voetbal', themes: ['sport-bewegen', 'spullen'], age: 9, free: true, maxKm: 5, page: 1 },
      origin,
    );
    expect(search.filter).toEqual([
      'ages = 9',
      'themes IN ["sport-bewegen", "spullen"]',
      'free = true',
      `_geoRadius(${origin!.lat}, ${origin!.lng}, 5000)`,
    ]);
    expect(search.sort).toEqual([`_geoPoint(${origin!.lat},${origin!.lng}):asc`]);
    expect(search).toMatchObject({ q: 'voetbal', page: 1, hitsPerPage: 10 });
  });

  it('searches the whole city, unsorted, when the family has no wijk', () => {
    const search = toMeiliMatch({ q: '', themes: [], age: null, free: false, maxKm: 5, page: 1 }, wijkCentroid(null));
    expect(search.filter).toEqual([]);
    expect(search.sort).toBeUndefined();
  });

  it('shows distances in km the Dutch way', () => {
    expect(distanceKm(1234, 'nl')).toBe('1,2');
    expect(distanceKm(15_400, 'nl')).toBe('15');
    expect(distanceKm(800, 'en')).toBe('0.8');
    expect(distanceKm(null, 'nl')).toBeNull();
  });
});
