// The cms' uploaded images on the site's own origin (`/uploads/<name>`, pages/uploads/[file].ts):
// pages then load everything from one origin (no cms address in the HTML, `img-src 'self'` for a
// Content Security Policy). Only image files directly in the cms' /uploads/ folder are passed on.

/** A name the cms' local provider writes (`avif_640_zwem_1a2b3c.avif`): one segment, no traversal. */
const UPLOAD_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*\.(avif|webp|jpe?g|png|gif)$/i;
const MAX_NAME = 200;

const TYPES: Record<string, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
};

/** Pure: the content type of an upload name the site passes on, or null for any other name. */
export function uploadType(name: string | undefined): string | null {
  if (!name || name.length > MAX_NAME) return null;
  const m = UPLOAD_NAME.exec(name);
  return m ? TYPES[m[1].toLowerCase()] : null;
}

/**
 * A versioned address (`?v=…`, lib/activity/images.ts) never changes content: browsers and CDNs may keep it
 * for a year. Without a version (an address typed by hand) an hour, then revalidated.
 */
export const CACHE_VERSIONED = 'public, max-age=31536000, immutable';
export const CACHE_UNVERSIONED = 'public, max-age=3600, stale-while-revalidate=86400';

/** Pure: the Cache-Control of an upload address. */
export function uploadCacheControl(search: string): string {
  return /^\?v=[a-z0-9]{1,16}$/i.test(search) ? CACHE_VERSIONED : CACHE_UNVERSIONED;
}

/**
 * Streams `/uploads/<name>` from the cms. GET and HEAD only; conditional requests are passed on.
 * 404 for names that are not an image upload, and for files the cms does not have; 502 when the
 * cms does not answer. The content type comes from the name, never from the cms.
 */
export async function proxyUpload(
  request: Request,
  name: string | undefined,
  options: { cmsUrl: string; fetch?: typeof fetch; timeoutMs?: number },
): Promise<Response> {
  const type = uploadType(name);
  const method = request.method === 'HEAD' ? 'HEAD' : 'GET';
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
  if (!type) return notFound();
  const forward = new Headers();
  for (const h of ['if-none-match', 'if-modified-since']) {
    const value = request.headers.get(h);
    if (value) forward.set(h, value);
  }
  let upstream: Response;
  try {
    upstream = await (options.fetch ?? fetch)(
      `${options.cmsUrl.replace(/\/$/, '')}/uploads/${encodeURIComponent(name!)}`,
      {
        method,
        headers: forward,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      },
    );
  } catch (err) {
    console.warn(`[site] upload ${name}: cms unreachable (${(err as Error).message})`);
    return new Response(null, { status: 502, headers: { 'cache-control': 'no-store' } });
  }
  const headers = new Headers({
    'cache-control': uploadCacheControl(new URL(request.url).search),
    'x-content-type-options': 'nosniff',
  });
  for (const h of ['etag', 'last-modified']) {
    const value = upstream.headers.get(h);
    if (value) headers.set(h, value);
  }
  if (upstream.status === 304) {
    await upstream.body?.cancel();
    return new Response(null, { status: 304, headers });
  }
  if (upstream.status === 404) {
    await upstream.body?.cancel();
    return notFound();
  }
  if (upstream.status !== 200) {
    await upstream.body?.cancel();
    console.warn(`[site] upload ${name}: cms answered ${upstream.status}`);
    return new Response(null, { status: 502, headers: { 'cache-control': 'no-store' } });
  }
  headers.set('content-type', type);
  const length = upstream.headers.get('content-length');
  if (length) headers.set('content-length', length);
  return new Response(method === 'HEAD' ? null : upstream.body, { status: 200, headers });
}

function notFound(): Response {
  return new Response(null, { status: 404, headers: { 'cache-control': 'public, max-age=60' } });
}
