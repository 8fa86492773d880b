import type { MouseEvent } from 'react';
import type { PictureImage } from '@droomkaart/shared';
import { nearParam, searchedPlace, stateHref, type CatalogueState } from '../../lib/catalogue/state.ts';
import { ResultsBar } from './ResultsBar.tsx';
import type { Translate } from '../../lib/catalogue/messages.ts';
import { cardModel } from '../../lib/catalogue/card-model.ts';
import ActivityCard from '../../components/card/ActivityCard.tsx';
import type { Loosened } from '../../lib/catalogue/query/loosened.ts';
import type { WiderSearch } from '../../lib/catalogue/query/wider.ts';
import type { CatalogueConfig } from '../../lib/catalogue/types.ts';

/** The fields the catalogue asks for (lib/catalogue/page.ts keeps attributesToRetrieve in step). */
export type CatalogueHit = {
  id: string;
  title: string;
  slug: string;
  summary: string;
  ageMin: number;
  ageMax: number;
  costType: 'gratis' | 'betaald' | 'korting' | 'gratis-via-regeling';
  price: number | null;
  places: { name: string; wijkName?: string | null }[];
  days?: string[];
  sessions?: { day: string; start: string; end: string }[];
  dates?: { start: string; end: string | null } | null;
  kind?: string;
  themes?: string[];
  fallback: boolean;
  /** List view only (the map's compact list has no pictures). */
  image?: PictureImage | null;
  _geo?: { lat: number; lng: number };
  _geoDistance?: number;
  /** The words Meilisearch highlighted in this hit (CatalogueApp reduces its highlights to these). */
  _highlighted?: string[];
};

type Props = {
  config: CatalogueConfig;
  t: Translate;
  state: CatalogueState;
  hits: CatalogueHit[];
  /** null until the first results are in (only when the page had no server results). */
  total: number | null;
  pages: number;
  busy: boolean;
  failed: boolean;
  /** Which words the results match, when Meilisearch dropped some (lib/catalogue/query/loosened.ts). */
  loosened: Loosened | null;
  /** Nothing found: the nearest wider search that finds something (lib/catalogue/query/wider.ts). */
  wider: WiderSearch | null;
  onNavigate: (next: CatalogueState) => void;
};

/** Plain links everywhere (filters to remove, pages, the other view), taken over by a click handler. */
function follow(onNavigate: (s: CatalogueState) => void, next: CatalogueState, after?: () => void) {
  return (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    onNavigate(next);
    after?.();
  };
}

function focusResults() {
  const heading = document.getElementById('results-heading');
  heading?.focus();
  heading?.scrollIntoView({ block: 'start' });
}

/**
 * One short line before the results when the query names a place (state.ts searchedPlace): where
 * the catalogue searches, and a link to search the same words everywhere; or, after that choice,
 * the way back.
 */
function PlaceNotice({ config, t, state, onNavigate }: Pick<Props, 'config' | 't' | 'state' | 'onNavigate'>) {
  const place = searchedPlace({ ...state, everywhere: false }, config.wijkGroups);
  if (!place) return null;
  const next = { ...state, everywhere: !state.everywhere, page: 1 };
  return (
    <p className="search-notice">
      {state.everywhere ? t('catalogue.place.everywhere') : t('catalogue.place.searchingIn', { place: place.name })}{' '}
      <a href={stateHref(config.basePath, next)} onClick={follow(onNavigate, next)}>
        {state.everywhere ? t('catalogue.place.onlyIn', { place: place.name }) : t('catalogue.place.searchEverywhere')}
      </a>
    </p>
  );
}

export function Results({ config, t, state, hits, total, pages, busy, failed, loosened, wider, onNavigate }: Props) {
  const mapped = hits.filter((h) => h._geo).length;
  const page = state.page;
  return (
    <section className="results" aria-labelledby="results-heading" aria-busy={busy}>
      <ResultsBar config={config} t={t} state={state} total={total} failed={failed} onNavigate={onNavigate} />

      <PlaceNotice config={config} t={t} state={state} onNavigate={onNavigate} />

      {loosened && total !== 0 && (
        <p className="search-notice">
          {t('catalogue.loosened', { words: loosened.found.join(t('catalogue.card.listSeparator')) })}
        </p>
      )}

      {total === 0 && <p>{t('catalogue.results.none')}</p>}
      {total === 0 && wider && (
        <p className="search-notice">
          <a href={stateHref(config.basePath, wider.next)} onClick={follow(onNavigate, wider.next)}>
            {wider.kind === 'without'
              ? t('catalogue.wider.without', {
                  count: wider.count,
                  filter: state.refinements[wider.param]
                    .map((v) => config.labels[wider.param][v] ?? v)
                    .join(t('catalogue.card.listSeparator')),
                })
              : wider.kind === 'everywhere'
                ? t('catalogue.wider.everywhere', { count: wider.count })
                : t('catalogue.wider.noFilters')}
          </a>
        </p>
      )}
      {config.variant === 'map' && total !== null && total > hits.length && (
        <p className="hint">{t('map.showing', { shown: hits.length, total })}</p>
      )}
      {config.variant === 'map' && hits.length > mapped && (
        <p className="hint">{t('map.noPlace', { count: hits.length - mapped })}</p>
      )}

      <ul className={config.variant === 'map' ? 'cards cards--compact' : 'cards'}>
        {hits.map((hit) => {
          const card = cardModel(hit, {
            locale: config.locale,
            t,
            km: state.near && hit._geoDistance !== undefined ? hit._geoDistance / 1000 : null,
            linkQuery: state.near ? `near=${encodeURIComponent(nearParam(state.near))}` : undefined,
          });
          return (
            <li key={hit.id}>
              <ActivityCard
                card={card}
                onlyDutchText={t('catalogue.card.onlyDutch')}
                withPicture={config.variant === 'list'}
              />
            </li>
          );
        })}
      </ul>

      {config.variant === 'list' && pages > 1 && (
        <nav aria-label={t('catalogue.page.current', { page, pages })} className="pagination">
          {page > 1 && (
            <a
              rel="prev"
              href={stateHref(config.basePath, { ...state, page: page - 1 })}
              onClick={follow(onNavigate, { ...state, page: page - 1 }, focusResults)}
            >
              {t('catalogue.page.previous')}
            </a>
          )}
          <span>{t('catalogue.page.current', { page, pages })}</span>
          {page < pages && (
            <a
              rel="next"
              href={stateHref(config.basePath, { ...state, page: page + 1 })}
              onClick={follow(onNavigate, { ...state, page: page + 1 }, focusResults)}
            >
              {t('catalogue.page.next')}
            </a>
          )}
        </nav>
      )}
    </section>
  );
}
