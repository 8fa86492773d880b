// The map page's script (/<locale>/kaart), bundled by Astro from components/MapPane.astro, so the
// page's Content Security Policy allows it by 'self'. No React and no i18next: the filters and
// the list beside the map are the server's HTML (a filter is a page navigation, the address keeps
// the search), and the strings come with the data block through messages.ts's small lookup.
// MapLibre (controller.ts) is imported on demand: its own chunk, loaded on the visitor's first
// interaction or once the page has been quiet a while (MAP_QUIET_START_MS).
import { translator, type Messages, type Translate } from '../catalogue/messages.ts';
import type { CityGeo, MapHit } from './style.ts';
import { nearParam, roundPoint, type LatLng } from '../catalogue/state.ts';
import { viewHref, type MapView } from './view.ts';
import { onFirstInteraction } from '../hydration/interaction.ts';

/**
 * MapLibre is the page's one big cost on a cheap phone (parsing it and drawing the first frame
 * block the main thread for seconds): it starts on the visitor's first interaction with the page
 * (a touch, a key, the list/map switch) or once the page has been quiet this long after loading.
 * Until then the pane shows that the map is coming; the title, switch and list are usable.
 */
export const MAP_QUIET_START_MS = 3000;

/** What the server tells the map besides the hits (lib/catalogue/page.ts, mapConfig). */
export type MapConfig = {
  locale: string;
  messages: Messages;
  geo: CityGeo;
  /** A production basemap (PUBLIC_MAP_STYLE_URL); empty: the local (schematic test) style. */
  styleUrl: string;
  /** Credits shown on the map besides the style's own (PUBLIC_MAP_ATTRIBUTION); empty: none. */
  attribution: string;
};

/** The activities to draw, and where distances are measured from (the "near" point). */
export type MapData = { hits: MapHit[]; near: LatLng | null };

/** The page's data block: `<script type="application/json" id="map-data">`. */
export type MapPageData = MapData & { config: MapConfig };

export const MAP_DATA_ID = 'map-data';

/**
 * Pure: the same search sorted from a position, rounded to about a kilometre. The page's own
 * address is canonical (the server redirects to it), and `near` comes after the filters and
 * `page` last in it (catalogue/state.ts, stateToParams): replacing `near` where it is, or adding it at
 * the end, and dropping `page` keeps it canonical, so the server does not redirect again.
 */
export function nearHref(pathname: string, search: string, position: LatLng): string {
  const params = new URLSearchParams(search);
  params.delete('page');
  params.set('near', nearParam(roundPoint(position)));
  return `${pathname}?${params.toString().replace(/%2C/g, ',')}`;
}

/**
 * "Gebruik mijn locatie" on the map page: the filter form is static HTML there, so the button
 * (rendered hidden by Filters.tsx) is wired here. The position is asked only on this click and is
 * used as a page navigation, like every other filter on this page.
 */
function enableMyLocation(root: ParentNode, t: Translate) {
  const button = root.querySelector<HTMLButtonElement>('[data-locate]');
  if (!button) return;
  const status = root.querySelector<HTMLElement>('[data-locate-status]');
  const say = (key: string, problem = false) => {
    if (!status) return;
    status.textContent = t(key);
    status.className = problem ? 'notice' : 'hint';
    status.hidden = false;
  };
  button.hidden = false;
  const note = root.querySelector<HTMLElement>('#location-note');
  if (note) note.hidden = false;
  button.addEventListener('click', () => {
    if (!('geolocation' in navigator)) return say('catalogue.location.unavailable', true);
    say('catalogue.location.busy');
    navigator.geolocation.getCurrentPosition(
      (pos) =>
        window.location.assign(
          nearHref(window.location.pathname, window.location.search, {
            lat: pos.coords.latitude,
            lng: pos.coords.longitude,
          }),
        ),
      (err) =>
        say(err.code === err.PERMISSION_DENIED ? 'catalogue.location.denied' : 'catalogue.location.unavailable', true),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 600_000 },
    );
  });
}

/**
 * The list/map switch on a phone, in place: the links (page navigations without JavaScript) set
 * the view on the page and in the address, without loading the page again. `shown` is called
 * whenever the map becomes visible.
 */
function enableViewSwitch(root: Document, page: HTMLElement, shown: () => void) {
  const links = [...root.querySelectorAll<HTMLAnchorElement>('[data-view-switch] a[data-view]')];
  const show = (view: MapView) => {
    page.dataset.view = view;
    for (const link of links) {
      if (link.dataset.view === view) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    history.replaceState(history.state, '', viewHref(window.location.pathname + window.location.search, view));
    if (view === 'kaart') shown();
  };
  for (const link of links)
    link.addEventListener('click', (e) => {
      e.preventDefault();
      show(link.dataset.view as MapView);
    });
  // "Filters" on the map: the list view, with its filter sheet open (a <details>, Filters.tsx).
  root.querySelector('[data-view-filters]')?.addEventListener('click', (e) => {
    e.preventDefault();
    show('lijst');
    const sheet = root.querySelector<HTMLDetailsElement>('details.filter-sheet');
    if (!sheet) return root.querySelector('.catalogue-form')?.scrollIntoView();
    sheet.open = true;
    sheet.querySelector<HTMLElement>('.filter-sheet-body select, .filter-sheet-body input')?.focus();
  });
}

/**
 * Shows the map pane (hidden in the HTML: without JavaScript there is no map and the list takes the
 * width), then, on the first interaction or after a quiet while, loads MapLibre and draws the hits
 * the server wrote into the page. On a phone showing the list, MapLibre loads once the map is
 * switched to (it cannot size itself while not displayed).
 */
export function startMapPage(root: Document = document): void {
  const pane = root.querySelector<HTMLElement>('[data-map-pane]');
  const block = root.getElementById(MAP_DATA_ID);
  const container = pane?.querySelector<HTMLDivElement>('.map');
  if (!pane || !block || !container) return;
  const data = JSON.parse(block.textContent ?? '{}') as MapPageData;
  const t = translator(data.config.locale, data.config.messages);
  enableMyLocation(root, t);
  const loading = pane.querySelector<HTMLElement>('[data-map-loading]');
  pane.hidden = false;
  let started = false;
  const start = () => {
    if (started || container.clientHeight === 0) return;
    started = true;
    drawMap(container, data, t, loading);
  };
  // Not at once: on the first interaction or after a quiet while (MAP_QUIET_START_MS).
  let wanted = false;
  const want = () => {
    wanted = true;
    start();
  };
  const layout = root.querySelector<HTMLElement>('.map-page');
  if (layout) enableViewSwitch(root, layout, want);
  // A phone turned or a window widened can show the map without a switch.
  window.addEventListener('resize', () => {
    if (wanted) start();
  });
  onFirstInteraction(root, window, want, MAP_QUIET_START_MS);
}

function drawMap(container: HTMLDivElement, data: MapPageData, t: Translate, loading: HTMLElement | null) {
  import('./controller.ts')
    .then(({ createMapController }) => createMapController(container, data.config, t))
    .then((controller) => controller.setData(data))
    .then(() => {
      // Ready means drawn: the hits are on the canvas and their markers (data-activities) in place.
      container.dataset.status = 'ready';
      loading?.remove();
    })
    .catch((err: unknown) => {
      console.error(`[map] ${(err as Error).message}`);
      container.dataset.status = 'failed';
      loading?.remove();
      const alert = document.createElement('p');
      alert.setAttribute('role', 'alert');
      alert.className = 'notice map-status';
      alert.textContent = t('map.unavailable');
      container.after(alert);
    });
}
