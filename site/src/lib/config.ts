import { isPlaceholderSecret } from '@droomkaart/shared';

/**
 * Pure: an environment variable that holds a number of seconds. Empty: the fallback; 0 is allowed
 * (it switches a cache off); anything else that is not a number ≥ 0 gets the fallback and a warning.
 */
export function parseSeconds(
  name: string,
  value: string | undefined,
  fallback: number,
  warn: (m: string) => void = () => {},
): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    warn(`${name}: '${value}' is not a number of seconds; using ${fallback}`);
    return fallback;
  }
  return n;
}

const warn = (m: string) => console.warn(`[site] ${m}`);

// Server-side settings of the site, read once from the environment (see .env.example).
export const siteConfig = {
  cmsUrl: process.env.CMS_URL ?? 'http://127.0.0.1:1337',
  meiliUrl: process.env.MEILI_URL ?? 'http://127.0.0.1:7700',
  indexerUrl: process.env.INDEXER_URL ?? 'http://127.0.0.1:4000',
  /** Set in production; in development the search-only key is asked of the indexer. */
  meiliSearchKey: process.env.MEILI_SEARCH_KEY ?? '',
  indexPrefix: process.env.INDEX_PREFIX ?? 'activities',
  demoNotice: process.env.SEED_DEMO_DATA === 'true',
  /** Longest age in seconds of a public cms answer a page shows (lib/cms/cache.ts); 0: no cache. */
  cmsCacheSeconds: parseSeconds('SITE_CMS_CACHE_SECONDS', process.env.SITE_CMS_CACHE_SECONDS, 30, warn),
  /** Seconds a whole public page is served from memory before it is rendered again (lib/http/page-cache.ts); 0: off. */
  pageCacheSeconds: parseSeconds('SITE_PAGE_CACHE_SECONDS', process.env.SITE_PAGE_CACHE_SECONDS, 5, warn),
  /** The secret of a page refresh from the proxy (lib/http/page-refresh.ts); empty or a placeholder: none honoured. */
  proxyRefreshSecret: isPlaceholderSecret(process.env.PROXY_REFRESH_SECRET)
    ? ''
    : (process.env.PROXY_REFRESH_SECRET ?? '').trim(),
  /** The map's basemap: a MapLibre style URL; empty: the local schematic test style (lib/map/test-basemap.ts). */
  mapStyleUrl: (process.env.PUBLIC_MAP_STYLE_URL ?? '').trim(),
  /** Credits the map shows besides those in the style's sources (ODbL and CC BY ask for them). */
  mapAttribution: (process.env.PUBLIC_MAP_ATTRIBUTION ?? '').trim(),
  /** Origins of the basemap's tiles, glyphs and sprites beyond the style's own (comma-separated). */
  mapCspOrigins: process.env.MAP_CSP_ORIGINS ?? '',
  /** A PostgreSQL URL where every site process counts its rate limits together (lib/limits); empty: in memory. */
  limitsDatabaseUrl: (process.env.LIMITS_DATABASE_URL ?? '').trim(),
};
