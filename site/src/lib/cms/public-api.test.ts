import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// lib/cms/public-api.ts against a local HTTP server that answers like the cms' public REST API: the cache
// sits in front of real fetches, and the server counts what reaches it.

const row = (slug: string, locale: string, title: string) => ({
  documentId: `doc-${slug}`,
  locale,
  title,
  slug,
  kind: 'cursus',
  offerType: 'ontwikkeling',
  summary: 'Je leert zwemmen in een klein groepje.',
  audience: 'kind',
  ageMin: 5,
  ageMax: 10,
  costType: 'gratis',
  scheduleType: 'doorlopend',
  howToJoin: 'aanmelden',
  updatedAt: '2026-11-01T10:00:00.000Z',
  themes: [],
  places: [],
  organisation: null,
});

let server: Server;
let requests: URL[] = [];
let status = 200;
let delayMs = 50;
/** slug → locale → title; a missing entry is "not published in that locale". */
let published: Record<string, Record<string, string>> = {};
let cms: typeof import('./public-api.ts');

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://cms.test');
    requests.push(url);
    setTimeout(() => {
      if (status !== 200) {
        res.writeHead(status, { 'content-type': 'application/json' }).end('{"error":{}}');
        return;
      }
      const slug = url.searchParams.get('filters[slug][$eq]') ?? '';
      const locale = url.searchParams.get('locale') ?? 'nl';
      const title = published[slug]?.[locale];
      const data = url.pathname === '/api/activities' && title ? [row(slug, locale, title)] : [];
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(
          JSON.stringify({ data, meta: { pagination: { page: 1, pageSize: 1, pageCount: 1, total: data.length } } }),
        );
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.CMS_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.SITE_CMS_CACHE_SECONDS = '30';
  cms = await import('./public-api.ts'); // reads CMS_URL and SITE_CMS_CACHE_SECONDS at import
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  requests = [];
  status = 200;
  delayMs = 50;
  published = {};
});

describe('cms reads through the cache', () => {
  it('50 concurrent page renders of one activity make one request to the cms, and later renders none', async () => {
    published = { zwemles: { nl: 'Zwemles' } };
    const pages = await Promise.all(Array.from({ length: 50 }, () => cms.activityForPage('zwemles', 'nl')));
    expect(pages.every((p) => p?.activity.title === 'Zwemles' && p.fallback === false)).toBe(true);
    expect(requests).toHaveLength(1);
    expect(requests[0].pathname).toBe('/api/activities');
    expect(requests[0].searchParams.get('filters[slug][$eq]')).toBe('zwemles');

    await cms.activityForPage('zwemles', 'nl');
    expect(requests).toHaveLength(1);
  });

  it('caches the Dutch fallback of an untranslated activity as one answer for that locale', async () => {
    published = { judo: { nl: 'Judo' } };
    const first = await Promise.all(Array.from({ length: 10 }, () => cms.activityForPage('judo', 'en')));
    expect(first.every((p) => p?.activity.title === 'Judo' && p.fallback === true)).toBe(true);
    expect(requests.map((u) => u.searchParams.get('locale'))).toEqual(['en', 'nl']);
    await cms.activityForPage('judo', 'en');
    expect(requests).toHaveLength(2);
  });

  it('hands a failed read to the page as an error (503), not as "not found"', async () => {
    status = 503;
    await expect(cms.activityForPage('dans', 'nl')).rejects.toThrow('cms answered 503');
  });

  it('asks the cms again for an activity not found a few seconds ago', async () => {
    expect(await cms.activityForPage('robotbouwen', 'nl')).toBeNull();
    published = { robotbouwen: { nl: 'Robotbouwen' } };
    expect(await cms.activityForPage('robotbouwen', 'nl')).toBeNull(); // within NEGATIVE_MS
    await new Promise((r) => setTimeout(r, 3_100));
    expect((await cms.activityForPage('robotbouwen', 'nl'))?.activity.title).toBe('Robotbouwen');
    expect(requests).toHaveLength(2);
  });

  it('marks good pages cacheable by a CDN for the same time, and 404/503 not', () => {
    const ok = new Headers();
    cms.setPageCaching(ok, true);
    expect(ok.get('cache-control')).toBe('public, max-age=0, s-maxage=30, stale-while-revalidate=30');
    expect(ok.get('vary')).toBe('Cookie');
    const missing = new Headers();
    cms.setPageCaching(missing, false);
    expect(missing.get('cache-control')).toBe('no-store');
  });
});

describe('localisedList', () => {
  const activity = (slug: string, locale: string, title: string) => {
    const r = row(slug, locale, title);
    return { ...r, themes: [], places: [], images: [], exceptionDates: [] } as unknown as Parameters<
      typeof cms.localisedList
    >[0][number];
  };

  it('lists an activity the cms answered several times once, translated where it can', () => {
    const stadspas = activity('stadspas', 'nl', 'Stadspas');
    const dutch = [stadspas, activity('jeugdfonds', 'nl', 'Jeugdfonds'), stadspas, stadspas, stadspas];
    const list = cms.localisedList(dutch, [activity('jeugdfonds', 'en', 'Youth fund')], 'en');
    expect(list.map((i) => [i.activity.title, i.fallback])).toEqual([
      ['Stadspas', true],
      ['Youth fund', false],
    ]);
  });
});
