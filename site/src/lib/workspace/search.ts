import { indexName, type SearchDocument } from '@droomkaart/shared';
import { siteConfig } from '../config.ts';
import { searchClient, withShownFilter } from '../catalogue/search.ts';
import { matchAttempts, toMeiliMatch, type LatLng, type MatchQuery } from './match.ts';

// Meilisearch for the workspace, on the server with the search-only key (the same as the public
// catalogue: only published, current activities are in the index).

export type MatchHit = Pick<
  SearchDocument,
  | 'documentId'
  | 'slug'
  | 'title'
  | 'summary'
  | 'organisation'
  | 'organisationName'
  | 'costType'
  | 'price'
  | 'howToJoin'
  | 'fallback'
  | 'ageMin'
  | 'ageMax'
  | 'themes'
> &
  Partial<
    Pick<SearchDocument, 'kind' | 'days' | 'sessions' | 'dates' | 'image' | 'placesStatus' | 'placesConfirmedAt'>
  > & {
    places?: { name: string; wijkName?: string | null }[];
    distance: number | null;
  };

/** `loosened`: nothing had the dream's themes and words together, so these are found by the words alone. */
export type MatchResult = { hits: MatchHit[]; total: number; page: number; pages: number; loosened: boolean };

// `_geo` must be asked for: without it Meilisearch leaves out `_geoDistance` even when sorting by distance.
const FIELDS = [
  'documentId',
  'slug',
  'title',
  'summary',
  'organisation',
  'organisationName',
  'costType',
  'price',
  'howToJoin',
  'fallback',
  'ageMin',
  'ageMax',
  'themes',
  'kind',
  'places.name',
  'places.wijkName',
  'days',
  'sessions',
  'dates',
  'image',
  'placesStatus',
  'placesConfirmedAt',
  '_geo',
];

const toHit = (h: Record<string, unknown>): MatchHit => ({
  ...(h as unknown as MatchHit),
  distance: typeof h._geoDistance === 'number' ? h._geoDistance : null,
});

/**
 * Activities for a dream: the prefilled (or changed) search, nearest to the family's wijk first.
 * When words and themes together find nothing, the words alone are asked (a dream of "dokter"
 * at 8 has no job-shadowing day, but first aid and care activities), and the result says so.
 */
export async function searchMatches(locale: string, query: MatchQuery, origin: LatLng | null): Promise<MatchResult> {
  const meili = await searchClient();
  const ask = async (q: MatchQuery) => {
    const search = toMeiliMatch(q, origin);
    return meili.index(indexName(locale, siteConfig.indexPrefix)).search(search.q, {
      filter: withShownFilter(search.filter),
      sort: search.sort,
      page: search.page,
      hitsPerPage: search.hitsPerPage,
      matchingStrategy: search.matchingStrategy,
      attributesToRetrieve: FIELDS,
    });
  };
  const [first, ...looser] = matchAttempts(query);
  let res = await ask(first);
  let loosened = false;
  for (const attempt of looser) {
    if ((res.totalHits ?? 0) > 0) break;
    res = await ask(attempt);
    loosened = true;
  }
  return {
    hits: res.hits.map((h) => toHit(h as Record<string, unknown>)),
    total: res.totalHits ?? 0,
    page: res.page ?? 1,
    pages: res.totalPages ?? 0,
    loosened,
  };
}

/** Activities by their documentId, in one locale's index (the family message's titles and links). */
export async function activitiesByIds(locale: string, ids: readonly string[]): Promise<Map<string, MatchHit>> {
  const out = new Map<string, MatchHit>();
  const safe = ids.filter((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id));
  if (safe.length === 0) return out;
  const meili = await searchClient();
  const res = await meili.index(indexName(locale, siteConfig.indexPrefix)).search('', {
    filter: withShownFilter([`documentId IN [${safe.map((id) => JSON.stringify(id)).join(', ')}]`]),
    limit: safe.length,
    attributesToRetrieve: FIELDS,
  });
  for (const h of res.hits) {
    const hit = toHit(h);
    out.set(hit.documentId, hit);
  }
  return out;
}
