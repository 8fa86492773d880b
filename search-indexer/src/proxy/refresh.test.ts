import type { SearchDocument } from '@droomkaart/shared';
import { describe, expect, it } from 'vitest';
import type { SearchEngine } from '../meilisearch/search-engine.ts';
import { createPageRefresher, pagePaths, REFRESH_HEADER, refreshRequests } from './refresh.ts';

describe('pagePaths', () => {
  it('gives the offer page and its organisation page per locale, each once', () => {
    expect(
      pagePaths([
        { locale: 'nl', slug: 'zwemles', organisation: 'zwemclub' },
        { locale: 'en', slug: 'zwemles', organisation: 'zwemclub' },
        { locale: 'nl', slug: 'judo', organisation: 'zwemclub' },
        { locale: 'nl', slug: 'losse-les', organisation: null },
      ]),
    ).toEqual([
      '/nl/activiteiten/zwemles',
      '/nl/organisaties/zwemclub',
      '/en/activiteiten/zwemles',
      '/en/organisaties/zwemclub',
      '/nl/activiteiten/judo',
      '/nl/activiteiten/losse-les',
    ]);
  });
});

describe('refreshRequests', () => {
  it('asks for every page without an edition cookie and with each edition', () => {
    expect(refreshRequests(['/nl/activiteiten/zwemles'], ['kind', 'jong'])).toEqual([
      { path: '/nl/activiteiten/zwemles', edition: null },
      { path: '/nl/activiteiten/zwemles', edition: 'kind' },
      { path: '/nl/activiteiten/zwemles', edition: 'jong' },
    ]);
  });
});

describe('createPageRefresher', () => {
  const doc = (slug: string, organisation: string | null) => ({ slug, organisation }) as SearchDocument;
  const engine = () => {
    const calls: string[] = [];
    return {
      calls,
      engine: {
        upsert: async (locale: string, docs: SearchDocument[]) => void calls.push(`upsert ${locale} ${docs.length}`),
        remove: async (locale: string, ids: string[]) => void calls.push(`remove ${locale} ${ids.join(',')}`),
        pagesOf: async () => [doc('oud-aanbod', 'oude-club')],
      } as unknown as SearchEngine,
    };
  };

  it('refreshes, after the sync, the pages of what was put in and taken out, with the secret', async () => {
    const sent: { url: string; secret: string | null; cookie: string | null }[] = [];
    const refresher = createPageRefresher({
      urls: ['http://proxy.test/'],
      secret: 's'.repeat(24),
      fetch: (async (url: string, init: RequestInit) => {
        const h = new Headers(init.headers);
        sent.push({ url, secret: h.get(REFRESH_HEADER), cookie: h.get('cookie') });
        return new Response('ok');
      }) as typeof fetch,
    });
    const { calls, engine: inner } = engine();
    const watched = refresher.watch(inner);
    await watched.upsert('nl', [doc('zwemles', 'zwemclub')]);
    await watched.remove('nl', ['gone']);
    expect(calls).toEqual(['upsert nl 1', 'remove nl gone']);
    expect(sent).toEqual([]);
    refresher.flush();
    await refresher.idle();
    const urls = [...new Set(sent.map((s) => s.url))].sort();
    expect(urls).toEqual([
      'http://proxy.test/nl/activiteiten/oud-aanbod',
      'http://proxy.test/nl/activiteiten/zwemles',
      'http://proxy.test/nl/organisaties/oude-club',
      'http://proxy.test/nl/organisaties/zwemclub',
    ]);
    expect(sent).toHaveLength(4 * 3);
    expect(sent.every((s) => s.secret === 's'.repeat(24))).toBe(true);
    expect(sent.filter((s) => s.cookie === null)).toHaveLength(4);
    // Nothing noted since: nothing sent again.
    refresher.flush();
    await refresher.idle();
    expect(sent).toHaveLength(12);
  });

  it('logs a failed refresh and never fails the sync', async () => {
    const logs: string[] = [];
    const refresher = createPageRefresher({
      urls: ['http://proxy.test'],
      secret: 's'.repeat(24),
      log: (m) => logs.push(m),
      fetch: async () => {
        throw new Error('connection refused');
      },
    });
    await refresher.watch(engine().engine).upsert('nl', [doc('zwemles', null)]);
    refresher.flush();
    await refresher.idle();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(
      /page refresh http:\/\/proxy.test\/nl\/activiteiten\/zwemles failed \(connection refused\)/,
    );
  });

  it('does nothing without an address', async () => {
    const { engine: inner } = engine();
    expect(createPageRefresher({ urls: [], secret: 's'.repeat(24) }).watch(inner)).toBe(inner);
  });
});
