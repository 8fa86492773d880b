// Server side: the vocabularies, facet labels and copy the catalogue islands get as props. The
// islands never import @droomkaart/shared (zod, every locale), so this is where the taxonomy and
// the city configuration are turned into plain data.
import {
  AGE_MAX,
  AGE_MIN,
  accessibilityFeatures,
  activityKinds,
  agesBetween,
  city,
  days,
  defaultLocale,
  resources,
  spokenLanguages,
  themes,
  wijken,
  type Locale,
  type TFunction,
} from '@droomkaart/shared';
import type { CityGeo } from '../map/style.ts';
import { FACETS, FREE_COST_TYPES, type FacetParam, type Vocabulary, type WijkPoint } from './state.ts';

/** What the family pays, free first (the programme's promise: meedoen kost jou niets). */
export const COST_ORDER = [...FREE_COST_TYPES, 'korting', 'betaald'];

export function vocabulary(): Vocabulary {
  return {
    age: agesBetween(AGE_MIN, AGE_MAX).map(String),
    edition: city.editions.map((e) => e.id),
    stadsdeel: city.stadsdelen.map((s) => s.slug),
    wijk: wijken.map((w) => w.slug),
    theme: [...themes].sort((a, b) => a.order - b.order).map((th) => th.slug),
    cost: COST_ORDER,
    day: [...days],
    kind: [...activityKinds],
    lang: [...spokenLanguages],
    access: [...accessibilityFeatures],
  };
}

export type FacetLabels = Record<FacetParam, Record<string, string>>;

/**
 * Pure: the label of every facet value in the reader's language. Taxonomy values reuse the keys the
 * rest of the site uses (theme.*, kind.*, day.*, accessibility.*); editions say the ages; stadsdelen and wijken are names
 * from the city configuration and are not translated.
 */
export function facetLabel(t: TFunction, param: FacetParam, value: string): string {
  switch (param) {
    case 'age':
      return t('catalogue.filters.ageOption', { count: Number(value) });
    case 'edition':
      return t(`catalogue.edition.${value}`);
    case 'stadsdeel':
      return city.stadsdelen.find((s) => s.slug === value)?.name ?? value;
    case 'wijk':
      return wijken.find((w) => w.slug === value)?.name ?? value;
    case 'theme':
      return t(`theme.${value}`);
    case 'cost':
      return t(`catalogue.cost.${value}`);
    case 'day':
      return t(`day.${value}`);
    case 'kind':
      return t(`kind.${value}`);
    case 'lang':
      return t(`catalogue.spokenLanguage.${value}`);
    case 'access':
      return t(`accessibility.${value}`);
  }
}

export function facetLabels(t: TFunction, vocab: Vocabulary = vocabulary()): FacetLabels {
  return Object.fromEntries(
    FACETS.map((f) => [f.param, Object.fromEntries(vocab[f.param].map((v) => [v, facetLabel(t, f.param, v)]))]),
  ) as FacetLabels;
}

export type WijkGroup = { slug: string; name: string; wijken: { slug: string; name: string }[] };

export function wijkGroups(): WijkGroup[] {
  return city.stadsdelen.map((s) => ({
    slug: s.slug,
    name: s.name,
    wijken: s.wijken.map((w) => ({ slug: w.slug, name: w.name })),
  }));
}

export function wijkPoints(): WijkPoint[] {
  return wijken.map((w) => ({ slug: w.slug, lat: w.centroid[0], lng: w.centroid[1] }));
}

export function cityGeo(): CityGeo {
  return {
    bbox: city.municipality.bbox,
    stadsdelen: city.stadsdelen.map((s) => ({ slug: s.slug, name: s.name, lat: s.centroid[0], lng: s.centroid[1] })),
    wijken: wijken.map((w) => ({ slug: w.slug, name: w.name, lat: w.centroid[0], lng: w.centroid[1] })),
  };
}

/** The i18n keys the islands use: whole prefixes plus single keys. */
export const ISLAND_MESSAGE_PREFIXES = ['catalogue.', 'map.', 'cost.'];
export const ISLAND_MESSAGE_KEYS = ['activity.ages'];

/**
 * Pure: the locale's strings for those keys, with every plural form the locale has, and the Dutch
 * text where a translation is missing (i18next's fallbackLng does the same on the server).
 */
export function islandMessages(
  locale: Locale,
  prefixes = ISLAND_MESSAGE_PREFIXES,
  keys = ISLAND_MESSAGE_KEYS,
): Record<string, string> {
  const wanted = (key: string) =>
    prefixes.some((p) => key.startsWith(p)) || keys.includes(key.replace(/_(zero|one|two|few|many|other)$/, ''));
  const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
  const own = Object.entries(resources[locale]).filter(([k]) => wanted(k));
  const ownBases = new Set(own.map(([k]) => base(k)));
  const fallback =
    locale === defaultLocale
      ? []
      : Object.entries(resources[defaultLocale]).filter(([k]) => wanted(k) && !ownBases.has(base(k)));
  return Object.fromEntries([...fallback, ...own]);
}
