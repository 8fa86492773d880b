import { AsyncLocalStorage } from 'node:async_hooks';
import { timingSafeEqual } from 'node:crypto';

// A page refresh: the request the search-indexer sends through the proxy after it has synced a
// change (search-indexer/src/proxy/refresh.ts), so the proxy's cached copy of the page is replaced
// by one that shows the change (deploy/nginx/droomkaart.conf.template). The proxy passes the header
// on only from the addresses it trusts and only when it carries the secret; the site checks the
// secret again (PROXY_REFRESH_SECRET, empty: no refreshes).
//
// A refresh is rendered with fresh cms reads: every cached read the render makes is loaded from the
// cms once (lib/cms/cache.ts asks `mustReload`), and the page cache keeps the new page
// (lib/http/page-cache.ts). Without that the refresh would store the old page again, from this
// instance's 30 s read cache.

export const REFRESH_HEADER = 'x-droomkaart-refresh';

/** Pure: true when the request's refresh header carries the secret (never for an empty secret). */
export function isPageRefresh(headers: Headers, secret: string): boolean {
  const given = headers.get(REFRESH_HEADER);
  if (!secret || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The cms read keys already loaded afresh during the refresh render that is running. */
const reloaded = new AsyncLocalStorage<Set<string>>();

/** Runs a render whose cached cms reads are each loaded from the cms once. */
export function withFreshReads<T>(render: () => Promise<T>): Promise<T> {
  return reloaded.run(new Set(), render);
}

/** For lib/cms/cache.ts: true the first time a refresh render reads `key` (then it is fresh). */
export function mustReload(key: string): boolean {
  const keys = reloaded.getStore();
  if (!keys || keys.has(key)) return false;
  keys.add(key);
  return true;
}
