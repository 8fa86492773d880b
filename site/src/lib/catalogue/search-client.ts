import { instantMeiliSearch, type InstantMeiliSearchOptions } from '@meilisearch/instant-meilisearch';
// The query rewrite alone: islands never import @droomkaart/shared's entry (zod, every locale).
import { rewriteQuery } from '@droomkaart/shared/search/query';

/**
 * The same instant-meilisearch options on the server (first render) and in the browser, so both
 * send the same requests and the browser can start from the server's results.
 * finitePagination: exact page counts ("page 2 of 3") instead of "more".
 */
export const CLIENT_OPTIONS: InstantMeiliSearchOptions = {
  finitePagination: true,
  placeholderSearch: true,
  primaryKey: 'id',
  // When no activity has every word, drop the commonest words first ("leuke", "bij", "een"),
  // not the last: a weak word in front must not cancel the word that matters.
  meiliSearchParams: { matchingStrategy: 'frequency' },
};

type InstantSearchRequest = { indexName: string; params?: { query?: string } & Record<string, unknown> };

/**
 * Pure: the requests with each query as Meilisearch should read it (shared rewriteQuery: a dream
 * sentence to its words, every word in its search form). Only what is sent changes: the search
 * box and the address keep what was typed.
 */
export function rewriteRequests<T extends InstantSearchRequest>(requests: readonly T[]): T[] {
  return requests.map((r) =>
    r.params?.query ? { ...r, params: { ...r.params, query: rewriteQuery(r.params.query) } } : r,
  );
}

/** instant-meilisearch keeps every answer for the life of the page; a page left open for long
 * would show activities that were unpublished meanwhile. Answers older than this are asked again. */
const CACHE_TTL_MS = 60_000;

export type SearchClient = ReturnType<typeof instantMeiliSearch>['searchClient'];

/** `httpClient` replaces fetch (islands/catalogue/server-state.ts records the catalogue's requests with it). */
export function createSearchClient(
  host: string,
  apiKey: string,
  httpClient?: InstantMeiliSearchOptions['httpClient'],
): SearchClient {
  const { searchClient } = instantMeiliSearch(
    host,
    apiKey,
    httpClient ? { ...CLIENT_OPTIONS, httpClient } : CLIENT_OPTIONS,
  );
  let clearedAt = Date.now();
  const search = searchClient.search.bind(searchClient) as (requests: unknown) => unknown;
  return Object.assign(searchClient, {
    search: ((requests: unknown) => {
      if (Date.now() - clearedAt > CACHE_TTL_MS) {
        searchClient.clearCache();
        clearedAt = Date.now();
      }
      return search(rewriteRequests(requests as InstantSearchRequest[]));
    }) as SearchClient['search'],
  });
}
