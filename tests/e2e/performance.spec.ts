// Fast on a cheap phone (issue 17): compressed answers and a meta description on every public page.
// Request-only (no browser): the bytes as the server sent them, through node:http, which decodes
// nothing, so the test sees the real Content-Encoding and decodes it itself.
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { indexName, locales } from '@droomkaart/shared';
import { SEEDED } from './pages-support.ts';
import { stackInfo } from './stack-info.ts';

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** A GET as a browser with `acceptEncoding` sends it (none: no header), raw bytes. */
function rawGet(baseURL: string, path: string, acceptEncoding?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      new URL(path, baseURL),
      { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function decoded(raw: Raw): Buffer {
  const encoding = raw.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(raw.body);
  if (encoding === 'gzip') return gunzipSync(raw.body);
  expect(encoding ?? 'identity').toBe('identity');
  return raw.body;
}

/**
 * What may differ between two renders of the same page: the letterbox's hidden fields (the time it
 * was shown, its anti-abuse check) and an island's attributes (Astro's random id, render time, props).
 */
const stable = (html: string) =>
  html
    .replace(/(<input[^>]*type="hidden"[^>]*value=")[^"]*"/g, '$1"')
    .replace(/<astro-island\b[^>]*>/g, '<astro-island>');

function publicPages(locale: string) {
  return [
    { name: 'home (0–12)', path: `/${locale}/` },
    { name: 'home (036)', path: `/${locale}/036` },
    { name: 'catalogue', path: `/${locale}/activiteiten` },
    { name: 'map', path: `/${locale}/kaart` },
    { name: 'activity', path: `/${locale}/activiteiten/${SEEDED.weekly}` },
    { name: 'organisations', path: `/${locale}/organisaties` },
    { name: 'organisation', path: `/${locale}/organisaties/${SEEDED.organisation}` },
    { name: 'regelingen', path: `/${locale}/regelingen` },
    { name: 'letterbox (0–12)', path: `/${locale}/droom` },
    { name: 'letterbox (036)', path: `/${locale}/036/droom` },
    { name: 'privacy', path: `/${locale}/privacy` },
  ];
}

const ENCODINGS = [
  { accept: 'gzip, deflate, br, zstd', expected: 'br' },
  { accept: 'gzip, deflate', expected: 'gzip' },
  { accept: undefined, expected: undefined },
  { accept: 'identity', expected: undefined },
];

test.describe('compression', () => {
  test('every public page type answers brotli or gzip when asked, plain when not, the same page', async ({
    baseURL,
  }) => {
    for (const { name, path } of publicPages('nl')) {
      const answers: string[] = [];
      for (const { accept, expected } of ENCODINGS) {
        const raw = await rawGet(baseURL!, path, accept);
        expect(raw.status, `${name} ${path}`).toBe(200);
        expect(raw.headers['content-encoding'], `${name} ${path} (${accept})`).toBe(expected);
        expect(String(raw.headers.vary ?? ''), `${name} ${path}`).toMatch(/accept-encoding/i);
        const html = decoded(raw);
        if (expected) expect(raw.body.length, `${name} ${path}: compressed`).toBeLessThan(html.length / 2);
        answers.push(stable(html.toString('utf8')));
      }
      for (const a of answers.slice(1)) expect(a, `${name} ${path}: same page in every encoding`).toBe(answers[0]);
    }
  });

  test('scripts, styles and the map code come precompressed; JSON on the fly; images as they are', async ({
    baseURL,
  }) => {
    const map = decoded(await rawGet(baseURL!, '/nl/kaart', 'br')).toString('utf8');
    const catalogue = decoded(await rawGet(baseURL!, '/nl/activiteiten', 'br')).toString('utf8');
    const assets = new Set(
      [...(map + catalogue).matchAll(/(?:href|src|component-url|renderer-url)="(\/_astro\/[^"]+\.(?:js|css))"/g)].map(
        (m) => m[1],
      ),
    );
    // The CSS is in the pages themselves (astro.config.mjs, inlineStylesheets); any stylesheet left is checked too.
    expect([...assets].some((a) => a.endsWith('.js'))).toBe(true);
    // The map's MapLibre chunk, imported by the map script (the largest file of the site).
    for (const script of [...assets].filter((a) => a.endsWith('.js'))) {
      const code = decoded(await rawGet(baseURL!, script, 'br')).toString('utf8');
      for (const m of code.matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)) assets.add(`/_astro/${m[1]}`);
    }
    let largest = 0;
    for (const asset of assets) {
      const plain = await rawGet(baseURL!, asset);
      expect(plain.headers['content-encoding'], asset).toBeUndefined();
      if (plain.body.length < 1024) continue;
      largest = Math.max(largest, plain.body.length);
      for (const { accept, expected } of ENCODINGS.filter((e) => e.expected)) {
        const raw = await rawGet(baseURL!, asset, accept);
        expect(raw.status, asset).toBe(200);
        expect(raw.headers['content-encoding'], `${asset} (${accept})`).toBe(expected);
        expect(raw.headers['content-type'], asset).toBe(plain.headers['content-type']);
        expect(raw.headers.vary, asset).toMatch(/accept-encoding/i);
        expect(raw.headers['cache-control'], asset).toBe(plain.headers['cache-control']);
        expect(raw.headers.etag, `${asset}: another ETag per encoding`).not.toBe(plain.headers.etag);
        expect(Number(raw.headers['content-length']), asset).toBe(raw.body.length);
        expect(decoded(raw).equals(plain.body), `${asset} decodes to the same bytes`).toBe(true);
        expect(raw.body.length, asset).toBeLessThan(plain.body.length / 2);
      }
    }
    expect(largest, 'the MapLibre chunk was among the files').toBeGreaterThan(500_000);

    // The search API's JSON, compressed while it is written.
    const search = {
      queries: [{ indexUid: indexName('nl', stackInfo().env.INDEX_PREFIX || undefined), q: '', limit: 20 }],
    };
    for (const { accept, expected } of ENCODINGS) {
      const raw = await new Promise<Raw>((resolve, reject) => {
        const req = httpRequest(
          new URL('/api/search/multi-search', baseURL),
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              origin: new URL(baseURL!).origin,
              ...(accept ? { 'accept-encoding': accept } : {}),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
            );
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify(search));
      });
      expect(raw.status).toBe(200);
      expect(raw.headers['content-type']).toMatch(/json/);
      if (decoded(raw).length >= 1024) expect(raw.headers['content-encoding'], `search (${accept})`).toBe(expected);
      expect(() => JSON.parse(decoded(raw).toString('utf8'))).not.toThrow();
    }

    // A photo (AVIF/WebP/JPEG): compressed already, never encoded again.
    const activity = decoded(await rawGet(baseURL!, `/nl/activiteiten/${SEEDED.weekly}`, 'br')).toString('utf8');
    const photo = /(\/uploads\/[^"\s,]+\.(?:avif|webp|jpe?g|png))/.exec(activity)?.[1];
    expect(photo, 'the activity page shows a photo').toBeTruthy();
    const image = await rawGet(baseURL!, photo!, 'gzip, deflate, br');
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toMatch(/^image\//);
    expect(image.headers['content-encoding']).toBeUndefined();
  });
});

test.describe('meta description', () => {
  for (const locale of locales) {
    test(`every public page type in ${locale} describes itself`, async ({ playwright, baseURL }) => {
      const seen = new Map<string, string>();
      for (const { name, path } of publicPages(locale)) {
        // A visitor without an edition cookie (a home sets one, and the letterbox then wears it).
        const request = await playwright.request.newContext({ baseURL });
        const html = await (await request.get(path)).text();
        await request.dispose();
        const metas = [...html.matchAll(/<meta name="description" content="([^"]*)"/g)].map((m) => m[1]);
        expect(metas, `${name} ${path}: one description`).toHaveLength(1);
        const text = metas[0];
        expect(text.length, `${name} ${path}`).toBeGreaterThan(20);
        expect(text.length, `${name} ${path}`).toBeLessThanOrEqual(160);
        expect(text.toLowerCase(), `${name} ${path}`).not.toMatch(/armoede|poverty|meta\.|\{\{/);
        const other = seen.get(text);
        expect(other, `${name} and ${other} share a description`).toBeUndefined();
        seen.set(text, name);
      }
    });
  }
});
