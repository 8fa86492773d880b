import { describe, expect, it } from 'vitest';
import { searchSettings } from '@droomkaart/shared';
import { highlightedWords, loosenedSearch, searchedWords } from './loosened.ts';

const hl = (s: string) => ({ value: s.replace(/<em>/g, '__ais-highlight__').replace(/<\/em>/g, '__/ais-highlight__') });
const stop = searchSettings.stopWords;

describe('highlightedWords', () => {
  it('collects the highlighted words of every attribute, nested and in lists, normalised', () => {
    const hit = {
      title: hl('<em>Judo</em> voor kinderen'),
      keywords: [hl('<em>Sport</em> en bewegen'), hl('judoles'), hl('<em>sport</em>')],
      places: [{ name: hl('<em>Zwem</em>bad Parkwijk'), wijkName: hl('Parkwijk') }],
      summary: hl('Samen <em>spelen en leren</em>, ook <em>créatief</em>'),
    };
    expect(highlightedWords(hit).sort()).toEqual(['creatief', 'en', 'judo', 'leren', 'spelen', 'sport', 'zwem']);
  });

  it('gives nothing for a hit without highlights', () => {
    expect(highlightedWords(undefined)).toEqual([]);
    expect(highlightedWords({ title: hl('Judo') })).toEqual([]);
  });
});

describe('loosenedSearch', () => {
  it('says which words the best hit matches when a word was dropped', () => {
    expect(loosenedSearch('gezellige sport', stop, ['judo', 'sport'])).toEqual({
      found: ['sport'],
      missing: ['gezellige'],
    });
    expect(loosenedSearch('drukke Knutselmiddag', stop, ['knutselmiddag', 'creatief'])).toEqual({
      found: ['Knutselmiddag'],
      missing: ['drukke'],
    });
  });

  it('is null when the best hit matches every word, counting prefixes, compounds and typos', () => {
    expect(loosenedSearch('judo sport', stop, ['judo', 'sport'])).toBeNull();
    // The last word is a prefix: "zwem" highlights "zwem" in "zwemles".
    expect(loosenedSearch('leren zwem', stop, ['leren', 'zwem'])).toBeNull();
    // A typo Meilisearch forgave is highlighted as the document's word.
    expect(loosenedSearch('zwemen', stop, ['zwemme'])).toBeNull();
    expect(loosenedSearch('voetbaltraining kinderen', stop, ['voetbal', 'kinderen'])).toBeNull();
  });

  it('leaves out stop words, which Meilisearch ignores, and repeated words', () => {
    expect(loosenedSearch('ik wil iets met sport', stop, ['sport'])).toBeNull();
    expect(loosenedSearch('sport Sport gezellige', stop, ['sport'])).toEqual({
      found: ['sport'],
      missing: ['gezellige'],
    });
  });

  it('says nothing when no word is recognised: a synonym or rewrite matched, which it cannot name', () => {
    expect(loosenedSearch('verpleegster', stop, ['verpleegkundige'])).toBeNull();
    expect(loosenedSearch('leuke sport', stop, [])).toBeNull();
    expect(loosenedSearch('', stop, ['sport'])).toBeNull();
  });
});

describe('searchedWords', () => {
  it('gives the words a notice could speak of: each once, without stop words', () => {
    expect(searchedWords('ik wil iets met Sport sport judo', stop)).toEqual(['Sport', 'judo']);
    expect(searchedWords('zwemmen', stop)).toEqual(['zwemmen']);
    expect(searchedWords('  ', stop)).toEqual([]);
  });
});
