import { describe, expect, it } from 'vitest';
import { searchForm } from './normalise.js';
import { dreamWords, looseParts, rewriteQuery } from './query.js';
// The city's place names, which city.ts gives the query rewrite.
import '../city/city.js';

const words = (q: string) => rewriteQuery(q).split(' ');

describe('rewriteQuery', () => {
  it('reduces a dream sentence to the profession the child names', () => {
    expect(rewriteQuery('Ik wil later dokter worden')).toBe(searchForm('dokter'));
    expect(rewriteQuery('mijn droom is dierenarts')).toBe(searchForm('dierenarts'));
    expect(rewriteQuery('I want to be a doctor')).toBe(searchForm('dokter'));
    expect(rewriteQuery('ik wil later kapster worden')).toBe(searchForm('kapper'));
  });

  it('reads a compound ending in a profession as the profession and what it works on', () => {
    expect(rewriteQuery('ik wil automonteur worden')).toBe(`${searchForm('monteur')} auto`);
  });

  it('sends the search form of each word, as the indexer writes it', () => {
    expect(rewriteQuery('Kapster')).toContain(searchForm('kapper'));
    expect(rewriteQuery('tekenen')).toBe(searchForm('teken'));
    expect(rewriteQuery('voetballer')).toBe(searchForm('voetbal'));
  });

  it('sends what a compound it can split is about', () => {
    expect(words('zwemtraining')).toEqual([searchForm('zwem')]);
    expect(words('jeugdfonds')).toEqual([searchForm('jeugd'), searchForm('fonds')]);
    expect(words('zaterdag')).toEqual([searchForm('zaterdag')]);
    expect(words('weerbaarheidstraining')).toEqual([searchForm('weerbaarheid')]);
  });

  it('drops filler and typed ages, keeps place names as typed', () => {
    expect(rewriteQuery('leuke sport voor mijn dochter')).toBe('sport');
    expect(rewriteQuery('gezellige stoere sport')).toBe('sport');
    expect(rewriteQuery('schilderen voor beginners')).toBe(searchForm('schilderen'));
    expect(rewriteQuery('leuk voetballen met vriendjes')).toBe(searchForm('voetbal'));
    expect(rewriteQuery('leuke dingen in de vakantie')).toBe(searchForm('vakantie'));
    expect(rewriteQuery('dansles 8 jaar')).toBe('dansles');
    expect(rewriteQuery('bijles almere buiten')).toBe('bijles almere buiten');
  });

  it('sends a word of another language the dictionary knows as its Dutch word', () => {
    expect(rewriteQuery('swimming')).toBe(searchForm('zwemmen'));
    expect(rewriteQuery('Yüzme')).toBe(searchForm('zwemmen'));
    expect(rewriteQuery('السباحة')).toBe(searchForm('zwemmen'));
    expect(rewriteQuery('piłka nożna')).toBe(searchForm('voetbal'));
    expect(rewriteQuery('كرة القدم')).toBe(searchForm('voetbal'));
    expect(rewriteQuery('رسم للأطفال')).toBe(searchForm('tekenen'));
    expect(rewriteQuery('lekcje tańca')).toBe(['les', 'dansen'].map(searchForm).join(' '));
    expect(rewriteQuery('домашнє завдання')).toBe(searchForm('huiswerk'));
    expect(rewriteQuery('free football')).toBe(['gratis', 'voetbal'].map(searchForm).join(' '));
    expect(rewriteQuery('swimming lessons for my kids')).toBe(searchForm('zwemmen'));
  });

  it('folds other scripts the way the indexer does', () => {
    expect(rewriteQuery('المَدْرَسَة')).toBe('مدرسه');
  });

  it('sends what was typed when nothing is left', () => {
    expect(rewriteQuery('')).toBe('');
    expect(rewriteQuery('ik wil')).toBe('ik wil');
  });
});

describe('dreamWords', () => {
  it('keeps the child’s own words of a dream, without the sentence around them', () => {
    expect(dreamWords('Ik wil later dokter worden!')).toBe('dokter');
    expect(dreamWords('Mijn droom is een eigen kapsalon, ik ben 8')).toBe('eigen kapsalon');
    expect(dreamWords('')).toBe('');
  });
});

describe('looseParts', () => {
  it('reads a long unknown word as a head with its modifier, or the known word it starts with', () => {
    expect(looseParts('leesbegeleiding')).toEqual(['lees', 'begeleiding']);
    expect(looseParts('vrijdagavond')).toEqual(['vrijdag', 'avond']);
    expect(looseParts('computerspelletjes')).toEqual(['computer']);
  });

  it('leaves known words, short words and days alone', () => {
    expect(looseParts('zaterdag')).toEqual([]);
    expect(looseParts('voetbal')).toEqual([]);
    expect(looseParts('judoles')).toEqual([]);
    expect(looseParts('qwertyuiop')).toEqual([]);
  });

  it('sends the unknown word first and its likely parts after it, so it never finds nothing for want of a split', () => {
    expect(words('leesbegeleiding')).toEqual([
      searchForm('leesbegeleiding'),
      searchForm('lees'),
      searchForm('begeleiding'),
    ]);
    expect(words('zaterdag')).toEqual([searchForm('zaterdag')]);
  });
});
