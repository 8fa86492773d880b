import { useEffect, useMemo, useState, useSyncExternalStore, type ComponentProps } from 'react';
import {
  InstantSearch,
  useConfigure,
  useConnector,
  useHits,
  useInstantSearch,
  usePagination,
  useRefinementList,
  useSearchBox,
} from 'react-instantsearch-core';
import {
  FACETS,
  emptyState,
  fromUiState,
  parseState,
  searchedPlace,
  toUiState,
  type Navigation,
  type IndexUiState,
  type FacetParam,
} from '../../lib/catalogue/state.ts';
import { Filters } from './Filters.tsx';
import { translator } from '../../lib/catalogue/messages.ts';
import { Results, type CatalogueHit } from './Results.tsx';
import { createStateMapping, createUrlRouter, type UrlRouter } from './router.ts';
import type { SearchClient } from '../../lib/catalogue/search-client.ts';
import type { CatalogueConfig } from '../../lib/catalogue/types.ts';
import { dreamWords, setPlaceNames } from '@droomkaart/shared/search/query';
import { highlightedWords, loosenedSearch, searchedWords } from '../../lib/catalogue/query/loosened.ts';
import { widerSearch } from '../../lib/catalogue/query/wider.ts';

type Props = { config: CatalogueConfig; searchClient: SearchClient };

/**
 * The catalogue: one InstantSearch over `activities_<locale>`. Rendered three times with the same
 * props: by getServerState() on the server (to fetch the first results), by Astro (the HTML, which
 * works as a plain GET form without JavaScript), and in the browser (hydrated with the server's
 * results, so there is no second search and no flash). The map page (/kaart) stops after the
 * second: its filters and list stay the server's HTML, and the map is a plain script beside them.
 */
const noSubscription = () => () => {};

/**
 * The search client with each hit's highlights reduced to the words they mark (`_highlighted`):
 * instant-meilisearch copies every retrieved field into `_highlightResult` and `_snippetResult`,
 * which would more than double the results the page carries to the island.
 */
function withHighlightedWords(client: SearchClient): SearchClient {
  const search = client.search.bind(client) as (requests: unknown) => Promise<{ results: unknown[] }>;
  return Object.assign(Object.create(client) as SearchClient, {
    search: (async (requests: unknown) => {
      const response = await search(requests);
      return {
        ...response,
        results: response.results.map((r) => {
          const result = r as { hits?: Record<string, unknown>[] };
          if (!Array.isArray(result.hits)) return r;
          return {
            ...result,
            hits: result.hits.map(({ _highlightResult, _snippetResult: _, ...hit }) => ({
              ...hit,
              _highlighted: highlightedWords(_highlightResult),
            })),
          };
        }),
      };
    }) as SearchClient['search'],
  });
}

export function CatalogueApp({ config, searchClient: client }: Props) {
  // The query rewrite keeps the city's place names as typed; in the browser it has them from here.
  useState(() => setPlaceNames(config.wijkGroups.flatMap((g) => [g.name, ...g.wijken.map((w) => w.name)])));
  const [searchClient] = useState(() => withHighlightedWords(client));
  const [router] = useState(() =>
    createUrlRouter({
      basePath: config.basePath,
      vocab: config.vocab,
      initialSearch: config.initialSearch,
      parse: (search) => parseState(new URLSearchParams(search), config.vocab),
    }),
  );
  const [routing] = useState(() => ({
    router,
    stateMapping: createStateMapping(config.indexName, config.vocab, config.wijken),
  }));
  return (
    <InstantSearch
      searchClient={searchClient}
      indexName={config.indexName}
      routing={routing as ComponentProps<typeof InstantSearch>['routing']}
      // No Algolia Insights: nothing may leave for another origin.
      insights={false}
      future={{ preserveSharedStateOnUnmount: true }}
    >
      <CatalogueView config={config} router={router} />
    </InstantSearch>
  );
}

/** Distance sorting as InstantSearch state: `sortBy` holds `<index>:_geoPoint(lat,lng):asc`. */
const connectNearSort = ((renderFn: (state: object, isFirst: boolean) => void) => (params: { baseIndex: string }) => ({
  $$type: 'droomkaart.nearSort',
  init(options: { instantSearchInstance: unknown }) {
    renderFn({ instantSearchInstance: options.instantSearchInstance }, true);
  },
  render(options: { instantSearchInstance: unknown }) {
    renderFn({ instantSearchInstance: options.instantSearchInstance }, false);
  },
  dispose({ state }: { state: { setQueryParameter: (k: string, v: string) => unknown } }) {
    return state.setQueryParameter('index', params.baseIndex);
  },
  getRenderState(renderState: object) {
    return renderState;
  },
  getWidgetRenderState() {
    return {};
  },
  getWidgetUiState(uiState: object, { searchParameters }: { searchParameters: { index: string } }) {
    return { ...uiState, sortBy: searchParameters.index !== params.baseIndex ? searchParameters.index : undefined };
  },
  getWidgetSearchParameters(
    searchParameters: { setQueryParameter: (k: string, v: string) => unknown },
    { uiState }: { uiState: { sortBy?: string } },
  ) {
    return searchParameters.setQueryParameter('index', uiState.sortBy || params.baseIndex);
  },
})) as unknown as Parameters<typeof useConnector>[0];

/** What the place reading leaves in the search parameters, to give the typed words back to the URL. */
type PlaceReading = { typed: string; attribute: string; value: string };
type PlaceParameters = {
  query?: string;
  droomkaartPlace?: PlaceReading;
  droomkaartEverywhere?: boolean;
  setQueryParameter: (k: string, v: unknown) => PlaceParameters;
  isDisjunctiveFacet: (attribute: string) => boolean;
  addDisjunctiveFacet: (attribute: string) => PlaceParameters;
  addDisjunctiveFacetRefinement: (attribute: string, value: string) => PlaceParameters;
};

/**
 * What the catalogue reads in the query, as InstantSearch state. A place named in the query
 * (state.ts searchedPlace): the search sends
 * the other words, filtered on that stadsdeel or wijk, while the search box, the URL and the
 * family's own filters keep what was typed and chosen. Added after the search box and the
 * refinement lists, so it reads their parameters and changes them last; it notes the reading in
 * the parameters (instant-meilisearch sends only the parameters it knows) to undo it for the URL.
 */
const connectPlace = ((renderFn: (state: object, isFirst: boolean) => void) =>
  (params: { config: CatalogueConfig }) => ({
    $$type: 'droomkaart.place',
    init(options: { instantSearchInstance: unknown }) {
      renderFn({ instantSearchInstance: options.instantSearchInstance }, true);
    },
    render(options: { instantSearchInstance: unknown }) {
      renderFn({ instantSearchInstance: options.instantSearchInstance }, false);
    },
    dispose({ state }: { state: PlaceParameters }) {
      return state.setQueryParameter('droomkaartPlace', undefined).setQueryParameter('droomkaartEverywhere', undefined);
    },
    getRenderState(renderState: object) {
      return renderState;
    },
    getWidgetRenderState() {
      return {};
    },
    getWidgetUiState(uiState: IndexUiState, { searchParameters }: { searchParameters: PlaceParameters }) {
      let ui = uiState;
      const reading = searchParameters.droomkaartPlace;
      if (reading) {
        const { [reading.attribute]: _read, ...others } = ui.refinementList ?? {};
        const kept = (_read ?? []).filter((v) => v !== reading.value);
        const refinementList = kept.length > 0 ? { ...others, [reading.attribute]: kept } : others;
        const { query: _sent, refinementList: _list, ...rest } = ui;
        ui = {
          ...rest,
          ...(reading.typed ? { query: reading.typed } : {}),
          ...(Object.keys(refinementList).length > 0 ? { refinementList } : {}),
        };
      }
      if (searchParameters.droomkaartEverywhere) ui = { ...ui, everywhere: true };
      return ui;
    },
    getWidgetSearchParameters(searchParameters: PlaceParameters, { uiState }: { uiState: IndexUiState }) {
      const { config } = params;
      const state = fromUiState(uiState, config.indexName, config.vocab, config.wijken);
      const place = searchedPlace(state, config.wijkGroups);
      // Highlights cost Meilisearch time per hit: asked only where the loosened-words notice reads
      // them, the list's first page of a search with two words or more (one cannot be loosened).
      const words = place ? place.rest : state.q;
      const highlight =
        state.page === 1 && config.variant === 'list' && searchedWords(dreamWords(words), config.stopWords).length > 1;
      let sp = searchParameters
        .setQueryParameter('attributesToHighlight', highlight ? config.attributesToHighlight : [])
        .setQueryParameter('droomkaartEverywhere', state.everywhere || undefined)
        .setQueryParameter('droomkaartPlace', undefined);
      if (!place) return sp;
      const attribute = FACETS.find((f) => f.param === place.param)!.attribute;
      if (!sp.isDisjunctiveFacet(attribute)) sp = sp.addDisjunctiveFacet(attribute);
      return sp
        .setQueryParameter('query', place.rest)
        .addDisjunctiveFacetRefinement(attribute, place.slug)
        .setQueryParameter('droomkaartPlace', { typed: state.q, attribute, value: place.slug });
    },
  })) as unknown as Parameters<typeof useConnector>[0];

function useFacetCounts(): Record<FacetParam, Map<string, number>> {
  // FACETS is a constant list, so the hooks are always called in the same order.
  const out = {} as Record<FacetParam, Map<string, number>>;
  for (const f of FACETS) {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    const { items } = useRefinementList({ attribute: f.attribute, limit: 100, operator: 'or' });
    out[f.param] = new Map(items.map((i) => [i.value, i.count]));
  }
  return out;
}

function CatalogueView({ config, router }: { config: CatalogueConfig; router: UrlRouter }) {
  const t = useMemo(() => translator(config.locale, config.messages), [config.locale, config.messages]);
  const { results, status, indexUiState, setIndexUiState, refresh } = useInstantSearch();
  useConfigure({
    hitsPerPage: config.hitsPerPage,
    attributesToRetrieve: config.attributesToRetrieve,
    // Set per search by connectPlace: only where the loosened-words notice reads them.
    attributesToHighlight: [],
  });
  useSearchBox();
  useConnector(connectNearSort, { baseIndex: config.indexName });
  usePagination();
  const counts = useFacetCounts();
  // Last: it reads what the search box and the refinement lists set (see connectPlace).
  useConnector(connectPlace, { config });
  const { items } = useHits<CatalogueHit>();
  // False while the server's HTML is hydrated, true after: React's own way to tell them apart.
  const mounted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  const state = useMemo(
    () => fromUiState(indexUiState, config.indexName, config.vocab, config.wijken),
    [indexUiState, config],
  );
  // An edit is applied to the search as it stands when React applies it, not as this render saw it:
  // two quick changes (a filter chosen while the island wakes, then another) both count.
  const navigate = (next: Navigation) =>
    setIndexUiState((prev) => ({
      ...(prev.configure ? { configure: prev.configure } : {}),
      ...toUiState(
        typeof next === 'function' ? next(fromUiState(prev, config.indexName, config.vocab, config.wijken)) : next,
        config.indexName,
        config.wijken,
      ),
    }));

  // The address bar follows the results, not the clicks: written once the new results are shown.
  useEffect(() => {
    if (status === 'idle' || status === 'error') router.flush();
  }, [results, status, router]);

  const artificial = Boolean((results as { __isArtificial?: boolean }).__isArtificial);
  const total = artificial ? null : results.nbHits;
  const place = searchedPlace(state, config.wijkGroups);
  // Which words the best hit matches, when not all (Meilisearch dropped some to find anything).
  // Page 1 only: later pages hold the hits with fewer words even when the first ones had them all
  // (and only there, in the list, are highlights asked: connectPlace).
  const loosened =
    total && items[0] && state.page === 1
      ? // The words the search is about: a dream sentence's and filler words are never searched.
        loosenedSearch(dreamWords(place ? place.rest : state.q), config.stopWords, items[0]._highlighted ?? [])
      : null;
  // Nothing found with filters: the hits without each chosen facet's filter, which InstantSearch
  // asked for that facet's counts (one query per chosen facet, after the list's own, in this order).
  const raw = results as unknown as {
    _rawResults?: { nbHits?: number }[];
    _state?: { getRefinedDisjunctiveFacets?: () => string[] };
  };
  const wider =
    total === 0
      ? widerSearch(
          state,
          place,
          new Map(
            (raw._state?.getRefinedDisjunctiveFacets?.() ?? []).map((a, i) => [
              a,
              raw._rawResults?.[i + 1]?.nbHits ?? 0,
            ]),
          ),
        )
      : null;
  return (
    <div className={`catalogue catalogue--${config.variant}`} data-ready={mounted ? 'true' : undefined}>
      <Filters
        config={config}
        t={t}
        state={state}
        counts={counts}
        interactive={mounted}
        total={total}
        onNavigate={navigate}
        onSubmitQuery={(q) => (q === state.q ? refresh() : navigate({ ...state, q, page: 1, everywhere: false }))}
        onClear={() => navigate(emptyState())}
      />
      <Results
        config={config}
        t={t}
        state={state}
        hits={items}
        total={total}
        loosened={loosened}
        wider={wider}
        pages={results.nbPages}
        busy={status === 'loading' || status === 'stalled'}
        failed={status === 'error'}
        onNavigate={navigate}
      />
    </div>
  );
}
