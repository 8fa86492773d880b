// Server side: what the catalogue (/activiteiten) and map (/kaart) pages hand to the catalogue
// (its island, or on the map page its server-only render) and to the map's script.
import type { InstantSearchServerState } from 'react-instantsearch-core';
import { indexName, searchSettings, type Locale, type TFunction } from '@droomkaart/shared';
import type { CatalogueConfig } from './types.ts';
import { siteConfig } from '../config.ts';
import type { MapConfig, MapPageData } from '../map/page.ts';
import type { MapHit } from '../map/style.ts';
import { cityGeo, facetLabels, islandMessages, vocabulary, wijkGroups, wijkPoints } from './labels.ts';
import { PAGE_SIZE, isCanonical, nearPoint, parseState, stateHref, type CatalogueState } from './state.ts';

/** How many activities the map page shows (and lists): enough for a city, small enough to send. */
export const MAP_HITS = 250;

const LIST_FIELDS = [
  'id',
  'title',
  'slug',
  'summary',
  'ageMin',
  'ageMax',
  'costType',
  'price',
  'places.name',
  'places.wijkName',
  'days',
  'sessions',
  'dates',
  'kind',
  'themes',
  'fallback',
  '_geo',
];
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
    attributesToHighlight: [...searchSettings.searchableAttributes],
    stopWords: [...searchSettings.stopWords],
    vocab,
    labels: facetLabels(t, vocab),
    wijkGroups: wijkGroups(),
    wijken: wijkPoints(),
    messages: islandMessages(locale),
    initialSearch: url.search,
  };
  return { config, state, redirect: isCanonical(url.searchParams, state) ? null : canonical };
}

/** The map script's strings: the map's own, and "Gebruik mijn locatie"'s messages (map/page.ts). */
const MAP_MESSAGE_PREFIXES = ['map.', 'catalogue.location.'];

export function mapConfig(locale: Locale): MapConfig {
  return {
    locale,
    messages: islandMessages(locale, MAP_MESSAGE_PREFIXES, []),
    geo: cityGeo(),
    styleUrl: siteConfig.mapStyleUrl,
    attribution: siteConfig.mapAttribution,
  };
}

type HitWithPlace = { id: string; title: string; slug: string; _geo?: { lat: number; lng: number } | null };

/**
 * Pure: the hits of the server's search that have a place, with only what the map needs. They are
 * the same hits the list beside the map shows (up to MAP_HITS): the list is the map's accessible
 * alternative, so both show one set.
 */
export function mapHits(serverState: InstantSearchServerState, index: string): MapHit[] {
  const raw = (serverState.initialResults[index]?.results?.[0]?.hits ?? []) as HitWithPlace[];
  const out: MapHit[] = [];
  for (const h of raw) {
    const lat = Number(h._geo?.lat);
    const lng = Number(h._geo?.lng);
    if (!h._geo || !Number.isFinite(lat) || !Number.isFinite(lng)) continue;
    out.push({ id: String(h.id), title: String(h.title), slug: String(h.slug), lat, lng });
  }
  return out;
}

/** Everything the map page's data block holds: its configuration, the hits, the "near" point. */
export function mapPageData(locale: Locale, page: CataloguePage, serverState: InstantSearchServerState): MapPageData {
  return {
    config: mapConfig(locale),
    hits: mapHits(serverState, page.config.indexName),
    near: nearPoint(page.state.near, page.config.wijken),
  };
}
