// When a search with filters finds nothing: the nearest wider search that finds something. Pure,
// no runtime imports (the island runs it in the browser).
import type { FoundPlace } from './places.ts';
import { FACETS, emptyRefinements, type CatalogueState, type FacetParam } from '../state.ts';

export type WiderSearch =
  /** The same search without one facet's filter, and how many that finds. */
  | { kind: 'without'; param: FacetParam; count: number; next: CatalogueState }
  /** The same words everywhere instead of in the place the query names. */
  | { kind: 'everywhere'; count: number; next: CatalogueState }
  /** The same words without any filter (how many is not known). */
  | { kind: 'noFilters'; next: CatalogueState };

/**
 * `counts`: per facet attribute with a chosen value, the hits of the search without that facet's
 * filter. InstantSearch asks exactly these for each chosen facet's counts (a disjunctive facet's
 * query), so no second search is needed. The widest of them wins; with none above zero, the search
 * without filters is offered. Null when nothing is filtered.
 */
export function widerSearch(
  state: CatalogueState,
  place: FoundPlace | null,
  counts: ReadonlyMap<string, number>,
): WiderSearch | null {
  let best: WiderSearch | null = null;
  for (const f of FACETS) {
    const count = counts.get(f.attribute) ?? 0;
    if (count <= 0 || (best && 'count' in best && best.count >= count)) continue;
    if (state.refinements[f.param].length > 0)
      best = {
        kind: 'without',
        param: f.param,
        count,
        next: { ...state, refinements: { ...state.refinements, [f.param]: [] }, page: 1 },
      };
    else if (place?.param === f.param)
      best = { kind: 'everywhere', count, next: { ...state, everywhere: true, page: 1 } };
  }
  if (best) return best;
  if (!place && FACETS.every((f) => state.refinements[f.param].length === 0)) return null;
  return {
    kind: 'noFilters',
    next: { ...state, refinements: emptyRefinements(), everywhere: place !== null, page: 1 },
  };
}
