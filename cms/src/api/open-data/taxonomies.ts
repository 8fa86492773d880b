// The taxonomies of the open data: the shared vocabularies (themes, kinds, offer types, audiences,
// cost types, accessibility) as HSDS 3.0 taxonomies and taxonomy terms. They come from the code,
// not the database, so they are the same on every server; every id is a stable UUID (./ids.ts).
// The terms have no hierarchy: each is a top-level term of its taxonomy.
import { accessibilityFeatures, activityKinds, audiences, costTypes, offerTypes, themeSlugs } from '@droomkaart/shared';
import { hsdsId, isUuid } from './ids';
import { label } from './labels';

export type Taxonomy = 'theme' | 'kind' | 'offer_type' | 'audience' | 'cost_type' | 'accessibility';

type Definition = {
  codes: readonly string[];
  /** Prefix of the term's label key in the shared i18n resources. */
  labelPrefix: string;
  description: string;
  /** Document Service filter on activities with this term; absent when not filterable (a JSON field). */
  filter?: (code: string) => Record<string, unknown>;
  /** Document Service filter on activities with any term of this taxonomy. */
  anyFilter?: () => Record<string, unknown>;
};

const DEFINITIONS: Record<Taxonomy, Definition> = {
  theme: {
    codes: themeSlugs,
    labelPrefix: 'theme',
    description: 'Droomkaart themes: what an activity is about (sport, culture, nature, ...).',
    filter: (code) => ({ themes: { slug: { $eq: code } } }),
    anyFilter: () => ({ themes: { slug: { $in: [...themeSlugs] } } }),
  },
  kind: {
    codes: activityKinds,
    labelPrefix: 'kind',
    description: 'Droomkaart kinds of offer: activity, course, event, scheme, help, things.',
    filter: (code) => ({ kind: { $eq: code } }),
    anyFilter: () => ({ kind: { $in: [...activityKinds] } }),
  },
  offer_type: {
    codes: offerTypes,
    labelPrefix: 'offerType',
    description: 'Droomkaart programme aims an offer serves (development, unfolding talent, relaxing, ...).',
    filter: (code) => ({ offerType: { $eq: code } }),
    anyFilter: () => ({ offerType: { $in: [...offerTypes] } }),
  },
  audience: {
    codes: audiences,
    labelPrefix: 'audience',
    description: 'Droomkaart audiences: children, young people, parents, families.',
    filter: (code) => ({ audience: { $eq: code } }),
    anyFilter: () => ({ audience: { $in: [...audiences] } }),
  },
  cost_type: {
    codes: costTypes,
    labelPrefix: 'cost',
    description: 'Droomkaart cost types: free, paid, discounted, free through a scheme.',
    filter: (code) => ({ costType: { $eq: code } }),
    anyFilter: () => ({ costType: { $in: [...costTypes] } }),
  },
  accessibility: {
    codes: accessibilityFeatures,
    labelPrefix: 'accessibility',
    description: 'Droomkaart accessibility features of an activity or place (not filterable).',
  },
};

export const TAXONOMIES = Object.keys(DEFINITIONS) as Taxonomy[];

/** The HSDS `taxonomy` name of a term: `droomkaart-<taxonomy>`. */
export const taxonomyName = (taxonomy: Taxonomy) => `droomkaart-${taxonomy}`;
/** The former text id of a term (`theme-sport-bewegen`), still accepted by the filters. */
export const termKey = (taxonomy: Taxonomy, code: string) => `${taxonomy}-${code}`;
export const taxonomyId = (taxonomy: Taxonomy) => hsdsId('taxonomy', taxonomy);
export const termId = (taxonomy: Taxonomy, code: string) => hsdsId('taxonomy_term', taxonomy, code);

/** Pure: the name of a term in `locale` ("betaald" without its price). */
export function termName(taxonomy: Taxonomy, code: string, locale: string): string {
  if (taxonomy === 'cost_type' && code === 'betaald') return label(locale, 'cost.betaaldUnknown');
  return label(locale, `${DEFINITIONS[taxonomy].labelPrefix}.${code}`, {}, code);
}

/** Pure: an HSDS taxonomy. */
export function taxonomy(t: Taxonomy) {
  return { id: taxonomyId(t), name: taxonomyName(t), description: DEFINITIONS[t].description, version: '1' };
}

/** Pure: an HSDS taxonomy term in `locale`. */
export function taxonomyTerm(t: Taxonomy, code: string, locale: string) {
  const name = termName(t, code, locale);
  return {
    id: termId(t, code),
    code,
    name,
    description: name,
    taxonomy: taxonomyName(t),
    taxonomy_id: taxonomyId(t),
    language: locale,
  };
}

/** Pure: every term, taxonomy by taxonomy, in the vocabularies' order. */
export function allTerms(): { taxonomy: Taxonomy; code: string }[] {
  return TAXONOMIES.flatMap((t) => DEFINITIONS[t].codes.map((code) => ({ taxonomy: t, code })));
}

const TERMS_BY_ID = new Map(allTerms().map((term) => [termId(term.taxonomy, term.code), term]));
const TERMS_BY_KEY = new Map(allTerms().map((term) => [termKey(term.taxonomy, term.code), term]));

/** Pure: the term a UUID (or a former text id such as `theme-sport-bewegen`) names, or null. */
export function findTerm(id: string): { taxonomy: Taxonomy; code: string } | null {
  return (isUuid(id) ? TERMS_BY_ID.get(id.toLowerCase()) : TERMS_BY_KEY.get(id)) ?? null;
}

/** Pure: the taxonomy a UUID (or its name, `droomkaart-theme`) names, or null. */
export function findTaxonomy(id: string): Taxonomy | null {
  const lower = id.toLowerCase();
  return TAXONOMIES.find((t) => taxonomyId(t) === lower || taxonomyName(t) === lower) ?? null;
}

/**
 * Pure: the Document Service filter for a `taxonomy_term_id`, or null when it names no term this
 * API can filter on (accessibility lives in a JSON field and is not filterable).
 */
export function taxonomyTermFilter(id: string): Record<string, unknown> | null {
  const term = findTerm(id);
  const filter = term ? DEFINITIONS[term.taxonomy].filter : undefined;
  return term && filter ? filter(term.code) : null;
}

/** Pure: the Document Service filter for a `taxonomy_id` (any term of it), or null as above. */
export function taxonomyFilter(id: string): Record<string, unknown> | null {
  const t = findTaxonomy(id);
  const filter = t ? DEFINITIONS[t].anyFilter : undefined;
  return filter ? filter() : null;
}

const contains = (haystack: string, needle: string) =>
  haystack.toLocaleLowerCase().includes(needle.toLocaleLowerCase());

/** Pure: the taxonomies whose name or description contains `search` (all without one). */
export function findTaxonomies(search: string | null) {
  return TAXONOMIES.map(taxonomy).filter((t) => !search || contains(t.name, search) || contains(t.description, search));
}

/**
 * Pure: the terms in `locale` of `/taxonomy_terms`: of one taxonomy (`taxonomyId`: its UUID or
 * name), whose name or code contains `search`. All terms are top-level, so `topOnly` keeps them
 * all and a `parentId` has no children. Null when `taxonomyId` names no taxonomy.
 */
export function findTerms(input: {
  locale: string;
  search: string | null;
  taxonomyId: string | null;
  parentId: string | null;
}): ReturnType<typeof taxonomyTerm>[] | null {
  const only = input.taxonomyId ? findTaxonomy(input.taxonomyId) : null;
  if (input.taxonomyId && !only) return null;
  if (input.parentId) return [];
  return allTerms()
    .filter((term) => !only || term.taxonomy === only)
    .map((term) => taxonomyTerm(term.taxonomy, term.code, input.locale))
    .filter((term) => !input.search || contains(term.name, input.search) || contains(term.code, input.search));
}
