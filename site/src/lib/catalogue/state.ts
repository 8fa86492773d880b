// The catalogue's state and its URL: pure functions, shared by the server (no-JS form, first
// render) and the browser (InstantSearch routing). No runtime imports: this file ships to the
// browser, so the vocabularies come in as data (see labels.ts), not from @droomkaart/shared.
import { findPlace, type FoundPlace, type PlaceGroup } from './query/places.ts';

/** One facet of the catalogue: its URL parameter, the index attribute, and one value or many. */
export type FacetSpec = { param: string; attribute: string; multiple: boolean };

// Order = order on the page. Single-value facets are selects (a child has one age, a family looks
// in one wijk); the others are checkbox lists whose values are OR-ed within the facet.
export const FACETS = [
  { param: 'age', attribute: 'ages', multiple: false },
  { param: 'edition', attribute: 'editions', multiple: false },
  { param: 'stadsdeel', attribute: 'stadsdeel', multiple: false },
  { param: 'wijk', attribute: 'wijk', multiple: false },
  { param: 'theme', attribute: 'themes', multiple: false },
  { param: 'cost', attribute: 'costType', multiple: true },
  { param: 'day', attribute: 'days', multiple: true },
  { param: 'kind', attribute: 'kind', multiple: true },
  { param: 'lang', attribute: 'languages', multiple: true },
  { param: 'access', attribute: 'accessibility', multiple: true },
] as const satisfies readonly FacetSpec[];

export type FacetParam = (typeof FACETS)[number]['param'];
export type Refinements = Record<FacetParam, string[]>;

/** Allowed values per facet, in display order (from the taxonomy and the city configuration). */
export type Vocabulary = Record<FacetParam, string[]>;

export type LatLng = { lat: number; lng: number };
/** Where distances are measured from: a wijk's centroid, or the visitor's (rounded) position. */
export type Near = { wijk: string } | LatLng;

/**
 * `q` is the query as typed. `everywhere`: the family chose to search the words everywhere, not in
 * the place the query names (see searchedPlace).
 */
export type CatalogueState = {
  q: string;
  refinements: Refinements;
  near: Near | null;
  page: number;
  everywhere: boolean;
};

/** A move to another search: the search itself, or how to make it from the search as it stands. */
export type Navigation = CatalogueState | ((current: CatalogueState) => CatalogueState);

export const PAGE_SIZE = 20;
export const MAX_PAGE = 250;
/** Costs where the family pays nothing: what `free=1` (and the `free` attribute) means. */
export const FREE_COST_TYPES = ['gratis', 'gratis-via-regeling'];

export function emptyRefinements(): Refinements {
  return Object.fromEntries(FACETS.map((f) => [f.param, []])) as unknown as Refinements;
}

export function emptyState(): CatalogueState {
  return { q: '', refinements: emptyRefinements(), near: null, page: 1, everywhere: false };
}

/**
 * A position rounded to two decimals (about a kilometre): enough to sort by distance, and it is
 * all that ends up in a shared link.
 */
export function roundPoint(p: LatLng): LatLng {
  return { lat: Math.round(p.lat * 100) / 100, lng: Math.round(p.lng * 100) / 100 };
}

const POINT = /^(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)$/;

export function parseNear(raw: string | null, wijkSlugs: readonly string[]): Near | null {
  if (!raw) return null;
  if (wijkSlugs.includes(raw)) return { wijk: raw };
  const m = POINT.exec(raw);
  if (!m) return null;
  const lat = Number(m[1]);
  const lng = Number(m[2]);
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return roundPoint({ lat, lng });
}

export function nearParam(near: Near): string {
  return 'wijk' in near ? near.wijk : `${near.lat},${near.lng}`;
}

/**
 * The URL's query to a state. Unknown or malformed values are dropped, not errors: an old shared
 * link still shows results, and nothing from the URL reaches a filter unless it is in the lists.
 */
export function parseState(params: URLSearchParams, vocab: Vocabulary): CatalogueState {
  const refinements = emptyRefinements();
  for (const f of FACETS) {
    const allowed = vocab[f.param];
    const asked = new Set(params.getAll(f.param));
    if (f.param === 'cost' && /^(1|true|ja)$/.test(params.get('free') ?? ''))
      for (const c of FREE_COST_TYPES) asked.add(c);
    const values = allowed.filter((v) => asked.has(v));
    refinements[f.param] = f.multiple ? values : values.slice(0, 1);
  }
  const pageRaw = Number(params.get('page') ?? '1');
  const q = (params.get('q') ?? '').trim().slice(0, 200);
  return {
    q,
    refinements,
    near: parseNear(params.get('near'), vocab.wijk),
    page: Number.isInteger(pageRaw) && pageRaw >= 1 && pageRaw <= MAX_PAGE ? pageRaw : 1,
    // Only with words: without a query there is no place to read.
    everywhere: q !== '' && /^(1|true|ja)$/.test(params.get('everywhere') ?? ''),
  };
}

/** The state as readable query parameters, always in the same order (so equal states give equal URLs). */
export function stateToParams(state: CatalogueState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.q && state.everywhere) params.set('everywhere', '1');
  for (const f of FACETS) for (const v of state.refinements[f.param]) params.append(f.param, v);
  if (state.near) params.set('near', nearParam(state.near));
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

export function stateHref(basePath: string, state: CatalogueState): string {
  // Commas are fine in a query and keep a position readable: near=52.39,5.29.
  const qs = stateToParams(state).toString().replace(/%2C/g, ',');
  return qs ? `${basePath}?${qs}` : basePath;
}

/**
 * True when the request's parameters are exactly the state's, in any order. Otherwise the page
 * redirects to the state's own URL: the no-JS form also submits empty fields, old links carry
 * values that no longer exist, and a shared link should be short.
 */
export function isCanonical(params: URLSearchParams, state: CatalogueState): boolean {
  const sorted = (p: URLSearchParams) =>
    [...p]
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join('&');
  return sorted(params) === sorted(stateToParams(state));
}

/** A new state with one facet value switched on or off; any change of filters starts at page 1. */
export function toggleValue(state: CatalogueState, param: FacetParam, value: string): CatalogueState {
  const spec = FACETS.find((f) => f.param === param)!;
  const current = state.refinements[param];
  const on = current.includes(value);
  const next = on ? current.filter((v) => v !== value) : spec.multiple ? [...current, value] : [value];
  return { ...state, refinements: { ...state.refinements, [param]: next }, page: 1 };
}

/**
 * The place the query names, which the catalogue searches in (the words without it, filtered on
 * that stadsdeel or wijk): only when the family chose no stadsdeel or wijk and did not ask to
 * search everywhere. The server's first render, the browser and the relevance test all search
 * through this (islands/catalogue/CatalogueApp.tsx, connectPlace).
 */
export function searchedPlace(state: CatalogueState, places: readonly PlaceGroup[]): FoundPlace | null {
  if (!state.q || state.everywhere) return null;
  if (state.refinements.stadsdeel.length > 0 || state.refinements.wijk.length > 0) return null;
  return findPlace(state.q, places);
}

export function setSingle(state: CatalogueState, param: FacetParam, value: string | null): CatalogueState {
  return { ...state, refinements: { ...state.refinements, [param]: value ? [value] : [] }, page: 1 };
}

// ---------------------------------------------------------------------------------------------
// Distance

export type WijkPoint = { slug: string; lat: number; lng: number };

export function nearPoint(near: Near | null, wijken: readonly WijkPoint[]): LatLng | null {
  if (!near) return null;
  if (!('wijk' in near)) return near;
  const w = wijken.find((x) => x.slug === near.wijk);
  return w ? { lat: w.lat, lng: w.lng } : null;
}

/** Meilisearch's sort rule for "nearest first". */
export function geoSortRule(point: LatLng): string {
  return `_geoPoint(${point.lat},${point.lng}):asc`;
}

/**
 * InstantSearch sorts by choosing an "index" name; instant-meilisearch reads `<index>:<sort rule>`
 * (see its sort-context.ts), so distance sorting is the index name with a _geoPoint rule.
 */
export function sortIndexName(indexName: string, point: LatLng | null): string {
  return point ? `${indexName}:${geoSortRule(point)}` : indexName;
}

/** The reverse of sortIndexName: a wijk when the point is a wijk's centroid, else the point. */
export function nearFromSortIndex(
  sortBy: string | undefined,
  indexName: string,
  wijken: readonly WijkPoint[],
): Near | null {
  if (!sortBy || sortBy === indexName) return null;
  const m = /_geoPoint\((-?[\d.]+),(-?[\d.]+)\):asc$/.exec(sortBy);
  if (!m) return null;
  const lat = Number(m[1]);
  const lng = Number(m[2]);
  const w = wijken.find((x) => x.lat === lat && x.lng === lng);
  return w ? { wijk: w.slug } : { lat, lng };
}

// ---------------------------------------------------------------------------------------------
// InstantSearch's UI state (one index): what react-instantsearch's routing reads and writes.

export type IndexUiState = {
  query?: string;
  refinementList?: Record<string, string[]>;
  page?: number;
  sortBy?: string;
  /** The family's choice to search the words everywhere (CatalogueState.everywhere). */
  everywhere?: boolean;
};

export function toUiState(state: CatalogueState, indexName: string, wijken: readonly WijkPoint[]): IndexUiState {
  const refinementList: Record<string, string[]> = {};
  for (const f of FACETS)
    if (state.refinements[f.param].length > 0) refinementList[f.attribute] = [...state.refinements[f.param]];
  const ui: IndexUiState = {};
  if (state.q) ui.query = state.q;
  if (state.q && state.everywhere) ui.everywhere = true;
  if (Object.keys(refinementList).length > 0) ui.refinementList = refinementList;
  if (state.page > 1) ui.page = state.page;
  const point = nearPoint(state.near, wijken);
  if (point) ui.sortBy = sortIndexName(indexName, point);
  return ui;
}

export function fromUiState(
  ui: IndexUiState | undefined,
  indexName: string,
  vocab: Vocabulary,
  wijken: readonly WijkPoint[],
): CatalogueState {
  const params = new URLSearchParams();
  if (ui?.query) params.set('q', ui.query);
  if (ui?.everywhere) params.set('everywhere', '1');
  for (const f of FACETS) for (const v of ui?.refinementList?.[f.attribute] ?? []) params.append(f.param, v);
  if (ui?.page && ui.page > 1) params.set('page', String(ui.page));
  const state = parseState(params, vocab);
  return { ...state, near: nearFromSortIndex(ui?.sortBy, indexName, wijken) };
}
