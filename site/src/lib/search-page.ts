// Server side: what the catalogue (/activiteiten) and map (/kaart) pages hand to their islands.
import { indexName, type Locale, type TFunction } from '@droomkaart/shared';
import type { CatalogueConfig, MapConfig } from '../islands/catalogue/types.ts';
import { siteConfig } from './config.ts';
import { cityGeo, facetLabels, islandMessages, vocabulary, wijkGroups, wijkPoints } from './search-labels.ts';
import { PAGE_SIZE, isCanonical, parseState, stateHref, type CatalogueState } from './search-state.ts';

/** How many activities the map page shows (and lists): enough for a city, small enough to send. */
export const MAP_HITS = 250;

const LIST_FIELDS = ['id', 'title', 'slug', 'summary', 'ageMin', 'ageMax', 'costType', 'price', 'places.name', 'fallback', '_geo'];
/** The list's cards show a small picture; the map's compact list (up to 250) does not. */
const LIST_FIELDS_WITH_IMAGE = [...LIST_FIELDS, 'image'];

/** `redirect`: the state's own address when the request had empty, unknown or invalid parameters. */
export type CataloguePage = { config: CatalogueConfig; state: CatalogueState; redirect: string | null };

export function cataloguePage(locale: Locale, t: TFunction, variant: 'list' | 'map', url: URL): CataloguePage {
  const vocab = vocabulary();
  const list = `/${locale}/activiteiten`;
  const map = `/${locale}/kaart`;
  const basePath = variant === 'list' ? list : map;
  const state = parseState(url.searchParams, vocab);
  const canonical = stateHref(basePath, state);
  const config: CatalogueConfig = {
    locale,
    indexName: indexName(locale, siteConfig.indexPrefix),
    variant,
    basePath,
    otherPath: variant === 'list' ? map : list,
    hitsPerPage: variant === 'list' ? PAGE_SIZE : MAP_HITS,
    attributesToRetrieve: variant === 'list' ? LIST_FIELDS_WITH_IMAGE : LIST_FIELDS,
    vocab,
    labels: facetLabels(t, vocab),
    wijkGroups: wijkGroups(),
    wijken: wijkPoints(),
    messages: islandMessages(locale),
    initialSearch: url.search,
  };
  return { config, state, redirect: isCanonical(url.searchParams, state) ? null : canonical };
}

export function mapConfig(locale: Locale): MapConfig {
  return { locale, messages: islandMessages(locale, ['map.'], []), geo: cityGeo(), styleUrl: process.env.PUBLIC_MAP_STYLE_URL ?? '' };
}
