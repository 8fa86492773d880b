import { isDreamPath } from './dream-origin.ts';
import { isWorkspacePath } from './workspace-session.ts';

// Which HTTP methods a route answers. Astro renders a page for any method (a DELETE of the
// catalogue answered 200 with the catalogue), so src/middleware.ts refuses the others with 405 and
// an Allow header before the page runs:
// - the letterboxes (/<locale>/droom, /<locale>/036/droom) and the workspace (/<locale>/werkplek/**)
//   take form posts;
// - the catalogue's search (/api/search/multi-search) takes only posts;
// - everything else only reads (GET, HEAD).

/** Pure: the methods a path answers. */
export function allowedMethods(pathname: string): string[] {
  if (/^\/api\/search\/multi-search\/?$/.test(pathname)) return ['POST'];
  if (isDreamPath(pathname) || isWorkspacePath(pathname)) return ['GET', 'HEAD', 'POST'];
  return ['GET', 'HEAD'];
}

/** A 405 with the methods the path does answer, or null when the method is one of them. */
export function methodNotAllowed(method: string, pathname: string, message: string): Response | null {
  const allowed = allowedMethods(pathname);
  if (allowed.includes(method.toUpperCase())) return null;
  return new Response(message, { status: 405, headers: { allow: allowed.join(', '), 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}
