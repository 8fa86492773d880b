import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_UNVERSIONED, CACHE_VERSIONED, proxyUpload, uploadCacheControl, uploadType } from './uploads.ts';

describe('uploadType', () => {
  it('knows the image names the cms writes', () => {
    expect(uploadType('avif_640_voorbeeld_sport_bewegen_1a2b3c.avif')).toBe('image/avif');
    expect(uploadType('webp_320_x.webp')).toBe('image/webp');
    expect(uploadType('small_foto_1a2b.JPG')).toBe('image/jpeg');
    expect(uploadType('logo.png')).toBe('image/png');
  });

  it('refuses other files, paths and traversal', () => {
    for (const bad of [
      undefined,
      '',
      '..',
      '../x.jpg',
      '..%2Fx.jpg',
      'a/b.jpg',
      '.env',
      'x.svg',
      'x.html',
      'x.jpg.html',
      'x..jpg',
      '-x.jpg',
      'x.jpg\u0000',
      `${'a'.repeat(200)}.jpg`,
    ]) {
      expect(uploadType(bad), String(bad)).toBeNull();
    }
  });
});

describe('uploadCacheControl', () => {
  it('keeps versioned addresses for good, others an hour', () => {
    expect(uploadCacheControl('?v=mcz1k2')).toBe(CACHE_VERSIONED);
    expect(uploadCacheControl('')).toBe(CACHE_UNVERSIONED);
    expect(uploadCacheControl('?v=1&x=2')).toBe(CACHE_UNVERSIONED);
  });
});

// proxyUpload against a local HTTP server that answers like the cms' static /uploads.
describe('proxyUpload', () => {
  let server: Server;
  let cmsUrl = '';
  const seen: { url: string; method: string; inm?: string }[] = [];
  const avif = Buffer.from('not really avif, but bytes');

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ url: req.url!, method: req.method!, inm: req.headers['if-none-match'] });
      if (req.url === '/uploads/avif_320_a.avif') {
        if (req.headers['if-none-match'] === '"e1"') return res.writeHead(304, { etag: '"e1"' }).end();
        // The cms' own content type is not trusted.
        res.writeHead(200, {
          'content-type': 'text/html',
          'content-length': avif.length,
          etag: '"e1"',
          'last-modified': 'Wed, 01 Jan 2026 00:00:00 GMT',
        });
        return res.end(req.method === 'HEAD' ? undefined : avif);
      }
      if (req.url === '/uploads/kapot.jpg') return res.writeHead(500).end('boom');
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cmsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const get = (path: string, init?: RequestInit) => new Request(`http://site.test${path}`, init);

  it('streams an image with its type from the name and long caching for a versioned address', async () => {
    const res = await proxyUpload(get('/uploads/avif_320_a.avif?v=mcz1'), 'avif_320_a.avif', { cmsUrl });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(avif);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'content-type': 'image/avif',
      'content-length': String(avif.length),
      'cache-control': CACHE_VERSIONED,
      etag: '"e1"',
      'x-content-type-options': 'nosniff',
    });
    expect(seen.at(-1)).toMatchObject({ url: '/uploads/avif_320_a.avif', method: 'GET' });
  });

  it('passes conditional requests and HEAD on', async () => {
    const notModified = await proxyUpload(
      get('/uploads/avif_320_a.avif', { headers: { 'if-none-match': '"e1"' } }),
      'avif_320_a.avif',
      { cmsUrl },
    );
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('cache-control')).toBe(CACHE_UNVERSIONED);
    const head = await proxyUpload(get('/uploads/avif_320_a.avif', { method: 'HEAD' }), 'avif_320_a.avif', { cmsUrl });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(avif.length));
    expect(seen.at(-1)?.method).toBe('HEAD');
  });

  it('never asks the cms for anything but an image upload', async () => {
    const before = seen.length;
    for (const name of ['../admin', '..%2F..%2Fapi%2Fusers', 'x.svg', undefined]) {
      expect((await proxyUpload(get('/uploads/x'), name, { cmsUrl })).status).toBe(404);
    }
    expect((await proxyUpload(get('/uploads/a.jpg', { method: 'POST' }), 'a.jpg', { cmsUrl })).status).toBe(405);
    expect(seen.length).toBe(before);
  });

  it('answers 404 for a missing file and 502 when the cms fails or is away', async () => {
    expect((await proxyUpload(get('/uploads/nope.jpg'), 'nope.jpg', { cmsUrl })).status).toBe(404);
    expect((await proxyUpload(get('/uploads/kapot.jpg'), 'kapot.jpg', { cmsUrl })).status).toBe(502);
    const away = await proxyUpload(get('/uploads/a.jpg'), 'a.jpg', { cmsUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });
    expect(away.status).toBe(502);
    expect(away.headers.get('cache-control')).toBe('no-store');
  });
});
