import { LRUCache } from 'lru-cache';
import { mustReload } from '../http/page-refresh.ts';

// A small in-process cache of the site's public, anonymous cms reads (lib/cms/public-api.ts), so a page
// render does not wait for Strapi. Nothing personal goes in here: not the letterbox (dreams), not
// the coordinator workspace, nothing read with a token or for a signed-in person.
//
// Built on lru-cache (its fetchMethod gives one fetch per key however many requests wait for it,
// and the stale value while a refresh runs). With `seconds` S (SITE_CMS_CACHE_SECONDS, 30):
// - an answer is fresh for S/2; between S/2 and S a request gets it at once and starts one refresh
//   in the background ("refresh after write"); older than S it is not served while the cms
//   answers: the request waits for the cms. So while the cms answers, no page shows a cms answer
//   older than S seconds (plus the time of one refresh).
// - "not found" (a null or empty answer) is kept for at most NEGATIVE_MS and never served stale,
//   so a newly published activity is not hidden by an earlier 404 for more than a few seconds.
// - a failed read (network error, timeout, 4xx/5xx) is remembered for ERROR_MS, so a cms that is
//   down is not asked again by every request; it is never served longer.
// - when a refresh fails, the last good answer is served instead (logged) for at most
//   STALE_IF_ERROR_MS past its age S, with one retry in the background every ERROR_MS; after that
//   the read fails and the page says so.
// - a page refresh (lib/http/page-refresh.ts) loads each read its render makes from the cms once,
//   whatever the cache holds, and keeps the new answer for everyone.
// - at most MAX_ENTRIES answers and about MAX_SIZE characters of JSON, least recently used out.

export const NEGATIVE_MS = 3_000;
export const ERROR_MS = 2_000;
export const STALE_IF_ERROR_MS = 5 * 60_000;
export const MAX_ENTRIES = 2_000;
export const MAX_SIZE = 64 * 1024 * 1024;

type Entry<V> = { kind: 'ok'; value: V; fetchedAt: number; failing: boolean } | { kind: 'error'; error: Error };

export type ReadCacheOptions<V> = {
  /** Longest age of an answer served while the cms answers; 0 switches the cache off. */
  seconds: number;
  /** Answers that mean "not found" (kept briefly, never served stale). Default: null or []. */
  isNegative?: (value: V) => boolean;
  /** Size of a value for MAX_SIZE (default: its JSON length). */
  sizeOf?: (value: V) => number;
  maxEntries?: number;
  maxSize?: number;
  /** Clock in milliseconds (tests). */
  now?: () => number;
  log?: (message: string) => void;
};

export type ReadCache<V> = {
  /** The value for key: from the cache, or from load() (one load per key at a time). */
  get(key: string, load: (signal: AbortSignal) => Promise<V>): Promise<V>;
  clear(): void;
  readonly size: number;
};

const defaultNegative = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);
const defaultSize = (v: unknown) => Math.max(1, JSON.stringify(v)?.length ?? 1);

const sameJson = (a: unknown, b: unknown) => {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
};

/** Values shared between requests must not be changed by one of them. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function createReadCache<V>(options: ReadCacheOptions<V>): ReadCache<V> {
  const maxAge = Math.max(0, options.seconds) * 1000;
  if (maxAge === 0) return { get: (_key, load) => load(new AbortController().signal), clear() {}, size: 0 };

  const now = options.now ?? (() => performance.now());
  const log = options.log ?? ((m: string) => console.warn(`[site] ${m}`));
  const isNegative = options.isNegative ?? defaultNegative;
  const sizeOf = options.sizeOf ?? defaultSize;
  const refreshAfter = maxAge / 2;
  const negativeMs = Math.min(NEGATIVE_MS, maxAge);
  const errorMs = Math.min(ERROR_MS, maxAge);

  const cache = new LRUCache<string, Entry<V>, (signal: AbortSignal) => Promise<V>>({
    max: options.maxEntries ?? MAX_ENTRIES,
    maxSize: options.maxSize ?? MAX_SIZE,
    sizeCalculation: (entry) => (entry.kind === 'ok' ? sizeOf(entry.value) : 1),
    ttl: refreshAfter,
    ttlResolution: 0,
    perf: { now },
    fetchMethod: async (key, stale, { signal, options: set, context: load }) => {
      try {
        const loaded = await load(signal);
        // An answer equal to the one kept is kept as the same object, so whoever holds it (the page
        // cache, lib/http/page-cache.ts) can tell "unchanged" by identity.
        const value = stale?.kind === 'ok' && sameJson(stale.value, loaded) ? stale.value : deepFreeze(loaded);
        set.ttl = isNegative(value) ? negativeMs : refreshAfter;
        return { kind: 'ok', value, fetchedAt: now(), failing: false };
      } catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        set.ttl = errorMs;
        if (stale?.kind === 'ok' && !isNegative(stale.value) && now() - stale.fetchedAt <= maxAge + STALE_IF_ERROR_MS) {
          log(
            `cms read ${key} failed (${error.message}); serving the copy from ${Math.round((now() - stale.fetchedAt) / 1000)} s ago`,
          );
          return { ...stale, failing: true };
        }
        return { kind: 'error', error };
      }
    },
  });

  return {
    async get(key, load) {
      if (mustReload(key)) {
        const entry = await cache.fetch(key, { forceRefresh: true, allowStale: false, context: load });
        if (!entry) throw new Error(`cms read ${key} was cancelled`);
        if (entry.kind === 'error') throw entry.error;
        return entry.value;
      }
      // Serve a stale copy at once (and refresh in the background) only while it is young enough:
      // up to maxAge, or longer while the cms fails. "Not found" and errors are never served stale.
      const current = cache.peek(key, { allowStale: true });
      const allowStale =
        current?.kind === 'ok' &&
        !isNegative(current.value) &&
        now() - current.fetchedAt <= maxAge + (current.failing ? STALE_IF_ERROR_MS : 0);
      const entry = await cache.fetch(key, { allowStale, context: load });
      if (!entry) throw new Error(`cms read ${key} was cancelled`);
      if (entry.kind === 'error') throw entry.error;
      return entry.value;
    },
    clear: () => cache.clear(),
    get size() {
      return cache.size;
    },
  };
}

/**
 * Cache-Control for a public page built from cached cms reads: browsers ask again each time, a
 * shared cache (CDN) may keep it as long as this process does. The page's look follows the
 * edition cookie, hence Vary: Cookie. Not for 404/503 or anything personal.
 */
export function publicPageHeaders(seconds: number): Record<string, string> {
  if (seconds <= 0) return { 'cache-control': 'no-cache', vary: 'Cookie' };
  const s = Math.round(seconds);
  return { 'cache-control': `public, max-age=0, s-maxage=${s}, stale-while-revalidate=${s}`, vary: 'Cookie' };
}
