import { describe, expect, it } from 'vitest';
import { createI18n, locales, resources, textDirection, translatorFor } from './i18n.js';

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(pluralSuffix, '');
const placeholders = (value: string) => [...value.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('i18n resources', () => {
  const source = resources.nl;

  for (const locale of locales) {
    it(`${locale} has every Dutch key (plural forms per language) and keeps placeholders`, () => {
      const keys = new Set(Object.keys(resources[locale]).map(base));
      expect([...new Set(Object.keys(source).map(base))].filter((k) => !keys.has(k))).toEqual([]);
      expect([...keys].filter((k) => !(k in source) && !(`${k}_other` in source))).toEqual([]);
      for (const [key, value] of Object.entries(resources[locale])) {
        const dutch = source[key] ?? source[`${base(key)}_other`];
        expect(
          placeholders(value).filter((p) => p !== 'count'),
          `${locale}:${key}`,
        ).toEqual(placeholders(dutch).filter((p) => p !== 'count'));
      }
    });
  }

  it('never uses the word armoede on public pages', () => {
    for (const locale of locales)
      for (const value of Object.values(resources[locale])) expect(value.toLowerCase()).not.toContain('armoede');
  });

  it('makes a new instance per call, so languages never mix', () => {
    const nl = createI18n('nl');
    const ar = createI18n('ar');
    expect(nl.t('catalogue.title')).toBe('Activiteiten');
    expect(ar.t('catalogue.title')).not.toBe('Activiteiten');
    expect(nl.t('catalogue.title')).toBe('Activiteiten');
  });

  it('shares one fixed translator per locale, which no other locale changes', () => {
    const nl = translatorFor('nl');
    expect(translatorFor('nl')).toBe(nl);
    const ar = translatorFor('ar');
    expect(ar('catalogue.title')).toBe(resources.ar['catalogue.title']);
    expect(nl('catalogue.title')).toBe('Activiteiten');
    expect(nl('catalogue.results.count', { count: 3 })).toBe('3 activiteiten gevonden');
    expect(translatorFor('pl')('catalogue.results.count', { count: 5 })).toBe(
      resources.pl['catalogue.results.count_many'].replace('{{count}}', '5'),
    );
    expect(nl('catalogue.title')).toBe('Activiteiten');
  });

  it('uses the plural rules of each language', () => {
    const nl = createI18n('nl');
    expect(nl.t('catalogue.results.count', { count: 1 })).toBe('1 activiteit gevonden');
    expect(nl.t('catalogue.results.count', { count: 3 })).toBe('3 activiteiten gevonden');
    const pl = createI18n('pl');
    expect(pl.t('catalogue.results.count', { count: 2 })).toBe(
      resources.pl['catalogue.results.count_few'].replace('{{count}}', '2'),
    );
    expect(pl.t('catalogue.results.count', { count: 5 })).toBe(
      resources.pl['catalogue.results.count_many'].replace('{{count}}', '5'),
    );
  });

  it('reads Arabic right to left and the rest left to right', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(locales.filter((l) => textDirection(l) === 'rtl')).toEqual(['ar']);
  });
});

describe('the city in the texts', () => {
  it('fills in the city and its programmes wherever the texts are read', () => {
    for (const locale of locales)
      for (const [key, value] of Object.entries(resources[locale]))
        expect(value, `${locale} ${key}`).not.toMatch(/\{\{(city|programmes|programmesOr|childAgeMax)\}\}/);
    expect(resources.nl['catalogue.intro']).toBe('Zoek iets leuks om te doen in Almere.');
    expect(resources.uk['catalogue.intro']).toContain('Алмере');
    expect(resources.nl['dream.error.edition']).toBe('Kies of je tot 12 jaar bent of ouder.');
    expect(resources.nl['privacy.who.text']).toContain('Als ik later groot ben en Dare to dream in 036');
    expect(translatorFor('en')('privacy.website.text')).toContain('Als ik later groot ben or Dare to dream in 036');
  });
});
