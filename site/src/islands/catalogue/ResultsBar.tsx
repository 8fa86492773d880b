import type { MouseEvent } from 'react';
import { FACETS, emptyState, stateHref, toggleValue, type CatalogueState } from '../../lib/catalogue/state.ts';
import type { Translate } from '../../lib/catalogue/messages.ts';
import type { CatalogueConfig } from '../../lib/catalogue/types.ts';

type Props = {
  config: CatalogueConfig;
  t: Translate;
  state: CatalogueState;
  /** null until the first results are in (only when the page had no server results). */
  total: number | null;
  failed: boolean;
  onNavigate: (next: CatalogueState) => void;
};

/** Plain links (a filter to remove, all filters), taken over by a click handler when the island runs. */
function follow(onNavigate: (s: CatalogueState) => void, next: CatalogueState) {
  return (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    onNavigate(next);
  };
}

/**
 * The bar above the results: how many were found (a polite live region, so a changed filter is
 * heard), the other view, and each chosen filter as a chip that removes just that one; "Alles
 * wissen" removes them all. Every chip is a link to the address without that filter, so it works
 * without JavaScript too.
 */
export function ResultsBar({ config, t, state, total, failed, onNavigate }: Props) {
  const chips = FACETS.flatMap((f) =>
    state.refinements[f.param].map((v) => ({ param: f.param, value: v, label: config.labels[f.param][v] ?? v })),
  );
  const cleared = emptyState();
  return (
    <div className="results-bar">
      <div className="results-head">
        <h2 id="results-heading" tabIndex={-1} aria-live="polite">
          {failed
            ? t('catalogue.results.unavailable')
            : total === null
              ? t('catalogue.results.loading')
              : t('catalogue.results.count', { count: total })}
        </h2>
        <a className="other-view" href={stateHref(config.otherPath, { ...state, page: 1 })}>
          {config.variant === 'list' ? t('catalogue.toMap') : t('map.toList')}
        </a>
      </div>

      {chips.length > 0 && (
        <div className="chips">
          <h3 className="visually-hidden-heading">{t('catalogue.filters.chosen')}</h3>
          <ul>
            {chips.map((c) => {
              const next = toggleValue(state, c.param, c.value);
              return (
                <li key={`${c.param}:${c.value}`}>
                  <a
                    href={stateHref(config.basePath, next)}
                    aria-label={t('catalogue.filters.remove', { label: c.label })}
                    onClick={follow(onNavigate, next)}
                  >
                    {c.label} <span aria-hidden="true">×</span>
                  </a>
                </li>
              );
            })}
            {chips.length > 1 && (
              <li>
                <a
                  className="chips-clear"
                  href={stateHref(config.basePath, cleared)}
                  onClick={follow(onNavigate, cleared)}
                >
                  {t('catalogue.filters.clear')}
                </a>
              </li>
            )}
          </ul>
        </div>
      )}
    </div>
  );
}
