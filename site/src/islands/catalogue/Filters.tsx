import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import {
  parseNear,
  roundPoint,
  setSingle,
  stateHref,
  toggleValue,
  type CatalogueState,
  type Navigation,
  type FacetParam,
} from '../../lib/catalogue/state.ts';
import { changedBeforeHydration } from './before-hydration.ts';
import type { Translate } from '../../lib/catalogue/messages.ts';
import type { CatalogueConfig } from '../../lib/catalogue/types.ts';

type Props = {
  config: CatalogueConfig;
  t: Translate;
  state: CatalogueState;
  counts: Record<FacetParam, Map<string, number>>;
  /** False on the server and in the first browser render: only then is the HTML a plain form. */
  interactive: boolean;
  /** How many the current filters find (null while unknown): the sheet's "Toon N activiteiten". */
  total: number | null;
  onNavigate: (next: Navigation) => void;
  onSubmitQuery: (q: string) => void;
  onClear: () => void;
};

const SELECTS: { param: FacetParam; label: string; any: string }[] = [
  { param: 'age', label: 'catalogue.filters.age', any: 'catalogue.filters.anyAge' },
  { param: 'edition', label: 'catalogue.filters.edition', any: 'catalogue.filters.anyEdition' },
  { param: 'stadsdeel', label: 'catalogue.filters.stadsdeel', any: 'catalogue.filters.anyStadsdeel' },
  { param: 'wijk', label: 'catalogue.filters.wijk', any: 'catalogue.filters.anyWijk' },
  { param: 'theme', label: 'catalogue.filters.theme', any: 'catalogue.filters.anyTheme' },
];
const CHECKBOXES: { param: FacetParam; legend: string }[] = [
  { param: 'cost', legend: 'catalogue.filters.cost' },
  { param: 'day', legend: 'catalogue.filters.day' },
  { param: 'kind', legend: 'catalogue.filters.kind' },
  { param: 'lang', legend: 'catalogue.filters.languages' },
  { param: 'access', legend: 'catalogue.filters.accessibility' },
];

type GeoStatus = 'idle' | 'busy' | 'denied' | 'unavailable';

/** From this width the filters stand beside the results (catalogue.css); below it they are a sheet. */
export const WIDE = '(min-width: 56.25rem)';
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([type="hidden"]), select, textarea, summary';

/**
 * The search form. Without JavaScript it is a GET form (selects, checkboxes, submit) answered by the
 * server; in the browser every change searches at once and the submit buttons only refresh.
 */
export function Filters({ config, t, state, counts, interactive, total, onNavigate, onSubmitQuery, onClear }: Props) {
  const [q, setQ] = useState(state.q);
  // Back/forward changes the query from outside the box: adjust the box while rendering
  // (react.dev, "Adjusting some state when a prop changes").
  const [shownQ, setShownQ] = useState(state.q);
  if (state.q !== shownQ) {
    setShownQ(state.q);
    setQ(state.q);
  }
  const [geo, setGeo] = useState<GeoStatus>('idle');
  // The filters sit in a <details>: on a phone its open state is the sheet (catalogue.css), so it
  // opens and closes without JavaScript too; from WIDE it stands open beside the results.
  const sheet = useRef<HTMLDetailsElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!interactive) return;
    const wide = window.matchMedia(WIDE);
    const follow = () => setOpen(wide.matches);
    follow();
    wide.addEventListener('change', follow);
    return () => wide.removeEventListener('change', follow);
  }, [interactive]);
  // Woken by the visitor's first interaction (client:interaction): what they typed, ticked or
  // chose before the island took over is in the form, not yet in the search. Hydrating a <select>
  // sets it back to the server's value (React commits the value it rendered): so the form is read
  // as this first render runs, and again on every input until the island is interactive. Then
  // that search is the island's first; edits are applied to the search as it stands (Navigation).
  const form = useRef<HTMLFormElement>(null);
  const [before] = useState(() => (config.variant === 'map' ? null : watchFormBeforeHydration()));
  useLayoutEffect(() => {
    const box = form.current?.querySelector<HTMLInputElement>('input[name="q"]');
    if (box && before && box.value !== q) setQ(box.value);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, as the island wakes
  }, []);
  useEffect(() => {
    if (!interactive || !before) return;
    if (sheet.current?.open) setOpen(true);
    const next = changedBeforeHydration(before.stop(), state, config.vocab);
    if (next) onNavigate(next);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the island is interactive
  }, [interactive]);
  const active = Object.values(state.refinements).reduce((n, values) => n + values.length, 0) + (state.near ? 1 : 0);
  const isSheet = () => !window.matchMedia(WIDE).matches;
  const closeSheet = (focus: 'summary' | 'results') => {
    setOpen(false);
    if (focus === 'summary') sheet.current?.querySelector('summary')?.focus();
    else {
      const heading = document.getElementById('results-heading');
      heading?.focus();
      heading?.scrollIntoView({ block: 'start' });
    }
  };
  const onToggle = () => {
    const now = sheet.current?.open ?? false;
    setOpen(now);
    // Opened as a sheet: the focus goes into it (its first control), so the keyboard is there.
    if (now && interactive && isSheet()) body.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  };
  // Listened to on the sheet itself (a keyboard trap and Escape belong to the sheet, not to one control).
  const onSheetKey = (e: KeyboardEvent) => {
    if (!sheet.current?.open || !isSheet()) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      closeSheet('summary');
      return;
    }
    if (e.key !== 'Tab') return;
    // A sheet covers the page: the focus goes round inside it.
    const items = [...(body.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter(
      (el) => el.offsetParent !== null,
    );
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first?.focus();
    }
  };
  const keyHandler = useRef(onSheetKey);
  useEffect(() => {
    keyHandler.current = onSheetKey;
  });
  useEffect(() => {
    const el = body.current;
    if (!el || !interactive) return;
    const listener = (e: KeyboardEvent) => keyHandler.current(e);
    el.addEventListener('keydown', listener);
    return () => el.removeEventListener('keydown', listener);
  }, [interactive]);
  const onClose = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!interactive) return;
    e.preventDefault();
    closeSheet('summary');
  };
  const label = (param: FacetParam, value: string) => config.labels[param][value] ?? value;
  const withCount = (param: FacetParam, value: string) => `${label(param, value)} (${counts[param].get(value) ?? 0})`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmitQuery(q.trim());
  };

  const useMyLocation = () => {
    if (!('geolocation' in navigator)) return setGeo('unavailable');
    setGeo('busy');
    // Asked only on this click; the position is rounded to about a kilometre before it is used.
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setGeo('idle');
        onNavigate((now) => ({
          ...now,
          near: roundPoint({ lat: pos.coords.latitude, lng: pos.coords.longitude }),
          page: 1,
        }));
      },
      (err) => setGeo(err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 600_000 },
    );
  };

  const nearValue = state.near ? ('wijk' in state.near ? state.near.wijk : `${state.near.lat},${state.near.lng}`) : '';
  const geoMessage = {
    idle: '',
    busy: t('catalogue.location.busy'),
    denied: t('catalogue.location.denied'),
    unavailable: t('catalogue.location.unavailable'),
  }[geo];

  return (
    <form
      ref={form}
      id={FORM_ID}
      className="catalogue-form"
      method="get"
      action={config.basePath}
      role="search"
      aria-label={t('catalogue.title')}
      onSubmit={submit}
    >
      <a className="skip-results" href="#results-heading">
        {t('catalogue.skipToResults')}
      </a>
      <div className="field search-field">
        <label htmlFor="q">{t('catalogue.search.label')}</label>
        <div className="search-row">
          <input
            id="q"
            name="q"
            type="search"
            value={q}
            placeholder={t('catalogue.search.placeholder')}
            maxLength={200}
            autoComplete="off"
            onChange={(e) => {
              setQ(e.target.value);
              // New words are read afresh: "search everywhere" was a choice for the old ones.
              const typed = e.target.value.trim();
              if (interactive) onNavigate((now) => ({ ...now, q: typed, page: 1, everywhere: false }));
            }}
          />
          <button type="submit" className="button">
            {t('catalogue.search.submit')}
          </button>
        </div>
      </div>

      <details className="filter-sheet" ref={sheet} open={open} onToggle={onToggle}>
        <summary className="filter-toggle">
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" className="filter-icon">
            <path d="M4 6h16M7 12h10M10 18h4" />
          </svg>
          <span>{t('catalogue.filters.title')}</span>
          {active > 0 && (
            <span className="filter-count">
              <span aria-hidden="true">{active}</span>
              <span className="visually-hidden-heading">{t('catalogue.filters.chosenCount', { count: active })}</span>
            </span>
          )}
        </summary>
        <div className="filter-sheet-body" ref={body}>
          <p className="filter-sheet-head">
            {/* Without JavaScript: back to the same results, the sheet closed. */}
            <a href={stateHref(config.basePath, state)} onClick={onClose}>
              {t('catalogue.filters.close')}
            </a>
          </p>
          <fieldset className="filter-group">
            <legend>{t('catalogue.filters.title')}</legend>
            {SELECTS.map(({ param, label: labelKey, any }) => (
              <div className="field" key={param}>
                <label htmlFor={`filter-${param}`}>{t(labelKey)}</label>
                <select
                  id={`filter-${param}`}
                  name={param}
                  value={state.refinements[param][0] ?? ''}
                  onChange={(e) => {
                    // The value this select shows is no choice: a change event that comes after the
                    // hydration set the field back (its input was read before: watchFormBeforeHydration).
                    if (e.target.value === (state.refinements[param][0] ?? '')) return;
                    const chosen = e.target.value || null;
                    onNavigate((now) => setSingle(now, param, chosen));
                  }}
                >
                  <option value="">{t(any)}</option>
                  {param === 'wijk'
                    ? config.wijkGroups.map((g) => (
                        <optgroup key={g.slug} label={g.name}>
                          {g.wijken.map((w) => (
                            <option key={w.slug} value={w.slug}>
                              {withCount('wijk', w.slug)}
                            </option>
                          ))}
                        </optgroup>
                      ))
                    : config.vocab[param].map((v) => (
                        <option key={v} value={v}>
                          {withCount(param, v)}
                        </option>
                      ))}
                </select>
              </div>
            ))}

            {CHECKBOXES.map(({ param, legend }) => {
              const values = config.vocab[param].filter(
                (v) => (counts[param].get(v) ?? 0) > 0 || state.refinements[param].includes(v),
              );
              if (values.length === 0) return null;
              return (
                <fieldset className="checks" key={param}>
                  <legend>{t(legend)}</legend>
                  {values.map((v) => (
                    <div className="check" key={v}>
                      <input
                        type="checkbox"
                        id={`filter-${param}-${v}`}
                        name={param}
                        value={v}
                        checked={state.refinements[param].includes(v)}
                        onChange={() => onNavigate((now) => toggleValue(now, param, v))}
                      />
                      <label htmlFor={`filter-${param}-${v}`}>{withCount(param, v)}</label>
                    </div>
                  ))}
                </fieldset>
              );
            })}

            <div className="field near">
              <label htmlFor="filter-near">{t('catalogue.sort.label')}</label>
              <select
                id="filter-near"
                name="near"
                value={nearValue}
                onChange={(e) => {
                  const near = parseNear(e.target.value, config.vocab.wijk);
                  onNavigate((now) => ({ ...now, near, page: 1 }));
                }}
              >
                <option value="">{t('catalogue.sort.none')}</option>
                {state.near && !('wijk' in state.near) && (
                  <option value={nearValue}>{t('catalogue.sort.myLocation')}</option>
                )}
                {config.wijkGroups.map((g) => (
                  <optgroup key={g.slug} label={g.name}>
                    {g.wijken.map((w) => (
                      <option key={w.slug} value={w.slug}>
                        {w.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
              {/* The map page is never hydrated: there the button comes hidden and lib/map/page.ts shows and wires it. */}
              {(interactive || config.variant === 'map') && (
                <button
                  type="button"
                  className="button secondary"
                  onClick={useMyLocation}
                  aria-describedby="location-note"
                  hidden={!interactive}
                  data-locate
                >
                  {t('catalogue.location.use')}
                </button>
              )}
              {(interactive || config.variant === 'map') && (
                <p id="location-note" className="hint" hidden={!interactive}>
                  {t('catalogue.location.note')}
                </p>
              )}
              <p
                role="status"
                className={geo === 'denied' || geo === 'unavailable' ? 'notice' : 'hint'}
                hidden={!geoMessage}
                data-locate-status
              >
                {geoMessage}
              </p>
            </div>
          </fieldset>

          <div className="form-actions filter-sheet-foot">
            {/* Without JavaScript the filters apply on submit; with it they apply at once, and on a
            phone the sheet's button closes it on the results it already shows. */}
            {!interactive && (
              <button type="submit" className="button">
                {t('catalogue.filters.apply')}
              </button>
            )}
            {interactive && total !== null && (
              <button type="button" className="button filter-show" onClick={() => closeSheet('results')}>
                {t('catalogue.filters.show', { count: total })}
              </button>
            )}
            <a
              href={config.basePath}
              onClick={(e) => {
                if (!interactive) return;
                e.preventDefault();
                setQ('');
                onClear();
              }}
            >
              {t('catalogue.filters.clear')}
            </a>
          </div>
        </div>
      </details>
    </form>
  );
}

/** The catalogue form's id: the island finds the server's form by it before hydrating it. */
const FORM_ID = 'catalogue-form';

/** The form's fields as its GET submission would send them. */
function formFields(el: HTMLFormElement): URLSearchParams {
  const fields = new URLSearchParams();
  for (const [name, value] of new FormData(el)) if (typeof value === 'string') fields.append(name, value);
  return fields;
}

/**
 * Follows the server's form while React hydrates it: `stop()` gives its fields as the visitor last
 * left them (read now, and at each change, before React can set a field back) and stops following.
 */
function watchFormBeforeHydration(): { stop: () => URLSearchParams } | null {
  if (typeof document === 'undefined') return null;
  const el = document.getElementById(FORM_ID);
  if (!(el instanceof HTMLFormElement)) return null;
  let fields = formFields(el);
  // On `input`, which every change of a field starts with (a choice, a tick, a key), on the window in
  // the capture phase: before any of React's listeners. Not on `change`: React may have set the
  // field back by the time that follows (its hydration commits in between).
  const record = (e: Event) => {
    if (e.target instanceof Node && el.contains(e.target)) fields = formFields(el);
  };
  window.addEventListener('input', record, true);
  return {
    stop() {
      window.removeEventListener('input', record, true);
      return fields;
    },
  };
}
