import { isDreamPath } from '../dream/path.ts';
import { isWorkspacePath } from '../workspace/session.ts';

// Every request that can change something (POST, PUT, PATCH, DELETE) passes two checks in
// src/middleware.ts before its page or endpoint runs: the origin check (lib/http/cross-origin.ts) and a
// body size limit per route. The routes that take posts:
// - the letterboxes, /<locale>/droom and /<locale>/036/droom (form, and JSON for the island's
//   checks): their page refuses kindly itself (a cross-site post and a body over
//   DREAM_MAX_BODY_BYTES, 16 KB, show the form with a notice), so here only the origin is marked;
// - the workspace, /<locale>/werkplek/** (sign-in, sign-out, new dream, every form of a dream):
//   WORKSPACE_MAX_BODY_BYTES (32 KB);
// - the catalogue's search, /api/search/multi-search (JSON): 64 KB;
// - anything else takes no posts: 16 KB, so nobody can stream a large body at a page.
// A refusal is a short page in the reader's language (JSON for the search endpoint), never cached.

export type PostRoute = 'dream' | 'workspace' | 'search' | 'other';

export const SEARCH_MAX_BODY_BYTES = 64 * 1024;
export const OTHER_MAX_BODY_BYTES = 16 * 1024;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Pure: can this request change something (so it is checked)? */
export function isUnsafeMethod(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** Pure: which kind of route a path is, for its limit and its refusal. */
export function postRoute(pathname: string): PostRoute {
  if (isDreamPath(pathname)) return 'dream';
  if (isWorkspacePath(pathname)) return 'workspace';
  if (/^\/api\/search\/multi-search\/?$/.test(pathname)) return 'search';
  return 'other';
}

/** Pure: the largest body a route takes here; null: the route checks it itself (the letterbox). */
export function postLimit(route: PostRoute, workspaceMaxBytes: number): number | null {
  switch (route) {
    case 'dream':
      return null;
    case 'workspace':
      return workspaceMaxBytes;
    case 'search':
      return SEARCH_MAX_BODY_BYTES;
    case 'other':
      return OTHER_MAX_BODY_BYTES;
  }
}

/**
 * Whether the body is over `limit` bytes. A declared Content-Length is enough (Node's parser never
 * reads past it); a chunked body is read from a copy up to the limit, so the page still gets it whole.
 */
export async function bodyTooLarge(request: Request, limit: number): Promise<boolean> {
  const declared = request.headers.get('content-length');
  if (declared !== null) return !/^\d+$/.test(declared.trim()) || Number(declared) > limit;
  if (!request.body) return false;
  const reader = request.clone().body!.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      size += value.byteLength;
      if (size > limit) return true;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A refused post: 403 (another origin) or 413 (too large). A short page in the reader's language
 * with a way back (the page itself, asked with GET), or JSON for the search endpoint. It loads
 * nothing, so the strict policy of non-pages applies (server/security-headers.ts).
 */
export function refusalResponse({
  status,
  route,
  locale,
  dir,
  t,
  back,
}: {
  status: 403 | 405 | 413;
  route: PostRoute;
  locale: string;
  dir: 'ltr' | 'rtl';
  t: (key: string) => string;
  back: string;
}): Response {
  const headers = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' };
  if (route === 'search') {
    return new Response(
      JSON.stringify({
        error:
          status === 403 ? 'cross-site request refused' : status === 405 ? 'method not allowed' : 'request too large',
      }),
      { status, headers: { ...headers, 'content-type': 'application/json' } },
    );
  }
  const kind = status === 403 ? 'crossOrigin' : status === 405 ? 'methodNotAllowed' : 'tooLarge';
  const title = t(`error.${kind}.title`);
  const text =
    route === 'workspace' && status === 413
      ? `${t('workspace.ui.error.tooLarge')} ${t('error.tooLarge.text')}`
      : t(`error.${kind}.text`);
  const html = `<!doctype html>
<html lang="${escapeHtml(locale)}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><title>${escapeHtml(title)}</title></head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(text)}</p>
<p><a href="${escapeHtml(back)}">${escapeHtml(t('error.back'))}</a></p>
</main>
</body>
</html>
`;
  return new Response(html, { status, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
}
