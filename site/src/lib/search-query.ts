import { city, themeSlugs, AGE_MAX, AGE_MIN } from '@droomkaart/shared';

export const PAGE_SIZE = 20;

export type CatalogueQuery = {
  q: string;
  age: number | null;
  stadsdeel: string | null;
  theme: string | null;
  page: number;
};

/**
 * Pure: the catalogue's URL parameters to a query. Unknown or malformed values are dropped, not
 * errors: a shared link with an old filter still shows results.
 */
export function parseCatalogueQuery(params: URLSearchParams): CatalogueQuery {
  const q = (params.get('q') ?? '').trim().slice(0, 200);
  const ageRaw = params.get('age');
  const age = ageRaw !== null && /^\d{1,2}$/.test(ageRaw) && Number(ageRaw) >= AGE_MIN && Number(ageRaw) <= AGE_MAX ? Number(ageRaw) : null;
  const stadsdeelRaw = params.get('stadsdeel');
  const stadsdeel = city.stadsdelen.some((s) => s.slug === stadsdeelRaw) ? stadsdeelRaw : null;
  const themeRaw = params.get('theme');
  const theme = (themeSlugs as readonly string[]).includes(themeRaw ?? '') ? themeRaw : null;
  const pageRaw = Number(params.get('page') ?? '1');
  const page = Number.isInteger(pageRaw) && pageRaw >= 1 && pageRaw <= 250 ? pageRaw : 1;
  return { q, age, stadsdeel, theme, page };
}

/** Pure: Meilisearch filter expressions for a query (values are from fixed lists, never free text). */
export function toMeiliFilter(query: CatalogueQuery): string[] {
  const filter: string[] = [];
  if (query.age !== null) filter.push(`ages = ${query.age}`);
  if (query.stadsdeel) filter.push(`stadsdeel = "${query.stadsdeel}"`);
  if (query.theme) filter.push(`themes = "${query.theme}"`);
  return filter;
}

/** Pure: the catalogue URL for a query, for links (pagination, clear filters). */
export function catalogueHref(locale: string, query: Partial<CatalogueQuery>): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.age !== null && query.age !== undefined) params.set('age', String(query.age));
  if (query.stadsdeel) params.set('stadsdeel', query.stadsdeel);
  if (query.theme) params.set('theme', query.theme);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const qs = params.toString();
  return `/${locale}/activiteiten${qs ? `?${qs}` : ''}`;
}
