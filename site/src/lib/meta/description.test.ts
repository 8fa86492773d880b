import { city, cityName, locales, translatorFor } from '@droomkaart/shared';
import { describe, expect, it } from 'vitest';
import { DESCRIPTION_MAX, pageDescription, shortDescription } from './description.ts';

const editionPaths = city.editions.map((e) => e.path).filter(Boolean);
const describe_ = (pathname: string, locale = 'nl' as (typeof locales)[number], edition = 'kind', title = 'Titel') =>
  pageDescription({
    pathname,
    edition,
    ages: agesOf(edition),
    editionPaths,
    title,
    city: city.municipality.name,
    t: translatorFor(locale),
  });
const agesOf = (tone: string) => {
  const e = city.editions.find((x) => x.tone === tone)!;
  return { min: e.ageMin, max: e.ageMax };
};

describe('pageDescription', () => {
  it('gives every public page type its own sentence, in easy Dutch, naming the city', () => {
    const pages = {
      home: describe_('/nl/'),
      teenHome: describe_('/nl/036', 'nl', 'jong'),
      catalogue: describe_('/nl/activiteiten'),
      map: describe_('/nl/kaart'),
      organisations: describe_('/nl/organisaties'),
      regelingen: describe_('/nl/regelingen'),
      letterbox: describe_('/nl/droom'),
      teenLetterbox: describe_('/nl/036/droom', 'nl', 'jong'),
      privacy: describe_('/nl/privacy'),
    };
    for (const [page, text] of Object.entries(pages)) {
      expect(text, page).toBeTruthy();
      expect(text!.length, page).toBeLessThanOrEqual(DESCRIPTION_MAX);
      expect(text, page).not.toMatch(/meta\.|\{\{/);
    }
    expect(new Set(Object.values(pages)).size).toBe(Object.keys(pages).length);
    expect(pages.catalogue).toContain('Almere');
    expect(pages.teenHome).toMatch(/12 tot 18/);
    expect(describe_('/nl/organisaties/de-bieb', 'nl', 'kind', 'De Bieb')).toMatch(/^De Bieb doet mee/);
    expect(describe_('/nl/activiteiten/zwemles')).toBeTruthy();
  });

  it('is translated in every locale and never stigmatises', () => {
    for (const locale of locales) {
      const text = describe_(`/${locale}/activiteiten`, locale)!;
      expect(text).toContain(cityName(locale));
      if (locale !== 'nl') expect(text).not.toBe(describe_('/nl/activiteiten'));
      for (const path of ['', 'kaart', 'regelingen', 'droom', 'organisaties'])
        expect(describe_(`/${locale}/${path}`, locale)!.toLowerCase()).not.toMatch(/armoede|arm\b|poverty|minima/);
    }
  });

  it('leaves pages that are not public pages alone', () => {
    expect(describe_('/nl/werkplek')).toBeUndefined();
    expect(describe_('/nl/werkplek/dromen/1')).toBeUndefined();
    expect(describe_('/nl/activiteiten/a/b')).toBeUndefined();
  });
});

describe('shortDescription', () => {
  it('keeps short text on one line and cuts long text at a word', () => {
    expect(shortDescription('  Zwemles\n voor kinderen. ')).toBe('Zwemles voor kinderen.');
    const long = 'Elke woensdag leren kinderen zwemmen in het Haven bad, met een diploma aan het eind. '.repeat(4);
    const short = shortDescription(long);
    expect(short.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(short.endsWith('…')).toBe(true);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    expect(short.slice(0, -1)).not.toMatch(/\s$/);
  });
});
