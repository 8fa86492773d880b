import { Meilisearch } from 'meilisearch';
import { indexName, locales } from '@droomkaart/shared';
import { createSearchClient, type SearchClient } from './search-client.ts';
import { siteConfig } from '../config.ts';
import { recordRead } from '../http/render-reads.ts';

let key: Promise<string> | null = null;

/** The search-only key: from the environment, else from the indexer that provisions it. */
export function searchKey(): Promise<string> {
  if (siteConfig.meiliSearchKey) return Promise.resolve(siteConfig.meiliSearchKey);
  key ??= (async () => {
    const res = await fetch(`${siteConfig.indexerUrl}/search-key`, { signal: AbortSignal.timeout(3000) });
    if (!res.ok) throw new Error(`search key not available (indexer answered ${res.status})`);
    return ((await res.json()) as { key: string }).key;
  })();
  // A failed attempt is not remembered: the next request asks again.
  key.catch(() => (key = null));
  return key;
}

let client: Meilisearch | null = null;

export async function searchClient(): Promise<Meilisearch> {
  // Uncompressed answers: on loopback or a private network compression costs far more time
  // (about 45 ms per search, measured) than it saves.
  client ??= new Meilisearch({
    host: siteConfig.meiliUrl,
    apiKey: await searchKey(),
    requestInit: { headers: { 'accept-encoding': 'identity' } },
  });
  return client;
}

/**
 * instant-meilisearch for the first render on the server, straight to Meilisearch. A new one per
 * request: it caches every answer forever, which on a long-running server would hide new activities.
 * Each search is noted as a read of the page being rendered (lib/http/render-reads.ts): the page cache
 * keeps a catalogue page only while the same search still gives the same answer.
 */
export async function serverSearchClient(): Promise<SearchClient> {
  const apiKey = await searchKey();
  const client = createSearchClient(siteConfig.meiliUrl, apiKey);
  const search = client.search.bind(client) as (requests: unknown) => Promise<unknown>;
  const shown = (requests: unknown) =>
    (requests as { params?: Record<string, unknown> }[]).map((r) => withShownFilters(r));
  return Object.assign(client, {
    search: (async (requests: unknown) => {
      const response = await search(shown(requests));
      recordRead({
        key: `search ${JSON.stringify(requests)}`,
        value: answerFingerprint(response),
        reread: async () =>
          answerFingerprint(
            await (createSearchClient(siteConfig.meiliUrl, apiKey).search as (r: unknown) => Promise<unknown>)(
              shown(requests),
            ),
          ),
      });
      return response;
    }) as SearchClient['search'],
  });
}

/** Pure: a search answer as a string to compare, without what differs between equal answers (timings). */
export function answerFingerprint(response: unknown): string {
  return JSON.stringify(response, (key: string, value: unknown) =>
    /^processingTime/i.test(key) || key === 'serverTimeMS' ? undefined : value,
  );
}

/**
 * Cache-Control of a catalogue page that came from a search: anyone may keep it, but must check it
 * before every use (no-cache). The site's page cache checks it by asking the same search again
 * (lib/http/page-cache.ts): a new or changed activity is in the next answer, as soon as it is in the index.
 */
export function setSearchPageCaching(headers: Headers): void {
  headers.set('cache-control', 'public, no-cache');
  headers.set('vary', 'Cookie');
}

// ---------------------------------------------------------------------------------------------
// /api/search/multi-search: the browser's searches, forwarded with the search-only key.

const allowedIndexes = new Set(locales.map((l) => indexName(l, siteConfig.indexPrefix)));
const MAX_BODY_BYTES = 64 * 1024;
const MAX_QUERIES = 20;
const MAX_HITS = 1000;

export type ForwardCheck =
  { ok: true; body: { queries: Record<string, unknown>[] } } | { ok: false; status: number; message: string };

/**
 * Pure: which multi-search bodies are forwarded. Only the catalogue's indexes, a bounded number of
 * queries and hits, and no federation or remote searches; the key limits the rest (search only).
 */
export function checkMultiSearch(raw: string, indexes: ReadonlySet<string> = allowedIndexes): ForwardCheck {
  if (raw.length > MAX_BODY_BYTES) return { ok: false, status: 413, message: 'request too large' };
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { ok: false, status: 400, message: 'invalid JSON' };
  }
  const queries = (body as { queries?: unknown })?.queries;
  if (!Array.isArray(queries) || queries.length === 0 || queries.length > MAX_QUERIES)
    return { ok: false, status: 400, message: 'queries: 1 to 20 expected' };
  if (Object.keys(body as object).some((k) => k !== 'queries'))
    return { ok: false, status: 400, message: 'only queries are allowed' };
  for (const q of queries as Record<string, unknown>[]) {
    if (typeof q !== 'object' || q === null || typeof q.indexUid !== 'string' || !indexes.has(q.indexUid))
      return { ok: false, status: 403, message: 'index not allowed' };
    if ('federationOptions' in q) return { ok: false, status: 400, message: 'federation not allowed' };
    for (const k of ['limit', 'hitsPerPage'] as const)
      if (q[k] !== undefined && (typeof q[k] !== 'number' || q[k] > MAX_HITS))
        return { ok: false, status: 400, message: `${k} too large` };
  }
  return { ok: true, body: { queries: queries as Record<string, unknown>[] } };
}

/**
 * Pure: JSON text with every '<', '>', '&' and line/paragraph separator as a \uXXXX escape (in
 * JSON these only occur inside strings, so the value read back is the same). Meilisearch repeats
 * the query and a refused filter in its answers; forwarded this way, no answer carries markup.
 */
export function markupFreeJsonText(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The Meilisearch filter of activities still shown at `now`: not past their freshness limit. */
export function shownFilter(now: number = Date.now()): string {
  return `shownUntil > ${Math.floor(now)}`;
}

/**
 * Pure: a Meilisearch `filter` (absent, a string or an array) with shownFilter added, so an
 * activity past its freshness limit leaves every search at once, without a re-index (the cms hides
 * it on read the same way). The outer array of a Meilisearch filter is an AND.
 */
export function withShownFilter(filter: unknown, now: number = Date.now()): string | (string | string[])[] {
  const shown = shownFilter(now);
  if (filter === undefined || filter === null || filter === '') return shown;
  return Array.isArray(filter) ? [...(filter as (string | string[])[]), shown] : [filter as string, shown];
}

/** Pure: an InstantSearch request's `filters` (a string) with shownFilter added. */
export function withShownFilters<T extends { params?: Record<string, unknown> }>(request: T, now = Date.now()): T {
  const filters = request.params?.filters;
  const shown = shownFilter(now);
  return {
    ...request,
    params: {
      ...request.params,
      filters: typeof filters === 'string' && filters ? `(${filters}) AND ${shown}` : shown,
    },
  };
}

export async function forwardMultiSearch(raw: string, now: number = Date.now()): Promise<Response> {
  const checked = checkMultiSearch(raw);
  const json = (status: number, data: unknown) =>
    new Response(JSON.stringify(data), {
      status,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    });
  if (!checked.ok) return json(checked.status, { message: checked.message });
  try {
    const res = await fetch(`${siteConfig.meiliUrl}/multi-search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await searchKey()}` },
      body: JSON.stringify({
        queries: checked.body.queries.map((q) => ({ ...q, filter: withShownFilter(q.filter, now) })),
      }),
      signal: AbortSignal.timeout(5000),
    });
    return new Response(markupFreeJsonText(await res.text()), {
      status: res.status,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    });
  } catch (err) {
    console.error(`[site] search forward failed: ${(err as Error).message}`);
    return json(503, { message: 'search unavailable' });
  }
}
