import { describe, expect, it } from 'vitest';
import { searchForm } from './normalise.js';
import { dutchStopWords, indexName, searchSettings, synonymGroups, synonyms } from './settings.js';

describe('search settings', () => {
  it('names one index per locale', () => {
    expect(indexName('nl')).toBe('activities_nl');
    expect(indexName('ar', 'activities_test1')).toBe('activities_test1_ar');
  });

  it('makes synonym groups two-way', () => {
    const s = synonyms();
    expect(s.zwemles).toContain('zwemmen');
    expect(s.zwemmen).toContain('zwemles');
    expect(s.huiswerkbegeleiding).toContain('bijles');
    expect(s.dansles).toContain('dansen');
    expect(s.zwemles).not.toContain('zwemles');
    // "meisjes" is sent as its search form; an offer for "meiden" is for girls too.
    expect(s[searchForm('meisjes')]).toContain('meiden');
  });

  it('lets a kind of sport find the broad word, and the broad word every kind', () => {
    const s = synonyms();
    expect(s.boksen).toEqual(expect.arrayContaining(['sport', 'vechtsport']));
    expect(s.vechtsport).toEqual(expect.arrayContaining(['boksen', 'taekwondo']));
    expect(s.sport).not.toContain('vechtsport');
  });

  it('lets a profession find the activities that help that dream, not a hobby its doer', () => {
    const s = synonyms();
    expect(s[searchForm('dokter')]).toEqual(expect.arrayContaining(['zorg', searchForm('ziekenhuis')]));
    expect(s.dierenarts).toEqual(expect.arrayContaining(['kinderboerderij']));
    expect(s.voetbal ?? []).not.toContain('zorg');
    expect(s.voetbal).not.toContain('voetballer');
  });

  it('holds the search forms the catalogue sends (normalise.ts)', () => {
    const s = synonyms();
    expect(s[searchForm('eerste') + ' hulp']).toContain('ehbo');
    expect(s[searchForm('dagje')]).toContain('uitje');
  });

  it('lets a broad word find the narrow ones and a narrow word the broad one, not its siblings', () => {
    const s = synonyms();
    expect(s.sport).toEqual(expect.arrayContaining(['voetbal', 'judo', 'sporten']));
    // voetbal~sport (DESIGN §4): football where there is none still shows other sport.
    expect(s.voetbal).toContain('sport');
    expect(s.voetbal).not.toContain('judo');
  });

  it('keeps the vocabulary normalised: lower case, no accents, no word in two groups', () => {
    const words = synonymGroups.flat();
    for (const w of [...words, ...dutchStopWords])
      expect(w).toBe(
        w
          .normalize('NFKD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase(),
      );
    expect(new Set(words).size).toBe(words.length);
  });

  it('never makes a synonym a stop word (Meilisearch would ignore it)', () => {
    const stop = new Set(dutchStopWords);
    expect(
      Object.entries(synonyms())
        .flatMap(([w, alt]) => [w, ...alt])
        .filter((w) => stop.has(w)),
    ).toEqual([]);
  });

  it('allows range filters on ages and price', () => {
    const ranged = searchSettings.filterableAttributes.find(
      (a) => typeof a === 'object' && (a.attributePatterns as readonly string[]).includes('ageMin'),
    );
    expect(ranged).toMatchObject({ features: { filter: { comparison: true } } });
  });
});
