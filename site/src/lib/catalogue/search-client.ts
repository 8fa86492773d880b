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

type SearchAnswer = { results: { nbHits?: number }[] };

/**
 * `httpClient` replaces fetch (islands/catalogue/server-state.ts records the catalogue's requests
 * with it). `looserWhenEmpty` (on unless an httpClient records): a search with words that finds
 * nothing is asked again with `matchingStrategy: 'last'`. Meilisearch's 'frequency' can find
 * nothing where dropping a word finds something ("zorg ziekenhuis" in 1.21: 0, with 'last': 2),
 * and a family must not get an empty page then; the catalogue says which words it left out
 * (lib/catalogue/query/loosened.ts).
 */
export function createSearchClient(
  host: string,
  apiKey: string,
  httpClient?: InstantMeiliSearchOptions['httpClient'],
  { looserWhenEmpty = !httpClient }: { looserWhenEmpty?: boolean } = {},
): SearchClient {
  const options = httpClient ? { ...CLIENT_OPTIONS, httpClient } : CLIENT_OPTIONS;
  const { searchClient } = instantMeiliSearch(host, apiKey, options);
  const looser = looserWhenEmpty
    ? instantMeiliSearch(host, apiKey, { ...options, meiliSearchParams: { matchingStrategy: 'last' } }).searchClient
    : null;
  let clearedAt = Date.now();
  const search = searchClient.search.bind(searchClient) as (requests: unknown) => Promise<SearchAnswer>;
  const searchLooser = looser?.search.bind(looser) as ((requests: unknown) => Promise<SearchAnswer>) | undefined;
  return Object.assign(searchClient, {
    search: async (requests: unknown) => {
      if (Date.now() - clearedAt > CACHE_TTL_MS) {
        searchClient.clearCache();
        looser?.clearCache();
        clearedAt = Date.now();
      }
      const sent = rewriteRequests(requests as InstantSearchRequest[]);
      const answer = await search(sent);
      if (!searchLooser) return answer;
      const empty = sent.flatMap((r, i) => (r.params?.query && answer.results[i]?.nbHits === 0 ? [i] : []));
      if (empty.length === 0) return answer;
      const again = await searchLooser(empty.map((i) => sent[i]));
      const results = [...answer.results];
      empty.forEach((i, k) => {
        if ((again.results[k]?.nbHits ?? 0) > 0) results[i] = again.results[k];
      });
      return { ...answer, results };
    },
  });
}
