// Cross-site posts, refused in our own middleware rather than by Astro's `security.checkOrigin`:
// Astro's check runs before any middleware and answers with a bare "Cross-site POST form
// submissions are forbidden", while a child who lands on a refusal must get a friendly page in
// their language. So astro.config.mjs turns Astro's check off and src/middleware.ts applies this
// one to every route (lib/http/post-guard.ts lists them): the letterbox pages render their own kind
// refusal, every other route a short page in the reader's language.
// The rule is Astro's (astro/dist/core/app/origin-check.js in Astro 7.3), made stricter: a request
// that names another origin is refused whatever its content type (Astro lets JSON through and
// leaves it to CORS), and so is one a browser marks as cross-site (Sec-Fetch-Site) without an
// Origin. Behind a proxy the site's origin is the public one (server/proxy.ts).

const FORM_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/**
 * Pure: a non-safe request that is not from this site: it names another Origin (any content type),
 * a browser marks it cross-site, or it is a form (or has no type) without naming this origin.
 * Clients that send JSON without an Origin are not browsers (a browser always sends Origin on a
 * POST), so they pass, as with Astro.
 */
export function isForbiddenCrossOrigin(method: string, headers: Headers, origin: string): boolean {
  if (SAFE_METHODS.includes(method.toUpperCase())) return false;
  const given = headers.get('origin');
  const site = headers.get('sec-fetch-site');
  // A page sent with `Referrer-Policy: no-referrer` (the provider's page: its address holds a
  // token) makes the browser post its own forms with `Origin: null`; Sec-Fetch-Site, which no page
  // can set, still says same-origin. An opaque origin elsewhere (a sandboxed frame, a data: page)
  // is marked cross-site.
  if (given === 'null' && site === 'same-origin') return false;
  if (given !== null) return given !== origin;
  if (site !== null && site !== 'same-origin' && site !== 'none') return true;
  const type = headers.get('content-type');
  if (type !== null) return FORM_CONTENT_TYPES.some((t) => type.toLowerCase().includes(t));
  return true;
}
