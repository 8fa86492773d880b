// The catalogue's search, server side: the one place where the catalogue (/activiteiten) and map
// (/kaart) pages run it, and where the relevance test and the search benchmark get the very
// requests it sends, so they measure the catalogue and not a model of it.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { getServerState, type InstantSearchServerState } from 'react-instantsearch-core';
import { CatalogueApp } from './CatalogueApp.tsx';
import { createSearchClient, type SearchClient } from '../../lib/catalogue/search-client.ts';
import type { CatalogueConfig } from '../../lib/catalogue/types.ts';

/**
 * The first results of a catalogue page: the island's own InstantSearch tree (CatalogueApp), run by
 * getServerState. Its widgets and instant-meilisearch turn the page's address into Meilisearch
 * queries; the island hydrates with these results.
 */
export function catalogueServerState(
  config: CatalogueConfig,
  searchClient: SearchClient,
): Promise<InstantSearchServerState> {
  // react-instantsearch-core's types see the workspace's hoisted @types/react (18, the cms's).
  const tree = createElement(CatalogueApp, { config, searchClient }) as unknown as Parameters<typeof getServerState>[0];
  return getServerState(tree, { renderToString });
}

/** One query of a Meilisearch multi-search body, as instant-meilisearch writes it. */
export type MultiSearchQuery = Record<string, unknown> & { indexUid: string; q?: string };

export type CatalogueRequests = {
  /** Every multi-search body the catalogue sends for the page, in order (the queries of each). */
  requests: MultiSearchQuery[][];
  /** Where the query is whose hits the list (and the map) shows: [request, query]. */
  listedAt: [number, number];
};

/**
 * The Meilisearch requests the catalogue sends for a page (its config, from cataloguePage): the
 * same render as catalogueServerState, through the same instant-meilisearch client, whose HTTP
 * requests are recorded and answered with no hits instead of reaching Meilisearch. Besides the
 * query the list shows, there is one per facet with a value chosen (that facet's counts). No
 * placeholder search for facet values first: instant-meilisearch asks one for keepZeroFacets only
 * (patched, pnpm-workspace.yaml), which the catalogue keeps off.
 */
export async function catalogueRequests(config: CatalogueConfig): Promise<CatalogueRequests> {
  const requests: MultiSearchQuery[][] = [];
  // Each answer gets its own processing time, so the shown results say which query they answer.
  const stamp = (request: number, query: number) => request * 1000 + query + 1;
  const record = async (input: string | URL | Request, init?: RequestInit): Promise<unknown> => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (!url.pathname.endsWith('/multi-search') || typeof init?.body !== 'string')
      throw new Error(`unexpected search request: ${url.pathname}`);
    const { queries } = JSON.parse(init.body) as { queries: MultiSearchQuery[] };
    const n = requests.push(queries) - 1;
    return {
      results: queries.map((q, i) => ({
        indexUid: q.indexUid,
        hits: [],
        query: q.q ?? '',
        processingTimeMs: stamp(n, i),
        hitsPerPage: q.hitsPerPage ?? 0,
        page: q.page ?? 1,
        totalPages: 0,
        totalHits: 0,
        facetDistribution: {},
      })),
    };
  };
  const state = await catalogueServerState(config, createSearchClient('http://catalogue.invalid', '', record));
  const shown = (state.initialResults[config.indexName]?.results?.[0] as { processingTimeMS?: number } | undefined)
    ?.processingTimeMS;
  const listedAt = requests
    .flatMap((queries, r) => queries.map((_, i) => [r, i] as [number, number]))
    .find(([r, i]) => stamp(r, i) === shown);
  if (!listedAt) throw new Error('the catalogue showed results of no recorded query');
  return { requests, listedAt };
}
