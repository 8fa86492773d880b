import { describe, expect, it } from 'vitest';
import {
  OTHER_MAX_BODY_BYTES,
  SEARCH_MAX_BODY_BYTES,
  bodyTooLarge,
  isUnsafeMethod,
  postLimit,
  postRoute,
  refusalResponse,
} from './post-guard.ts';

describe('post routes and their limits', () => {
  it('knows every route that takes posts', () => {
    expect(postRoute('/nl/droom')).toBe('dream');
    expect(postRoute('/ar/036/droom')).toBe('dream');
    expect(postRoute('/nl/werkplek')).toBe('workspace');
    expect(postRoute('/tr/werkplek/dromen/abc')).toBe('workspace');
    expect(postRoute('/nl/werkplek/uitloggen')).toBe('workspace');
    expect(postRoute('/api/search/multi-search')).toBe('search');
    expect(postRoute('/nl/activiteiten')).toBe('other');
    expect(postLimit('dream', 32768)).toBeNull();
    expect(postLimit('workspace', 32768)).toBe(32768);
    expect(postLimit('search', 32768)).toBe(SEARCH_MAX_BODY_BYTES);
    expect(postLimit('other', 32768)).toBe(OTHER_MAX_BODY_BYTES);
  });

  it('checks every method that can change something', () => {
    expect(['POST', 'put', 'PATCH', 'DELETE'].every(isUnsafeMethod)).toBe(true);
    expect(['GET', 'HEAD', 'OPTIONS'].some(isUnsafeMethod)).toBe(false);
  });
});

describe('bodyTooLarge', () => {
  const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
    new Request('http://site.test/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  const chunked = (sizes: number[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const n of sizes) controller.enqueue(new Uint8Array(n));
        controller.close();
      },
    });

  it('believes a declared length (the parser reads no further)', async () => {
    expect(await bodyTooLarge(post('x'.repeat(10), { 'content-length': '10' }), 10)).toBe(false);
    expect(
      await bodyTooLarge(
        new Request('http://site.test/x', { method: 'POST', headers: { 'content-length': '11' } }),
        10,
      ),
    ).toBe(true);
    expect(
      await bodyTooLarge(new Request('http://site.test/x', { method: 'POST', headers: { 'content-length': 'x' } }), 10),
    ).toBe(true);
  });

  it('reads a chunked body up to the limit, and the page still gets it whole', async () => {
    const small = post(chunked([4, 4]));
    expect(await bodyTooLarge(small, 10)).toBe(false);
    expect((await small.arrayBuffer()).byteLength).toBe(8);
    expect(await bodyTooLarge(post(chunked([6, 6, 6])), 10)).toBe(true);
    expect(await bodyTooLarge(new Request('http://site.test/x', { method: 'POST' }), 10)).toBe(false);
  });
});

describe('refusalResponse', () => {
  const t = (key: string) => `«${key}»`;
  it('answers a page in the language of the reader with a way back, never cached', async () => {
    const res = refusalResponse({
      status: 403,
      route: 'workspace',
      locale: 'ar',
      dir: 'rtl',
      t,
      back: '/ar/werkplek/nieuw?x="1"',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<h1>«error.crossOrigin.title»</h1>');
    expect(html).toContain('href="/ar/werkplek/nieuw?x=&#34;1&#34;"');
    const tooLarge = await refusalResponse({
      status: 413,
      route: 'workspace',
      locale: 'nl',
      dir: 'ltr',
      t,
      back: '/nl/werkplek',
    }).text();
    expect(tooLarge).toContain('«workspace.ui.error.tooLarge»');
  });

  it('answers JSON to the search endpoint', async () => {
    const res = refusalResponse({ status: 413, route: 'search', locale: 'nl', dir: 'ltr', t, back: '/' });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ error: 'request too large' });
  });

  it('says so when the route does not take the method (405)', async () => {
    const page = await refusalResponse({
      status: 405,
      route: 'other',
      locale: 'tr',
      dir: 'ltr',
      t,
      back: '/tr/kaart',
    }).text();
    expect(page).toContain('<h1>«error.methodNotAllowed.title»</h1>');
    expect(page).toContain('«error.methodNotAllowed.text»');
    expect(
      await refusalResponse({ status: 405, route: 'search', locale: 'nl', dir: 'ltr', t, back: '/' }).json(),
    ).toEqual({ error: 'method not allowed' });
  });
});
