import { city, type SearchDocument } from '@droomkaart/shared';
import type { SearchEngine } from '../meilisearch/search-engine.ts';

// Page refresh at the proxy's page cache (deploy/nginx/droomkaart.conf.template, docs/operations.md
// "Scaling"). The proxy keeps public pages for the s-maxage the site sends; after a sync has put a
// change in the index, the indexer asks the proxy for the changed offer's page and its
// organisation's page, in every locale and every edition variant, with the refresh secret: the proxy
// passes that request to a site, which renders it with fresh cms reads (site
// lib/http/page-refresh.ts), and keeps the answer in place of the old copy. An unpublished or
// removed offer is refreshed too (its page then answers 404 and the proxy drops it).
//
// PROXY_REFRESH_URL (comma-separated) and PROXY_REFRESH_SECRET; empty URL: off, the one-machine
// default. A failed refresh is logged and never holds up indexing: the proxy's copy then lasts its
// s-maxage, as without refreshes.

export const REFRESH_HEADER = 'x-droomkaart-refresh';
/** The cookie the site picks an edition by (site lib/edition.ts). */
export const EDITION_COOKIE = 'droomkaart-editie';
export const CONCURRENCY = 4;
export const TIMEOUT_MS = 10_000;

/** A page a change touches: an offer's or an organisation's, in one locale. */
export type PageRef = { locale: string; slug: string | null; organisation: string | null };

/** Pure: the paths of the pages a changed document shows on. */
export function pagePaths(pages: readonly PageRef[]): string[] {
  const paths = new Set<string>();
  for (const { locale, slug, organisation } of pages) {
    if (slug) paths.add(`/${locale}/activiteiten/${encodeURIComponent(slug)}`);
    if (organisation) paths.add(`/${locale}/organisaties/${encodeURIComponent(organisation)}`);
  }
  return [...paths];
}

/**
 * Pure: one refresh per path and edition variant the proxy keeps apart: no edition cookie, and one
 * per edition (the proxy's cache key holds the cookie's value).
 */
export function refreshRequests(
  paths: readonly string[],
  editions: readonly string[] = city.editions.map((e) => e.id),
): { path: string; edition: string | null }[] {
  return paths.flatMap((path) => [null, ...editions].map((edition) => ({ path, edition })));
}

export type PageRefresher = {
  /** The engine as the sync uses it, noting the pages of every document it puts in or takes out. */
  watch(engine: SearchEngine): SearchEngine;
  /** Refreshes, in the background, the pages noted since the last call. */
  flush(): void;
  /** Resolves when no refresh is waiting or running (tests, stop). */
  idle(): Promise<void>;
};

export type RefreshOptions = {
  urls: readonly string[];
  secret: string;
  fetch?: typeof fetch;
  log?: (message: string) => void;
};

/** A refresher; with no URL or no secret one that does nothing. */
export function createPageRefresher(options: RefreshOptions): PageRefresher {
  const urls = options.urls.map((u) => u.trim().replace(/\/+$/, '')).filter(Boolean);
  if (urls.length === 0 || !options.secret) return { watch: (engine) => engine, flush() {}, idle: async () => {} };
  const doFetch = options.fetch ?? fetch;
  const log = options.log ?? ((m: string) => console.warn(`[indexer] ${m}`));
  let noted: PageRef[] = [];
  /** Waiting refreshes, by url and edition: a page noted again before its refresh starts is sent once. */
  const waiting = new Map<string, { url: string; edition: string | null }>();
  let running = 0;
  let failures = 0;
  const idlers: (() => void)[] = [];

  const refreshOne = async ({ url, edition }: { url: string; edition: string | null }) => {
    const headers: Record<string, string> = { [REFRESH_HEADER]: options.secret };
    if (edition) headers.cookie = `${EDITION_COOKIE}=${edition}`;
    const res = await doFetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'manual' });
    await res.arrayBuffer().catch(() => undefined);
    // 404: an unpublished or removed page, which the proxy now drops. Anything 5xx is a failure.
    if (res.status >= 500) throw new Error(`${res.status}`);
  };

  const pump = () => {
    while (running < CONCURRENCY && waiting.size > 0) {
      const [key, job] = waiting.entries().next().value!;
      waiting.delete(key);
      running++;
      refreshOne(job)
        .catch((err: Error) => {
          // One line per burst of failures, not one per page.
          if (failures++ % 100 === 0)
            log(`page refresh ${job.url} failed (${err.message}); the proxy keeps its copy for its s-maxage`);
        })
        .finally(() => {
          running--;
          pump();
          if (running === 0 && waiting.size === 0) for (const done of idlers.splice(0)) done();
        });
    }
  };

  return {
    watch(engine) {
      const watched = Object.create(engine) as SearchEngine;
      watched.upsert = async (locale, docs: SearchDocument[]) => {
        await engine.upsert(locale, docs);
        for (const d of docs) noted.push({ locale, slug: d.slug, organisation: d.organisation });
      };
      watched.remove = async (locale, ids) => {
        // The pages of what leaves the index, read before it goes.
        const pages = await engine.pagesOf(locale, ids).catch((err: Error) => {
          log(`page refresh: could not read the pages of removed documents (${err.message})`);
          return [];
        });
        await engine.remove(locale, ids);
        for (const p of pages) noted.push({ locale, slug: p.slug, organisation: p.organisation });
      };
      return watched;
    },
    flush() {
      const pages = noted;
      noted = [];
      for (const { path, edition } of refreshRequests(pagePaths(pages)))
        for (const base of urls) waiting.set(`${base}${path} ${edition ?? ''}`, { url: `${base}${path}`, edition });
      pump();
    },
    idle: () =>
      running === 0 && waiting.size === 0 ? Promise.resolve() : new Promise<void>((done) => idlers.push(done)),
  };
}
