import { readFileSync } from 'node:fs';

export type StackInfo = {
  urls: { site: string; cms: string; indexer: string; meilisearch: string };
  env: Record<string, string>;
};

export function stackInfo(): StackInfo {
  const file = process.env.DROOMKAART_E2E_STACK;
  if (!file) throw new Error('DROOMKAART_E2E_STACK not set: run through playwright.config.ts (global setup)');
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * How long a cms change may take to show on a public page, plus a margin: the site's cms cache (S)
 * and its page cache (up to 2P after the cms cache has it), see docs/site.md.
 */
export function pageFreshnessMs(env: Record<string, string> = stackInfo().env): number {
  return (Number(env.SITE_CMS_CACHE_SECONDS ?? 30) + 2 * Number(env.SITE_PAGE_CACHE_SECONDS ?? 5) + 5) * 1000;
}
