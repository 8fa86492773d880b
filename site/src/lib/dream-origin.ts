// Cross-site form posts, refused the way Astro's `security.checkOrigin` does it (same rule as
// astro/dist/core/app/origin-check.js in Astro 7.3), but in our own middleware: Astro's check runs
// before any middleware and answers with a bare "Cross-site POST form submissions are forbidden",
// while a child who lands on a refusal must get a friendly page in their language. So
// astro.config.mjs turns Astro's check off and src/middleware.ts applies this one to every route:
// the letterbox pages render their own kind refusal, every other route gets Astro's answer.

const FORM_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/** Pure: a non-safe request whose Origin is not this site, sent as a form (or without a type). */
export function isForbiddenCrossOrigin(method: string, headers: Headers, origin: string): boolean {
  if (SAFE_METHODS.includes(method.toUpperCase())) return false;
  const sameOrigin = headers.get('origin') === origin;
  const type = headers.get('content-type');
  if (type !== null) return !sameOrigin && FORM_CONTENT_TYPES.some((t) => type.toLowerCase().includes(t));
  return !sameOrigin;
}

/** Pure: the letterbox pages, which answer a refused post themselves. */
export function isDreamPath(pathname: string): boolean {
  return /^\/[a-z]{2}(\/[^/]+)?\/droom\/?$/.test(pathname);
}

/** Astro's own answer, for every other route. */
export function crossOriginResponse(method: string): Response {
  return new Response(`Cross-site ${method} form submissions are forbidden`, { status: 403 });
}
