// The map page's list/map switch on a phone (/<locale>/kaart?weergave=lijst): which of the two the
// page shows first. The map is the default; on a wide screen both are shown side by side and the
// switch is hidden. The parameter is not part of the search (catalogue/state.ts): it is taken off
// before the search's canonical address is checked and put back on a redirect. Pure.

export type MapView = 'kaart' | 'lijst';
export const VIEW_PARAM = 'weergave';
export const DEFAULT_VIEW: MapView = 'kaart';

/** The view asked for, and the address without it (what the search reads). */
export function readView(url: URL): { view: MapView; searchUrl: URL } {
  const searchUrl = new URL(url);
  const raw = searchUrl.searchParams.get(VIEW_PARAM);
  searchUrl.searchParams.delete(VIEW_PARAM);
  return { view: raw === 'lijst' ? 'lijst' : DEFAULT_VIEW, searchUrl };
}

/** `href` (a path with an optional query) showing `view`; the default view adds nothing. */
export function viewHref(href: string, view: MapView): string {
  const [path, query = ''] = href.split('?', 2);
  const params = new URLSearchParams(query);
  params.delete(VIEW_PARAM);
  if (view !== DEFAULT_VIEW) params.set(VIEW_PARAM, view);
  // Commas stay readable, as in catalogue/state.ts (near=52.39,5.29).
  const search = params.toString().replace(/%2C/g, ',');
  return search ? `${path}?${search}` : path;
}
