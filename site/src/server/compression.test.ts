import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptedEncoding,
  dynamicCompression,
  precompress,
  precompressedFiles,
  staticEncoding,
} from './compression.ts';

const text = (n: number) => 'Zwemles voor kinderen in Almere Haven. '.repeat(Math.ceil(n / 39)).slice(0, n);

describe('precompress', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'precompress-'));
    mkdirSync(join(dir, '_astro'));
    writeFileSync(join(dir, '_astro', 'a.js'), text(20_000));
    writeFileSync(join(dir, '_astro', 'b.css'), text(5_000));
    writeFileSync(join(dir, 'small.svg'), '<svg/>');
    writeFileSync(join(dir, '_astro', 'photo.webp'), text(5_000));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes .br and .gz beside text files that decode to the same bytes, and skips small and binary files', () => {
    expect(precompress(dir).sort()).toEqual(['_astro/a.js', '_astro/b.css']);
    const plain = readFileSync(join(dir, '_astro', 'a.js'));
    const br = readFileSync(join(dir, '_astro', 'a.js.br'));
    const gz = readFileSync(join(dir, '_astro', 'a.js.gz'));
    expect(brotliDecompressSync(br).equals(plain)).toBe(true);
    expect(gunzipSync(gz).equals(plain)).toBe(true);
    expect(br.length).toBeLessThan(plain.length / 10);
    expect(existsSync(join(dir, 'small.svg.br'))).toBe(false);
    expect(existsSync(join(dir, '_astro', 'photo.webp.br'))).toBe(false);
  });

  it('lists the precompressed files by their URL path', () => {
    expect([...precompressedFiles(dir)].sort()).toEqual(['/_astro/a.js', '/_astro/b.css']);
    expect(precompressedFiles(join(dir, 'missing')).size).toBe(0);
  });
});

describe('acceptedEncoding', () => {
  it('prefers brotli, honours q-values and refuses what is not asked for', () => {
    expect(acceptedEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(acceptedEncoding('gzip, deflate')).toBe('gzip');
    expect(acceptedEncoding('br;q=0.5, gzip')).toBe('gzip');
    expect(acceptedEncoding('br;q=0, gzip;q=0')).toBeNull();
    expect(acceptedEncoding('identity')).toBeNull();
    expect(acceptedEncoding('*')).toBe('br');
    expect(acceptedEncoding(undefined)).toBeNull();
  });
});

describe('staticEncoding', () => {
  const files = new Set(['/_astro/a.js', '/_astro/b.css']);
  it('points a request that accepts brotli at the .br file, with the type of the original', () => {
    expect(staticEncoding('GET', '/_astro/a.js?v=1', 'gzip, br', files)).toEqual({
      url: '/_astro/a.js.br?v=1',
      headers: { vary: 'Accept-Encoding', 'content-type': 'text/javascript; charset=utf-8', 'content-encoding': 'br' },
    });
    expect(staticEncoding('HEAD', '/_astro/b.css', 'gzip', files)).toEqual({
      url: '/_astro/b.css.gz',
      headers: { vary: 'Accept-Encoding', 'content-type': 'text/css; charset=utf-8', 'content-encoding': 'gzip' },
    });
  });

  it('keeps the plain file (with Vary) when nothing is accepted, and leaves other requests alone', () => {
    expect(staticEncoding('GET', '/_astro/a.js', undefined, files)).toEqual({
      url: '/_astro/a.js',
      headers: { vary: 'Accept-Encoding' },
    });
    expect(staticEncoding('POST', '/_astro/a.js', 'br', files)).toBeNull();
    expect(staticEncoding('GET', '/nl/kaart', 'br', files)).toBeNull();
    expect(staticEncoding('GET', '/_astro/%E0%A4%A', 'br', files)).toBeNull();
  });
});

describe('dynamicCompression', () => {
  let server: Server;
  let port: number;
  const compress = dynamicCompression();
  const page = `<!doctype html><p>${text(30_000)}</p>`;
  beforeAll(async () => {
    server = createServer((req, res) => {
      compress(req, res);
      if (req.url === '/image') {
        res.setHeader('content-type', 'image/webp');
        res.end(Buffer.from(text(5_000)));
      } else if (req.url === '/stream') {
        // A streamed page: the first part must arrive before the rest is written.
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.write(page.slice(0, 10_000));
        setTimeout(() => res.end(page.slice(10_000)), 300);
      } else {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(page);
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const get = (path: string, encoding?: string, onFirstChunk?: () => void) =>
    new Promise<{ headers: Record<string, unknown>; body: Buffer; firstChunkAt: number; endAt: number }>(
      (resolve, reject) => {
        const started = Date.now();
        const req = httpRequest({ port, path, headers: encoding ? { 'accept-encoding': encoding } : {} }, (res) => {
          const chunks: Buffer[] = [];
          let firstChunkAt = -1;
          res.on('data', (c: Buffer) => {
            if (firstChunkAt < 0) {
              firstChunkAt = Date.now() - started;
              onFirstChunk?.();
            }
            chunks.push(c);
          });
          res.on('end', () =>
            resolve({ headers: res.headers, body: Buffer.concat(chunks), firstChunkAt, endAt: Date.now() - started }),
          );
        });
        req.on('error', reject);
        req.end();
      },
    );

  it('sends brotli or gzip when asked, plain when not, always the same page and Vary', async () => {
    const br = await get('/', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(page);
    expect(br.body.length).toBeLessThan(page.length / 10);
    const gz = await get('/', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(page);
    const plain = await get('/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(page);
    for (const r of [br, gz, plain]) expect(r.headers.vary).toBe('Accept-Encoding');
  });

  it('leaves images alone', async () => {
    const image = await get('/image', 'br, gzip');
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.body.toString()).toBe(text(5_000));
  });

  it('keeps a streamed page streaming: the first part arrives before the rest is written', async () => {
    const r = await get('/stream', 'br');
    expect(r.firstChunkAt).toBeLessThan(250);
    expect(r.endAt).toBeGreaterThanOrEqual(290);
    expect(brotliDecompressSync(r.body).toString()).toBe(page);
  });
});
