import { createHash } from 'node:crypto';

// The site's security headers (issue 8), pure. Two parts:
// - the Content Security Policy of pages: Astro builds it (`security.csp` in astro.config.mjs):
//   `script-src` and `style-src` are 'self' plus the hashes of the inline scripts and styles Astro
//   emits (the island loader, hoisted scripts, per-page CSS), so no 'unsafe-inline' anywhere; the
//   other directives below are added to every page. Astro sends it as the page's
//   `Content-Security-Policy` header.
// - every other header, on every response of the process, static files and Astro's own error
//   answers included (src/server/startup.ts sets them before Astro handles the request; a page's
//   own CSP replaces the strict one for everything else).

/** Directives of every page beyond Astro's script-src and style-src. */
export const PAGE_CSP_DIRECTIVES = [
  "default-src 'self'",
  // /uploads is on the site's own origin (src/pages/uploads); data: and blob: for MapLibre's canvas images.
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // The catalogue and map search through the site (/api/search/multi-search), never Meilisearch itself.
  "connect-src 'self'",
  // MapLibre runs its worker from a blob: URL.
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "manifest-src 'self'",
] as const;

/**
 * Everything that is not a page (JSON, calendar and CSV files, images, scripts, redirects, Astro's
 * bare error answers): nothing may run or load in it, and it may not be framed.
 */
export const STRICT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Features no page uses are switched off; the map's "Gebruik mijn locatie" asks for the position
 * on this origin only. Only features Chromium, Firefox and Safari know (an unknown one is a console
 * error in Chromium).
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'fullscreen=(self)',
  'geolocation=(self)',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
].join(', ');

/** One year, every subdomain (RFC 6797); sent in production and on every https answer. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** Pure: the headers every response gets. `https`: the visitor's connection (after the proxy gate). */
export function securityHeaders({
  https,
  production,
  framable = false,
}: {
  https: boolean;
  production: boolean;
  /** An organisation's widget (lib/widget): other sites may frame it, its page policy says so. */
  framable?: boolean;
}): Record<string, string> {
  return {
    'content-security-policy': STRICT_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': PERMISSIONS_POLICY,
    // For browsers without frame-ancestors.
    ...(framable ? {} : { 'x-frame-options': 'DENY' }),
    'cross-origin-opener-policy': 'same-origin',
    ...(https || production ? { 'strict-transport-security': HSTS } : {}),
  };
}

/**
 * Pure: what the map page adds to its policy for a production basemap (PUBLIC_MAP_STYLE_URL): the
 * style's origin, and the origins of its tiles, glyphs and sprites when they live elsewhere
 * (MAP_CSP_ORIGINS, comma-separated). The local style needs nothing.
 */
export function mapCspDirectives(styleUrl: string | undefined, extraOrigins: string | undefined): string[] {
  const origins = new Set<string>();
  for (const value of [styleUrl ?? '', ...(extraOrigins ?? '').split(',')]) {
    const origin = httpsOrigin(value.trim());
    if (origin) origins.add(origin);
  }
  if (origins.size === 0) return [];
  const list = [...origins].join(' ');
  return [`connect-src 'self' ${list}`, `img-src 'self' data: blob: ${list}`];
}

function httpsOrigin(value: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** Pure: a CSP source for an inline `<style>` or `<script>` text (Astro's `csp.insertStyleHash`). */
export function cspHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/**
 * Pure: the edition's colours as a rule for the page's `<style>`: an inline style attribute would
 * need 'unsafe-inline' (style-src-attr); a `<style>` element is allowed by its hash.
 */
export function coloursCss(colours: { primary: string; accent: string; surface: string }): string {
  // Colours come from the city configuration; anything that could end the rule is left out.
  const safe = (v: string) => (/^[#a-z0-9(),.%\s-]+$/i.test(v) ? v.trim() : 'inherit');
  return `body{--primary:${safe(colours.primary)};--accent:${safe(colours.accent)};--surface:${safe(colours.surface)}}`;
}
