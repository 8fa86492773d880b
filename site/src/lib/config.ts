import { parseCacheSeconds } from './cms-cache.ts';
import { parsePageCacheSeconds } from './page-cache.ts';

// Server-side settings of the site, read once from the environment (see .env.example).
export const siteConfig = {
  cmsUrl: process.env.CMS_URL ?? 'http://127.0.0.1:1337',
  meiliUrl: process.env.MEILI_URL ?? 'http://127.0.0.1:7700',
  indexerUrl: process.env.INDEXER_URL ?? 'http://127.0.0.1:4000',
  /** Set in production; in development the search-only key is asked of the indexer. */
  meiliSearchKey: process.env.MEILI_SEARCH_KEY ?? '',
  indexPrefix: process.env.INDEX_PREFIX ?? 'activities',
  demoNotice: process.env.SEED_DEMO_DATA === 'true',
  /** Longest age in seconds of a public cms answer a page shows (lib/cms-cache.ts); 0: no cache. */
  cmsCacheSeconds: parseCacheSeconds(process.env.SITE_CMS_CACHE_SECONDS, (m) => console.warn(`[site] ${m}`)),
  /** Seconds a whole public page is served from memory before it is rendered again (lib/page-cache.ts); 0: off. */
  pageCacheSeconds: parsePageCacheSeconds(process.env.SITE_PAGE_CACHE_SECONDS, (m) => console.warn(`[site] ${m}`)),
};
