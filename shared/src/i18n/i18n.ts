import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import ar from './locales/ar.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import nl from './locales/nl.json' with { type: 'json' };
import pl from './locales/pl.json' with { type: 'json' };
import tr from './locales/tr.json' with { type: 'json' };
import uk from './locales/uk.json' with { type: 'json' };
import { city, cityName, defaultEdition } from '../city/city.js';

export const locales = ['nl', 'en', 'ar', 'tr', 'pl', 'uk'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nl';

const common: Record<Locale, Record<string, string>> = { nl, en, ar, tr, pl, uk };

/**
 * Pure: a locale's texts for the city. The city file's texts (its editions' names and texts) are
 * added (a locale it has none for gets the default locale's), and what every text may say without
 * being passed it is filled in: `{{city}}` (the city's name as the locale writes it) and
 * `{{programmes}}` / `{{programmesOr}}` (the editions' names, "A en B" / "A of B") and
 * `{{childAgeMax}}` (the oldest age of the default edition). Filled in here,
 * once, so the texts the islands and the cms take from `resources` say the same as `t()`.
 */
export function cityTexts(locale: Locale): Record<string, string> {
  const texts = { ...common[locale], ...(city.texts[locale] ?? city.texts[defaultLocale] ?? {}) };
  const name = cityName(locale);
  const names = city.editions.map((e) => (texts[`edition.${e.id}.name`] ?? e.name).replaceAll('{{city}}', name));
  const list = (type: 'conjunction' | 'disjunction') => new Intl.ListFormat(locale, { type }).format(names);
  const fill = {
    city: name,
    programmes: list('conjunction'),
    programmesOr: list('disjunction'),
    childAgeMax: String(defaultEdition.ageMax),
  };
  return Object.fromEntries(
    Object.entries(texts).map(([key, text]) => [
      key,
      text.replace(/\{\{(city|programmes|programmesOr|childAgeMax)\}\}/g, (_, v: keyof typeof fill) => fill[v]),
    ]),
  );
}

/** One flat JSON of dotted keys per locale (Starlight's model), for the city; Dutch is the source. */
export const resources: Record<Locale, Record<string, string>> = Object.fromEntries(
  locales.map((l) => [l, cityTexts(l)]),
) as Record<Locale, Record<string, string>>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

const rtl = new Set<string>(['ar']);
export function textDirection(locale: string): 'rtl' | 'ltr' {
  return rtl.has(locale) ? 'rtl' : 'ltr';
}

/**
 * A new i18next instance for one locale, never shared: changeLanguage on a shared instance mixes
 * languages between concurrent requests (i18next/i18next#2062). Pages do not make one per request;
 * they use translatorFor below, made once per locale from one of these.
 */
export function createI18n(locale: Locale): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: defaultLocale,
    supportedLngs: [...locales],
    resources: Object.fromEntries(Object.entries(resources).map(([lng, translation]) => [lng, { translation }])),
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false }, // Astro and React escape on output.
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

const translators = new Map<Locale, TFunction>();

/**
 * The translate function of one locale, made once per process and shared: it is fixed to its
 * language (i18next's getFixedT), and nothing can change the language of the instance behind it,
 * so concurrent requests in different languages never mix. Making an instance per request cost
 * about a sixth of an activity page's render time.
 */
export function translatorFor(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) {
    t = createI18n(locale).getFixedT(locale);
    translators.set(locale, t);
  }
  return t;
}

export type { TFunction };
