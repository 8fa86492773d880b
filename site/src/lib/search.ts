import { Meilisearch } from 'meilisearch';
import { indexName, type SearchDocument } from '@droomkaart/shared';
import { siteConfig } from './config.ts';
import { PAGE_SIZE, toMeiliFilter, type CatalogueQuery } from './search-query.ts';

let client: Meilisearch | null = null;

/** The search-only key: from the environment, else from the indexer that provisions it. */
async function searchClient(): Promise<Meilisearch> {
  if (client) return client;
  let key = siteConfig.meiliSearchKey;
  if (!key) {
    const res = await fetch(`${siteConfig.indexerUrl}/search-key`, { signal: AbortSignal.timeout(3000) });
    if (!res.ok) throw new Error(`search key not available (indexer answered ${res.status})`);
    key = ((await res.json()) as { key: string }).key;
  }
  client = new Meilisearch({ host: siteConfig.meiliUrl, apiKey: key });
  return client;
}

export type CatalogueResult = { hits: SearchDocument[]; total: number; page: number; pages: number };

export async function searchCatalogue(locale: string, query: CatalogueQuery): Promise<CatalogueResult> {
  const meili = await searchClient();
  const res = await meili.index<SearchDocument>(indexName(locale, siteConfig.indexPrefix)).search(query.q, {
    filter: toMeiliFilter(query),
    page: query.page,
    hitsPerPage: PAGE_SIZE,
    attributesToRetrieve: ['id', 'title', 'slug', 'summary', 'ageMin', 'ageMax', 'costType', 'price', 'themes', 'places', 'organisationName', 'fallback'],
  });
  return { hits: res.hits as SearchDocument[], total: res.totalHits ?? 0, page: res.page ?? 1, pages: res.totalPages ?? 0 };
}
