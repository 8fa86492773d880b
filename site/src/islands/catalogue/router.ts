import {
  fromUiState,
  stateHref,
  stateToParams,
  toUiState,
  type CatalogueState,
  type IndexUiState,
  type Vocabulary,
  type WijkPoint,
} from '../../lib/catalogue/state.ts';

type UiState = Record<string, IndexUiState>;

export type UrlRouter = {
  read: () => CatalogueState;
  write: (route: CatalogueState) => void;
  createURL: (route: CatalogueState) => string;
  onUpdate: (callback: (route: CatalogueState) => void) => void;
  dispose: () => void;
  /** Writes the last state to the address bar; called once its results are on screen. */
  flush: () => void;
  $$type: string;
};

/** Typing in the search box replaces the history entry instead of adding one per keystroke. */
const TYPING_MS = 1500;

/**
 * The catalogue's router for InstantSearch: readable query parameters (the same ones the no-JS form
 * submits), one history entry per change, and the back button restores the previous state.
 * A state is written once its results are rendered, so the address never runs ahead of the page.
 * `initialSearch` is the query string on the server, where there is no `window`.
 */
export function createUrlRouter(options: {
  basePath: string;
  vocab: Vocabulary;
  initialSearch: string;
  parse: (search: string) => CatalogueState;
}): UrlRouter {
  const browser = typeof window !== 'undefined';
  let pending: CatalogueState | null = null;
  let lastWrite = { at: 0, typing: false };
  let listener: ((e: PopStateEvent) => void) | null = null;
  const current = () => (browser ? window.location.search : options.initialSearch);

  return {
    $$type: 'droomkaart.url',
    read: () => options.parse(current()),
    write(route) {
      pending = route;
    },
    flush() {
      if (!browser || !pending) return;
      const route = pending;
      pending = null;
      const href = stateHref(options.basePath, route);
      const before = options.parse(window.location.search);
      // The same search in another order of parameters (a link from a home page, an old bookmark):
      // the address stays as it came, and no history entry repeats the page.
      if (href === window.location.pathname + window.location.search || href === stateHref(options.basePath, before))
        return keepLanguageLinks(window.location.search);
      const onlyTyping =
        before.q !== route.q && stateToParams({ ...before, q: route.q }).toString() === stateToParams(route).toString();
      // The first keystroke after another change adds an entry; the following ones replace it.
      const replace = onlyTyping && lastWrite.typing && Date.now() - lastWrite.at < TYPING_MS;
      window.history[replace ? 'replaceState' : 'pushState'](null, '', href);
      lastWrite = { at: Date.now(), typing: onlyTyping };
      keepLanguageLinks(window.location.search);
    },
    createURL: (route) => stateHref(options.basePath, route),
    onUpdate(callback) {
      if (!browser) return;
      listener = () => {
        keepLanguageLinks(window.location.search);
        callback(options.parse(window.location.search));
      };
      window.addEventListener('popstate', listener);
    },
    dispose() {
      if (listener) window.removeEventListener('popstate', listener);
      listener = null;
    },
  };
}

/**
 * The layout's language links carry the page's query string (they were rendered with it); after
 * a search in the browser they are brought up to date, so switching language keeps the search.
 */
function keepLanguageLinks(search: string) {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[hreflang]')) {
    const url = new URL(a.href);
    if (url.origin !== window.location.origin) continue;
    url.search = search;
    a.href = url.pathname + url.search;
  }
}

export function createStateMapping(indexName: string, vocab: Vocabulary, wijken: readonly WijkPoint[]) {
  return {
    $$type: 'droomkaart.state',
    stateToRoute: (uiState: UiState): CatalogueState => fromUiState(uiState[indexName], indexName, vocab, wijken),
    routeToState: (route: CatalogueState): UiState => ({ [indexName]: toUiState(route, indexName, wijken) }),
  };
}
