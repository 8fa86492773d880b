import { instantMeiliSearch, type InstantMeiliSearchOptions } from '@meilisearch/instant-meilisearch';

/**
 * The same instant-meilisearch options on the server (first render) and in the browser, so both
 * send the same requests and the browser can start from the server's results.
 * finitePagination: exact page counts ("page 2 of 3") instead of "more".
 */
export const CLIENT_OPTIONS: InstantMeiliSearchOptions = {
  finitePagination: true,
  placeholderSearch: true,
  primaryKey: 'id',
};

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
      return search(requests);
    }) as SearchClient['search'],
  });
}
