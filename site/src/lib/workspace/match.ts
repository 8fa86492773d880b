import { AGE_MAX, AGE_MIN, dreamWords, rewriteQuery, themeSlugs, wijken } from '@droomkaart/shared';
import { intlLocale } from '../format.ts';

// The catalogue search beside a dream (the conversation view): prefilled from the dream (the
// child's own words, its age, its wijk and the themes the cms derived from it), every part
// editable as a GET parameter. Pure functions; search.ts asks Meilisearch.

export const MATCH_PAGE_SIZE = 10;
/** Distances a coordinator can limit the search to (km); none = the whole city. */
export const distanceChoices = [1, 2, 5, 10] as const;

export type MatchQuery = {
  q: string;
  themes: string[];
  age: number | null;
  free: boolean;
  /** Only activities within this many km of the family's wijk. */
  maxKm: number | null;
  page: number;
};

/** What the search starts from: the dream's age and themes, and its text (the child's own words). */
export type MatchDefaults = { age: number | null; themes: readonly string[]; dream?: string | null };

/**
 * The marker of a search the coordinator changed. Without it the page searches with the dream's
 * own age and themes; with it, exactly what the form says (so every theme can be unticked).
 */
export const MATCH_MARKER = 'zoek';

const knownThemes = new Set<string>(themeSlugs);
const onlyThemes = (values: readonly string[]) => [...new Set(values.filter((v) => knownThemes.has(v)))];

/** Pure: the search from the URL, or the dream's defaults when the coordinator has not changed it. */
export function parseMatchQuery(params: URLSearchParams, defaults: MatchDefaults): MatchQuery {
  const pageRaw = Number(params.get('page') ?? '1');
  const page = Number.isInteger(pageRaw) && pageRaw >= 1 && pageRaw <= 100 ? pageRaw : 1;
  if (params.get(MATCH_MARKER) !== '1') {
    return {
      q: dreamWords(defaults.dream ?? ''),
      themes: onlyThemes(defaults.themes),
      age: defaults.age,
      free: false,
      maxKm: null,
      page,
    };
  }
  const ageRaw = params.get('age') ?? '';
  const age =
    /^\d{1,2}$/.test(ageRaw) && Number(ageRaw) >= AGE_MIN && Number(ageRaw) <= AGE_MAX ? Number(ageRaw) : null;
  const km = Number(params.get('km'));
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    themes: onlyThemes(params.getAll('theme')),
    age,
    free: ['1', 'true', 'on'].includes(params.get('free') ?? ''),
    maxKm: (distanceChoices as readonly number[]).includes(km) ? km : null,
    page,
  };
}

/** Pure: the URL parameters of a changed search (for pagination links). */
export function matchParams(query: MatchQuery): URLSearchParams {
  const params = new URLSearchParams({ [MATCH_MARKER]: '1' });
  if (query.q) params.set('q', query.q);
  for (const theme of query.themes) params.append('theme', theme);
  if (query.age !== null) params.set('age', String(query.age));
  if (query.free) params.set('free', '1');
  if (query.maxKm !== null) params.set('km', String(query.maxKm));
  if (query.page > 1) params.set('page', String(query.page));
  return params;
}

export type LatLng = { lat: number; lng: number };

/** The centroid of a wijk from the city configuration, or null. */
export function wijkCentroid(slug: string | null | undefined): LatLng | null {
  const w = slug ? wijken.find((x) => x.slug === slug) : undefined;
  return w ? { lat: w.centroid[0], lng: w.centroid[1] } : null;
}

export type MeiliMatchSearch = {
  q: string;
  filter: string[];
  sort?: string[];
  page: number;
  hitsPerPage: number;
  matchingStrategy: 'frequency';
};

/**
 * Pure: the Meilisearch search. Values come from fixed lists (themes, ages, distances), never
 * from free text, so the filter cannot be broken out of. Nearest first from the family's wijk.
 * The words go out as the catalogue sends them (shared rewriteQuery, matchingStrategy frequency).
 */
export function toMeiliMatch(query: MatchQuery, origin: LatLng | null): MeiliMatchSearch {
  const filter: string[] = [];
  if (query.age !== null) filter.push(`ages = ${query.age}`);
  if (query.themes.length > 0) filter.push(`themes IN [${query.themes.map((t) => JSON.stringify(t)).join(', ')}]`);
  if (query.free) filter.push('free = true');
  if (origin && query.maxKm !== null) filter.push(`_geoRadius(${origin.lat}, ${origin.lng}, ${query.maxKm * 1000})`);
  return {
    q: query.q ? rewriteQuery(query.q) : '',
    filter,
    ...(origin ? { sort: [`_geoPoint(${origin.lat},${origin.lng}):asc`] } : {}),
    page: query.page,
    hitsPerPage: MATCH_PAGE_SIZE,
    matchingStrategy: 'frequency',
  };
}

/**
 * Pure: the searches to try in turn until one finds something: the query itself, then, when it
 * has both words and themes, the words alone (a dream of "dokter" at 8 finds no job-shadowing
 * day, but first aid and care activities do help). Never an empty page when a looser reading
 * finds something; the page says what was loosened.
 */
export function matchAttempts(query: MatchQuery): MatchQuery[] {
  if (query.q === '' || query.themes.length === 0) return [query];
  return [query, { ...query, themes: [] }];
}

/** Pure: metres from Meilisearch's `_geoDistance` as "1,2 km" (Dutch style, one decimal). */
export function distanceKm(metres: number | null | undefined, locale: string): string | null {
  if (metres === null || metres === undefined || !Number.isFinite(metres)) return null;
  const km = metres / 1000;
  return new Intl.NumberFormat(intlLocale(locale), {
    minimumFractionDigits: km < 10 ? 1 : 0,
    maximumFractionDigits: km < 10 ? 1 : 0,
  }).format(km);
}
