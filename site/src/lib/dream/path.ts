// Which paths are the letterbox pages: the middleware lets them answer a refused post themselves
// (the check every post passes is lib/http/cross-origin.ts).

/** Pure: the letterbox pages, which answer a refused post themselves. */
export function isDreamPath(pathname: string): boolean {
  return /^\/[a-z]{2}(\/[^/]+)?\/droom\/?$/.test(pathname);
}
