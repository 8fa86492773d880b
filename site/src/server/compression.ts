import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import compression from 'compression';
import { contentType } from 'mime-types';
import Negotiator from 'negotiator';

// Compressed answers for a cheap phone on a slow connection (issue 17). Two paths:
// - Static files (dist/client: the scripts, styles and the map's code) are compressed once at build
//   time (`precompress`, called by astro.config.mjs after the build): brotli at its best quality and
//   gzip beside each file (`a.js.br`, `a.js.gz`). A request that accepts one gets that file
//   (`staticEncoding`, src/server/startup.ts rewrites the path before the adapter's static handler
//   reads it) with the type of the original and `Content-Encoding`; every other request the plain file.
// - Everything else the process answers (pages, JSON, calendar files) is compressed while it is
//   written (`dynamicCompression`, the `compression` middleware on Node's response), brotli at a
//   quality that costs about as much as gzip, each written chunk flushed so a streamed page still
//   arrives piece by piece. Images and other compressed types are left as they are (`compressible`),
//   an answer that already has a Content-Encoding (a precompressed file) is not compressed again.
// Both send `Vary: Accept-Encoding`, so a cache keeps the versions apart.

/** Files worth compressing at build time: text formats (images, fonts and archives are compressed already). */
export const PRECOMPRESSED_EXTENSIONS = new Set([
  '.js',
  '.mjs',
  '.css',
  '.svg',
  '.json',
  '.geojson',
  '.html',
  '.txt',
  '.xml',
  '.webmanifest',
  '.map',
]);
/** Below this a compressed answer saves less than its headers cost (the middleware's default too). */
export const MIN_BYTES = 1024;
/** The encodings served, best first. */
export const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
export type Encoding = (typeof ENCODINGS)[number]['name'];

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file of `dir` (and its folders) of at least
 * MIN_BYTES, unless the compressed file is not smaller. Returns the files compressed (paths relative
 * to `dir`, with `/`). Run once per build; running it again rewrites the same files.
 */
export function precompress(dir: string): string[] {
  const done: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && PRECOMPRESSED_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
        const plain = readFileSync(path);
        if (plain.length < MIN_BYTES) continue;
        const br = brotliCompressSync(plain, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
          },
        });
        const gz = gzipSync(plain, { level: constants.Z_BEST_COMPRESSION });
        if (br.length >= plain.length && gz.length >= plain.length) continue;
        writeFileSync(`${path}.br`, br);
        writeFileSync(`${path}.gz`, gz);
        done.push(relative(dir, path).split(sep).join('/'));
      }
    }
  };
  walk(dir);
  return done;
}

/**
 * The URL paths (`/_astro/a.js`) of `dir`'s files that have both compressed versions beside them, read
 * once when the server starts. An empty set when `dir` does not exist (a development server).
 */
export function precompressedFiles(dir: string): Set<string> {
  const files = new Set<string>();
  if (!existsSync(dir)) return files;
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (
        entry.name.endsWith('.br') &&
        existsSync(path.slice(0, -3)) &&
        existsSync(`${path.slice(0, -3)}.gz`) &&
        statSync(path.slice(0, -3)).isFile()
      )
        files.add(`/${relative(dir, path.slice(0, -3)).split(sep).join('/')}`);
    }
  };
  walk(dir);
  return files;
}

/** Pure: the encoding a request accepts best among the given ones (q-values honoured), or null for none. */
export function acceptedEncoding(
  acceptEncoding: string | undefined,
  offered: readonly Encoding[] = ENCODINGS.map((e) => e.name),
): Encoding | null {
  if (!acceptEncoding) return null;
  // negotiator 1.x takes the server's preference (its published types are of 0.6, without it).
  const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }) as unknown as {
    encoding(available: string[], options: { preferred: string[] }): string | undefined;
  };
  const choice = negotiator.encoding([...offered, 'identity'], { preferred: [...offered] });
  return offered.find((e) => e === choice) ?? null;
}

export type StaticChoice = {
  /** The request's new URL (path of the compressed file plus the original query). */
  url: string;
  /** The headers to set before the static handler answers. */
  headers: Record<string, string>;
};

/**
 * Pure: for a GET or HEAD of a precompressed static file, what the adapter's static handler should
 * send: the compressed file when the request accepts it, with the original's type, its encoding and
 * `Vary`; for a plain answer only `Vary` (the URL unchanged). Null when the file has no compressed
 * versions (the request goes on as it came).
 */
export function staticEncoding(
  method: string | undefined,
  url: string | undefined,
  acceptEncoding: string | undefined,
  files: ReadonlySet<string>,
): StaticChoice | null {
  if ((method !== 'GET' && method !== 'HEAD') || !url) return null;
  const q = url.indexOf('?');
  const path = q >= 0 ? url.slice(0, q) : url;
  let decoded: string;
  try {
    decoded = decodeURI(path);
  } catch {
    return null;
  }
  if (!files.has(decoded)) return null;
  const encoding = acceptedEncoding(acceptEncoding);
  const vary = { vary: 'Accept-Encoding' };
  if (!encoding) return { url, headers: vary };
  const suffix = ENCODINGS.find((e) => e.name === encoding)!.suffix;
  const type = contentType(extname(decoded)) || 'application/octet-stream';
  return {
    url: `${path}${suffix}${q >= 0 ? url.slice(q) : ''}`,
    headers: { ...vary, 'content-type': type, 'content-encoding': encoding },
  };
}

/**
 * The on-the-fly compression of every other answer: the `compression` middleware, brotli preferred
 * at quality 4 (about gzip's cost), gzip at its default level, every chunk flushed when written
 * (streamed pages keep streaming). It leaves images and other non-text types, answers under
 * MIN_BYTES, HEAD requests, `Cache-Control: no-transform` and anything already encoded alone.
 */
export function dynamicCompression(): (req: IncomingMessage, res: ServerResponse) => void {
  const middleware = compression({
    threshold: MIN_BYTES,
    flush: constants.Z_SYNC_FLUSH,
    brotli: {
      flush: constants.BROTLI_OPERATION_FLUSH,
      params: { [constants.BROTLI_PARAM_QUALITY]: 4 },
    },
  });
  return (req, res) =>
    middleware(req as Parameters<typeof middleware>[0], res as Parameters<typeof middleware>[1], () => {});
}
