import { describe, expect, it } from 'vitest';
import { searchForm } from '@droomkaart/shared';
import { CLIENT_OPTIONS, createSearchClient, rewriteRequests } from './search-client.ts';

describe('the catalogue’s search client', () => {
  it('sends the rewritten query and leaves the typed request as it was', () => {
    const typed = [{ indexName: 'activities_nl', params: { query: 'Ik wil later kapster worden', page: 0 } }];
    const [sent] = rewriteRequests(typed);
    expect(sent.params?.query).toContain(searchForm('kapper'));
    expect(sent.params?.query).not.toContain('later');
    expect(sent.params?.page).toBe(0);
    expect(typed[0].params.query).toBe('Ik wil later kapster worden');
    expect(rewriteRequests([{ indexName: 'activities_nl', params: { query: '' } }])[0].params?.query).toBe('');
  });

  it('drops the commonest words first when nothing has them all', () => {
    expect(CLIENT_OPTIONS.meiliSearchParams?.matchingStrategy).toBe('frequency');
  });

  it('puts the rewritten query in what goes to Meilisearch', async () => {
    const bodies: unknown[] = [];
    const client = createSearchClient('http://127.0.0.1:1', 'key', (_url, init) => {
      bodies.push(JSON.parse(typeof init?.body === 'string' ? init.body : '{}'));
      return Promise.resolve({ results: [] });
    });
    await client
      .search([{ indexName: 'activities_nl', params: { query: 'mijn droom is dierenarts' } }] as never)
      .catch(() => undefined);
    expect(JSON.stringify(bodies)).toContain(`"q":"${searchForm('dierenarts')}"`);
    expect(JSON.stringify(bodies)).not.toContain('droom');
  });

  it('asks a search with words that finds nothing again with the last words dropped first', async () => {
    const strategies: string[] = [];
    const answer = (q: { indexUid: string; q?: string; matchingStrategy?: string }) => {
      if (q.q) strategies.push(`${q.q}:${q.matchingStrategy ?? ''}`);
      const found = q.matchingStrategy === 'last' ? [{ id: 'a', title: 'Meelopen in de zorg' }] : [];
      return {
        indexUid: q.indexUid,
        hits: found,
        query: q.q ?? '',
        processingTimeMs: 1,
        hitsPerPage: 20,
        page: 1,
        totalPages: 1,
        totalHits: found.length,
        facetDistribution: {},
      };
    };
    const httpClient = (_url: unknown, init?: RequestInit) =>
      Promise.resolve({
        results: (
          JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as { queries: Parameters<typeof answer>[0][] }
        ).queries.map(answer),
      });
    const search = (client: ReturnType<typeof createSearchClient>, query: string) =>
      client.search([{ indexName: 'activities_nl', params: { query, hitsPerPage: 20, page: 0 } }] as never) as Promise<{
        results: { nbHits: number }[];
      }>;

    const looser = createSearchClient('http://127.0.0.1:1', 'key', httpClient, { looserWhenEmpty: true });
    expect((await search(looser, 'zorg ziekenhuis')).results[0].nbHits).toBe(1);
    expect(strategies).toEqual(['zorg ziekenhuis:frequency', 'zorg ziekenhuis:last']);

    // A browse without words is not asked again; a recording client (no option) never is.
    strategies.length = 0;
    expect((await search(looser, '')).results[0].nbHits).toBe(0);
    expect(
      (await search(createSearchClient('http://127.0.0.1:1', 'key', httpClient), 'zorg ziekenhuis')).results[0].nbHits,
    ).toBe(0);
    expect(strategies).toEqual(['zorg ziekenhuis:frequency']);
  });
});
