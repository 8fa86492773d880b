import { describe, expect, it } from 'vitest';
import { compoundParts, foldText, searchForm, searchForms } from './normalise.js';

const same = (...words: string[]) => expect(new Set(words.map(searchForm)).size, words.join(', ')).toBe(1);

describe('searchForm', () => {
  it('brings inflections, verbs and nouns of one activity together', () => {
    same('zwemmen', 'zwem');
    same('tekenen', 'teken');
    same('koken', 'kook', 'kok');
    same('dansen', 'dans');
    same('voetballen', 'voetbal');
    same('trainen', 'training', 'trainer');
    same('lessen', 'les');
    same('sporten', 'sport');
  });

  it('reads a diminutive as the thing itself', () => {
    same('vriendjes', 'vriend');
    same('bedrijfje', 'bedrijf');
    same('dagje', 'dag');
    same('balletje', 'bal');
    same('boompje', 'boom');
    same('stoeltje', 'stoel');
    same('kinderfeestje', 'kinderfeest');
  });

  it('brings female job forms to the male form', () => {
    same('kapster', 'kapper');
    same('trainster', 'trainer');
    same('lerares', 'leraar', 'leraren');
    same('verpleegster', 'verpleegkundige', 'verpleger');
    same('zangeres', 'zanger', 'zingen');
    same('danseres', 'danser');
  });

  it('brings the doer of a hobby to the hobby', () => {
    same('voetballer', 'voetbal');
    same('zwemmer', 'zwemmen');
    same('danser', 'dansen');
    same('programmeur', 'programmeren');
  });

  it('keeps words apart that only look alike', () => {
    expect(searchForm('moeder')).not.toBe(searchForm('moed'));
    expect(searchForm('dans')).not.toBe(searchForm('dan'));
    expect(searchForm('fiets')).toBe('fiets');
    expect(searchForm('formulieren')).toBe(searchForm('formulier'));
    expect(searchForm('formulier')).toBe('formulier');
    expect(searchForm('open')).toBe('open');
  });

  it('leaves other scripts as they are, Arabic without the article', () => {
    expect(searchForm('плавання')).toBe('плавання');
    expect(foldText('Басейн')).toBe('басейн');
    expect(searchForm('السباحة')).toBe(searchForm('سباحة'));
    expect(searchForm('للأطفال')).toBe(searchForm('اطفال'));
  });
});

describe('foldText', () => {
  it('drops Latin accents and evens out Arabic spellings', () => {
    expect(foldText('Taalcafé Ödev')).toBe('taalcafe odev');
    expect(foldText('سِبَاحَة')).toBe('سباحه');
    expect(foldText('أطفال')).toBe(foldText('اطفال'));
    expect(foldText('مستشفى')).toBe('مستشفي');
  });

  it('gives each form of a text once', () => {
    expect(searchForms('Zwemmen en zwem')).toEqual(['zwem', 'en']);
  });
});

describe('compoundParts', () => {
  const vocabulary = new Set(['zwem', 'dieren', 'basketbal', 'huiswerk']);
  it('splits at a known head or a known word', () => {
    expect(compoundParts('zwemtraining', vocabulary)).toEqual(['zwem', 'training']);
    expect(compoundParts('knutselmiddag', vocabulary)).toEqual(['knutsel', 'middag']);
    expect(compoundParts('opvoedingsvragen', vocabulary)).toEqual(['opvoeding', 'vragen']);
    expect(compoundParts('streetbasketbal', vocabulary)).toEqual(['basketbal']);
    expect(compoundParts('huiswerkhulp', vocabulary)).toEqual(['huiswerk', 'hulp']);
  });

  it('leaves words whole that are no compound of known words', () => {
    expect(compoundParts('muziekwijk', vocabulary)).toEqual([]);
    expect(compoundParts('les', vocabulary)).toEqual([]);
    expect(compoundParts('eerste hulp', vocabulary)).toEqual([]);
  });
});
