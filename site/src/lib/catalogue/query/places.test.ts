import { describe, expect, it } from 'vitest';
import { findPlace } from './places.ts';
import { wijkGroups } from '../labels.ts';

const groups = wijkGroups();
const place = (q: string) => {
  const p = findPlace(q, groups);
  return p && `${p.param}=${p.slug} | ${p.rest}`;
};

describe('findPlace', () => {
  it('reads a stadsdeel by its full name, its short name or its slug, and keeps the other words', () => {
    expect(place('voetbal almere buiten')).toBe('stadsdeel=almere-buiten | voetbal');
    expect(place('Voetbal Almere-Buiten')).toBe('stadsdeel=almere-buiten | Voetbal');
    expect(place('voetbal almerebuiten')).toBe('stadsdeel=almere-buiten | voetbal');
    expect(place('muziek in haven')).toBe('stadsdeel=almere-haven | muziek');
    expect(place('zwemmen poort')).toBe('stadsdeel=almere-poort | zwemmen');
    expect(place('almere haven')).toBe('stadsdeel=almere-haven | ');
    expect(place('judo in almere poort voor kinderen')).toBe('stadsdeel=almere-poort | judo voor kinderen');
  });

  it('reads a wijk by its name, with or without "de", and removes "in", "bij" or "rond" before it', () => {
    expect(place('bijles kruidenwijk')).toBe('wijk=kruidenwijk | bijles');
    expect(place('muziekwijk')).toBe('wijk=muziekwijk | ');
    expect(place('zwemles bij de werven')).toBe('wijk=de-werven | zwemles');
    expect(place('dansen rond Tussen de Vaarten')).toBe('wijk=tussen-de-vaarten | dansen');
    expect(place('voetbal wierden')).toBe('wijk=de-wierden | voetbal');
    expect(place('knutselen in het centrum')).toBe('wijk=centrum | knutselen');
    expect(place('zwemmen nobelhorst')).toBe('wijk=nobelhorst | zwemmen');
  });

  it('takes the longest name: "centrum haven" is a wijk, not the centre and a stadsdeel', () => {
    expect(place('knutselen centrum haven')).toBe('wijk=centrum-haven | knutselen');
    expect(place('sport buiten centrum')).toBe('wijk=buiten-centrum | sport');
  });

  it('takes a wijk named with its own stadsdeel, and no place when two places are named', () => {
    expect(place('bijles kruidenwijk almere stad')).toBe('wijk=kruidenwijk | bijles');
    expect(place('muziek almere haven of almere buiten')).toBeNull();
    expect(place('kruidenwijk almere buiten')).toBeNull();
  });

  it('leaves ordinary words that are also short names alone', () => {
    // Nothing else in the query: the word itself is what is searched.
    expect(place('haven')).toBeNull();
    expect(place('buiten')).toBeNull();
    expect(place('hout')).toBeNull();
    // Their ordinary meaning, from the word before them.
    expect(place('werken met hout')).toBeNull();
    expect(place('naar buiten')).toBeNull();
    expect(place('lekker buiten')).toBeNull();
    expect(place('boten in de haven')).toBeNull();
    expect(place('wonen in de stad')).toBeNull();
    expect(place('vrijwilligers werven')).toBeNull();
    // Not at the end: an adverb or an object, not a place.
    expect(place('buiten spelen')).toBeNull();
    expect(place('hout bewerken')).toBeNull();
    expect(place('stad ontdekken')).toBeNull();
    // "Centrum" after another word is mostly a compound typed apart.
    expect(place('sport centrum')).toBeNull();
    expect(place('jongeren centrum')).toBeNull();
  });

  it('reads an ordinary short name as a place after "in", "bij" or "rond", or at the end after another word', () => {
    expect(place('voetbal in buiten')).toBe('stadsdeel=almere-buiten | voetbal');
    expect(place('in haven')).toBe('stadsdeel=almere-haven | ');
    expect(place('knutselen stad')).toBe('stadsdeel=almere-stad | knutselen');
    expect(place('toneel bij hout')).toBe('stadsdeel=almere-hout | toneel');
    expect(place('scouting de werven')).toBe('wijk=de-werven | scouting');
  });

  it('does not read a place inside another word or from a partial name', () => {
    expect(place('jachthaven')).toBeNull();
    expect(place('houtbewerking')).toBeNull();
    expect(place('buitenspelen')).toBeNull();
    expect(place('kruiden')).toBeNull();
    expect(place('almere')).toBeNull();
    expect(place('')).toBeNull();
  });

  it('ignores case and accents, and gives the place its name from the city configuration', () => {
    expect(findPlace('Muziek IN HAVEN', groups)).toEqual({
      param: 'stadsdeel',
      slug: 'almere-haven',
      name: 'Almere Haven',
      rest: 'Muziek',
    });
    expect(findPlace('bijlés kruidenwíjk', groups)?.name).toBe('Kruidenwijk');
  });
});

describe('findPlace in another city', () => {
  const other = [
    { slug: 'veenstad-noord', name: 'Veenstad Noord', wijken: [{ slug: 'molenbuurt', name: 'Molenbuurt' }] },
    { slug: 'veenstad-zuid', name: 'Veenstad Zuid', wijken: [{ slug: 'de-esch', name: 'De Esch' }] },
  ];

  it("leaves out the city's name that its stadsdelen share, as in everyday speech", () => {
    expect(findPlace('zwemmen in noord', other)).toMatchObject({ param: 'stadsdeel', slug: 'veenstad-noord' });
    expect(findPlace('zwemmen in veenstad zuid', other)).toMatchObject({ slug: 'veenstad-zuid', rest: 'zwemmen' });
    expect(findPlace('voetbal molenbuurt', other)).toMatchObject({ param: 'wijk', slug: 'molenbuurt' });
  });

  it('knows no place of the default city', () => {
    expect(findPlace('muziek in haven', other)).toBeNull();
  });
});
