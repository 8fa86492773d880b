// The catalogue's real requests against what the relevance test and the search benchmark send
// (catalogueRequests): for several addresses, the Meilisearch body of the page's own search on the
// server (serverSearchClient, as /activiteiten and /kaart run it) and of the island's client in
// the browser (through /api/search) must be the very queries catalogueRequests returns.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { translatorFor } from '@droomkaart/shared';
import { rewriteQuery } from '@droomkaart/shared/search/query';

vi.hoisted(() => {
  // The page's client takes its key from here instead of asking the indexer.
  process.env.MEILI_SEARCH_KEY = 'search-key-for-unit-tests';
});

const { catalogueRequests, catalogueServerState } = await import('./server-state.ts');
const { cataloguePage } = await import('../../lib/catalogue/page.ts');
const { serverSearchClient } = await import('../../lib/catalogue/search.ts');
const { siteConfig } = await import('../../lib/config.ts');
const { createSearchClient } = await import('../../lib/catalogue/search-client.ts');

type Sent = { url: string; authorization: string | null; queries: Record<string, unknown>[] };
let sent: Sent[];

/** fetch as Meilisearch (or the site's /api/search) would answer it: no hits, every request noted. */
function fakeMeilisearch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const url = String(input instanceof Request ? input.url : input);
  const { queries } = JSON.parse(init?.body as string) as { queries: Record<string, unknown>[] };
  sent.push({ url, authorization: new Headers(init?.headers).get('authorization'), queries });
  const results = queries.map((q) => ({
    indexUid: q.indexUid,
    hits: [],
    query: q.q ?? '',
    processingTimeMs: 1,
    hitsPerPage: q.hitsPerPage,
    page: q.page ?? 1,
    totalPages: 0,
    totalHits: 0,
    facetDistribution: {},
  }));
  return Promise.resolve(
    new Response(JSON.stringify({ results }), { headers: { 'content-type': 'application/json' } }),
  );
}

beforeEach(() => {
  sent = [];
  vi.stubGlobal('fetch', vi.fn(fakeMeilisearch));
});
afterEach(() => vi.unstubAllGlobals());

const page = (path: string) =>
  cataloguePage(
    'nl',
    translatorFor('nl'),
    path.startsWith('/nl/kaart') ? 'map' : 'list',
    new URL(path, 'http://localhost:4321'),
  );

// Canonical addresses (checked below), so no value is dropped on the way.
const ADDRESSES = [
  '/nl/activiteiten',
  '/nl/activiteiten?q=zwemles',
  '/nl/activiteiten?q=voetbal&age=8&stadsdeel=almere-buiten&cost=gratis&cost=gratis-via-regeling',
  '/nl/activiteiten?q=muziek&theme=dans-muziek-theater&day=wo&day=za&kind=cursus&page=2',
  '/nl/activiteiten?age=12&near=52.37,5.22',
  '/nl/kaart?q=dansen&stadsdeel=almere-haven',
  '/nl/activiteiten?q=muziek+in+haven&age=8',
  '/nl/activiteiten?q=bijles+kruidenwijk&everywhere=1',
];

/** A query the page's server client sent, without the freshness filter it must carry. */
function withoutShown(query: Record<string, unknown>): Record<string, unknown> {
  const filter = query.filter as unknown[] | undefined;
  expect(filter, 'the freshness filter').toEqual(expect.arrayContaining([expect.stringMatching(/^shownUntil > \d+$/)]));
  const rest = (filter ?? []).filter((f) => !(typeof f === 'string' && /^shownUntil > \d+$/.test(f)));
  const { filter: _, ...others } = query;
  return rest.length ? { ...others, filter: rest } : others;
}

/** The requests as first asked: those before the repeats of searches that found nothing (search-client.ts). */
function firstAsked(requests: Sent[]) {
  const again = requests.findIndex((s) => s.queries.some((q) => q.matchingStrategy === 'last'));
  return (again === -1 ? requests : requests.slice(0, again)).map((s) => s.queries);
}

/**
 * The fake answers nothing, so the real clients ask each search with words once more with
 * 'last' (search-client.ts); a browse without words is never asked again.
 */
function expectAskedAgainOnlyWithWords(requests: Sent[], query: string | null) {
  const again = requests.filter((s) => s.queries.some((q) => q.matchingStrategy === 'last'));
  for (const s of again) for (const q of s.queries) expect(q.q).toBeTruthy();
  if (query) expect(again.length).toBeGreaterThan(0);
  else expect(again).toEqual([]);
}

describe('catalogueRequests: what the relevance test and the search benchmark send', () => {
  it.each(ADDRESSES)('is the catalogue page’s own request to Meilisearch for %s', async (address) => {
    const { config, redirect } = page(address);
    expect(redirect).toBeNull();
    const expected = await catalogueRequests(config);
    expect(sent).toEqual([]); // recorded, not sent

    await catalogueServerState(config, await serverSearchClient());
    expect(sent.map((s) => s.url)).toEqual(sent.map(() => `${siteConfig.meiliUrl}/multi-search`));
    for (const s of sent) expect(s.authorization).toBe('Bearer search-key-for-unit-tests');
    // The page's own search also leaves out offers past their check limit (as /api/search does for
    // the island, lib/catalogue/search.ts); apart from that it is the very same request.
    expect(firstAsked(sent).map((queries) => queries.map(withoutShown))).toEqual(expected.requests);
    expectAskedAgainOnlyWithWords(sent, new URL(address, 'http://localhost').searchParams.get('q'));
  });

  it('asks Meilisearch once per page: no placeholder search for facet values it never shows', async () => {
    // instant-meilisearch asks every facet of an empty search first, for keepZeroFacets only
    // (patched out: pnpm-workspace.yaml). The catalogue keeps that option off.
    for (const address of ['/nl/activiteiten', '/nl/activiteiten?q=zwemles&age=8', '/nl/kaart?q=dansen']) {
      const { requests } = await catalogueRequests(page(address).config);
      expect(requests).toHaveLength(1);
      expect(requests[0].length).toBeGreaterThan(0);
      expect(requests[0].every((q) => q.attributesToRetrieve !== undefined || q.hitsPerPage === 0)).toBe(true);
    }
  });

  it.each(ADDRESSES)('is what the island’s client sends through /api/search for %s', async (address) => {
    const { config } = page(address);
    const expected = await catalogueRequests(config);
    await catalogueServerState(config, createSearchClient('http://localhost:4321/api/search', ''));
    expect(sent.map((s) => s.url)).toEqual(sent.map(() => 'http://localhost:4321/api/search/multi-search'));
    expect(firstAsked(sent)).toEqual(expected.requests);
    expectAskedAgainOnlyWithWords(sent, new URL(address, 'http://localhost').searchParams.get('q'));
  });

  it('carries the address’s query, filters, page, sort and fields', async () => {
    const listed = async (address: string) => {
      const {
        requests,
        listedAt: [r, i],
      } = await catalogueRequests(page(address).config);
      return { main: requests[r][i], others: requests[r].filter((_, j) => j !== i) };
    };
    const { main, others: facetCounts } = await listed(
      '/nl/activiteiten?q=voetbal&age=8&stadsdeel=almere-buiten&free=1&page=2',
    );
    expect(main).toMatchObject({ indexUid: 'activities_nl', q: 'voetbal', page: 2, hitsPerPage: 20 });
    expect(JSON.stringify(main.filter)).toContain('ages');
    expect(JSON.stringify(main.filter)).toContain('almere-buiten');
    expect(JSON.stringify(main.filter)).toContain('gratis-via-regeling');
    expect(main.attributesToRetrieve).toContain('slug');
    expect(main.facets).toEqual(expect.arrayContaining(['ages', 'stadsdeel', 'themes', 'costType']));
    // One more query per facet with a chosen value, for that facet's counts.
    expect(facetCounts).toHaveLength(3);
    expect(JSON.stringify((await listed('/nl/activiteiten?theme=dans-muziek-theater&day=wo&day=za')).main.filter)).toBe(
      JSON.stringify([['"days"="wo"', '"days"="za"'], ['"themes"="dans-muziek-theater"']]),
    );

    expect((await listed('/nl/activiteiten?near=52.37,5.22')).main.sort).toEqual(['_geoPoint(52.37,5.22):asc']);
    expect((await listed('/nl/kaart')).main.hitsPerPage).toBe(250);
  });

  it('searches a place named in the query as a filter, unless the family chose a place or everywhere', async () => {
    const listed = async (address: string) => {
      const {
        requests,
        listedAt: [r, i],
      } = await catalogueRequests(page(address).config);
      return { main: requests[r][i], queries: requests[r].length };
    };
    const haven = await listed('/nl/activiteiten?q=muziek+in+haven&age=8');
    expect(haven.main.q).toBe('muziek');
    expect(JSON.stringify(haven.main.filter)).toBe(JSON.stringify([['"ages"="8"'], ['"stadsdeel"="almere-haven"']]));
    // The same as a family that chose the stadsdeel: one more query for the stadsdeel's counts.
    const chosen = await listed('/nl/activiteiten?q=muziek&age=8&stadsdeel=almere-haven');
    expect(haven).toEqual(chosen);

    const wijk = await listed('/nl/activiteiten?q=bijles+kruidenwijk');
    expect(wijk.main.q).toBe('bijles');
    expect(JSON.stringify(wijk.main.filter)).toBe(JSON.stringify([['"wijk"="kruidenwijk"']]));

    const everywhere = await listed('/nl/activiteiten?q=bijles+kruidenwijk&everywhere=1');
    expect(everywhere.main.q).toBe('bijles kruidenwijk');
    expect(everywhere.main.filter).toBeUndefined();

    const own = await listed('/nl/activiteiten?q=muziek+in+haven&stadsdeel=almere-buiten');
    // The typed words as every query sends them (the rewrite drops filler such as "in").
    expect(own.main.q).toBe(rewriteQuery('muziek in haven'));
    expect(own.main.q).toContain('haven');
    expect(JSON.stringify(own.main.filter)).toBe(JSON.stringify([['"stadsdeel"="almere-buiten"']]));
  });

  it('asks for highlights only where the loosened-words notice reads them: the list’s first page with two words or more', async () => {
    const highlights = async (address: string) => {
      const {
        requests,
        listedAt: [r, i],
      } = await catalogueRequests(page(address).config);
      return requests[r][i].attributesToHighlight;
    };
    expect(await highlights('/nl/activiteiten?q=judo+zwemmen')).toEqual(
      expect.arrayContaining(['title', 'keywords', 'summary']),
    );
    // One word is found or not: nothing to loosen, so no highlights (also not in a dream sentence).
    expect(await highlights('/nl/activiteiten?q=judo')).toEqual([]);
    expect(await highlights('/nl/activiteiten?q=ik+wil+later+dokter+worden')).toEqual([]);
    expect(await highlights('/nl/activiteiten?q=judo+zwemmen&page=2')).toEqual([]);
    expect(await highlights('/nl/activiteiten?theme=sport-bewegen')).toEqual([]);
    // Only a place: no words left to check.
    expect(await highlights('/nl/activiteiten?q=almere+haven')).toEqual([]);
    expect(await highlights('/nl/kaart?q=judo')).toEqual([]);
  });

  it('keeps the typed words and the family’s own filters in the state the URL is written from', () => {
    const { state } = page('/nl/activiteiten?q=muziek+in+haven&age=8');
    expect(state).toMatchObject({ q: 'muziek in haven', everywhere: false });
    expect(state.refinements.stadsdeel).toEqual([]);
  });
});
