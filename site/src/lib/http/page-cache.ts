import { LRUCache } from 'lru-cache';
import { readsUnchanged, recordingReads, type RecordedRead } from './render-reads.ts';

// A short-lived cache of whole public pages in the site process ("micro-caching", as a CDN or a
// proxy cache in front would do), so most visits to an activity page do not render it again: the
// render (about 5 ms of CPU) is what kept the activity page TTFB above DESIGN §7's 100 ms under 50
// concurrent clients, after the cms reads were already cached (lib/cms/cache.ts).
//
// What goes in: only HTML a page itself declares public (status 200, `Cache-Control: public`, set
// by lib/cms/public-api.ts setPageCaching for activity, organisation and regelingen pages) and sets no cookie;
// only for anonymous GET requests (middleware.ts decides, keyed by the public URL and the edition
// the page wears). Nothing personal: the letterbox, the workspace and the search API never send
// `public`.
//
// With `seconds` P (SITE_PAGE_CACHE_SECONDS, 5):
// - a page is served from memory for P seconds after it was rendered or last checked;
// - then it is checked: the cms reads its render used (lib/http/render-reads.ts) are asked again from
//   the cms cache; when every answer is the very same value, the page is kept (checked, no render);
//   when one changed or failed, the page is rendered again. A page is also rendered again when it
//   is RERENDER_MS (60 s) old, for what the cms reads do not show (today's date in "next time").
// - from P to 2P after the last check the old page is served at once while one check (and render)
//   runs in the background (stale-while-revalidate), so a busy page never makes a visitor wait;
// - later than 2P it is not served: the request waits for the check (a quiet page is never more
//   than 2P behind the cms cache);
// - concurrent requests for a page that is not there share one render;
// - a render that is not cacheable any more (404 after an unpublish, 503) removes the page at once,
//   and for P seconds that address is rendered straight away ("hit for pass"): a page that is never
//   kept (the letterbox, a home that sets the edition cookie) does not make concurrent visitors wait
//   for each other's render.
// - a page that says `Cache-Control: public, no-cache` (the catalogue, built from a search) is
//   checked on every request: its search is asked again (lib/catalogue/search.ts), and only a different
//   answer renders it. So the catalogue shows a new activity as soon as the index has it.
// So a page shows a change at most P to 2P seconds after the cms cache has it (lib/cms/cache.ts).
// - a page refresh (lib/http/page-refresh.ts) renders the page at once and keeps the new copy.
// - at most MAX_SIZE bytes of pages, least recently used out. P = 0 switches it off.

export const MAX_SIZE = 48 * 1024 * 1024;
export const RERENDER_MS = 60_000;

export type CachedPage = {
  status: number;
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
  renderedAt: number;
  /** When the page was last known to be current (its render, or a check of its reads). */
  checkedAt: number;
  reads: RecordedRead[];
  /** How long it is served without a check: P, or 0 for a page that says `no-cache` (check every time). */
  freshMs: number;
};
export type CacheOutcome = 'hit' | 'stale' | 'checked' | 'miss' | 'shared';

export type PageCacheOptions = {
  seconds: number;
  maxSize?: number;
  /** Clock in milliseconds (tests). */
  now?: () => number;
  log?: (message: string) => void;
};

export type PageCache = {
  /**
   * The page for key: from the cache, or from render() (which may run after the answer, for a stale
   * page). `refresh`: rendered now whatever is kept, and kept when shareable (a page refresh).
   */
  serve(key: string, render: () => Promise<Response>, options?: { refresh?: boolean }): Promise<Response>;
  clear(): void;
  readonly size: number;
};

/** Pure: a response the cache may keep and give to anyone who asks for the same page. */
export function isShareable(response: Response): boolean {
  if (response.status !== 200 || response.headers.has('set-cookie')) return false;
  if (!(response.headers.get('content-type') ?? '').toLowerCase().startsWith('text/html')) return false;
  const cc = (response.headers.get('cache-control') ?? '').toLowerCase();
  return /(^|[\s,])public($|[\s,])/.test(cc) && !/no-store|private/.test(cc);
}

export function createPageCache(options: PageCacheOptions): PageCache {
  const fresh = Math.max(0, options.seconds) * 1000;
  const now = options.now ?? (() => performance.now());
  const log = options.log ?? ((m: string) => console.warn(`[site] ${m}`));
  if (fresh === 0) return { serve: (_key, render) => render(), clear() {}, size: 0 };

  const pages = new LRUCache<string, CachedPage>({
    maxSize: options.maxSize ?? MAX_SIZE,
    sizeCalculation: (p) => Math.max(1, p.body.byteLength),
  });
  /** Checks and renders under way, one per page: waiters share it, a stale page starts no second one. */
  const running = new Map<string, Promise<CachedPage | null>>();
  /** Addresses whose last render was not shareable: rendered straight away for P seconds. */
  const pass = new LRUCache<string, true>({ max: 10_000, ttl: fresh, ttlResolution: 0, perf: { now } });

  const toResponse = (page: CachedPage, outcome: CacheOutcome): Response => {
    const headers = new Headers(page.headers);
    headers.set('age', String(Math.max(0, Math.floor((now() - page.renderedAt) / 1000))));
    headers.set('x-page-cache', outcome);
    return new Response(page.body, { status: page.status, headers });
  };

  /**
   * Brings the page up to date: keeps `old` when its reads are unchanged, else renders (this
   * request's render). Gives null, and the request's own response, when the render is not shareable.
   */
  const update = (key: string, old: CachedPage | undefined, render: () => Promise<Response>) => {
    let own: Response | null = null;
    const job = (async (): Promise<CachedPage | null> => {
      if (old && old.reads.length > 0 && now() - old.renderedAt < RERENDER_MS && (await readsUnchanged(old.reads))) {
        old.checkedAt = now();
        return old;
      }
      const reads: RecordedRead[] = [];
      const response = await recordingReads(reads, render);
      if (!isShareable(response)) {
        pages.delete(key);
        pass.set(key, true);
        own = response;
        return null;
      }
      const body = new Uint8Array(await response.arrayBuffer());
      const at = now();
      const freshMs = /(^|[\s,])no-cache($|[\s,=])/i.test(response.headers.get('cache-control') ?? '') ? 0 : fresh;
      const page: CachedPage = {
        status: response.status,
        headers: [...response.headers].filter(([name]) => name !== 'set-cookie'),
        body,
        renderedAt: at,
        checkedAt: at,
        reads,
        freshMs,
      };
      pages.set(key, page);
      return page;
    })().finally(() => running.delete(key));
    running.set(key, job);
    return { job, own: () => own };
  };

  return {
    async serve(key, render, { refresh = false } = {}) {
      if (refresh) {
        const { job, own } = update(key, undefined, render);
        const result = await job;
        return result ? toResponse(result, 'miss') : own()!;
      }
      if (pass.has(key)) return render();
      const page = pages.get(key);
      const sinceCheck = page ? now() - page.checkedAt : Infinity;
      if (page && sinceCheck < page.freshMs) return toResponse(page, 'hit');

      const other = running.get(key);
      if (page && sinceCheck < 2 * page.freshMs) {
        if (!other) {
          update(key, page, render).job.catch((err) =>
            log(
              `page ${key}: refresh failed (${(err as Error).message}); the kept copy is served until it is ${(2 * page.freshMs) / 1000} s past its last check`,
            ),
          );
        }
        return toResponse(page, 'stale');
      }
      if (other) {
        const shared = await other.catch(() => null);
        // The render this request waited for was not shareable (or failed): render its own.
        return shared ? toResponse(shared, 'shared') : render();
      }
      const { job, own } = update(key, page, render);
      const result = await job;
      // Not shareable: this request's own answer (a 404, a page with a cookie), as it came.
      if (!result) return own()!;
      return toResponse(result, result === page ? 'checked' : 'miss');
    },
    clear: () => pages.clear(),
    get size() {
      return pages.size;
    },
  };
}
