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
});
