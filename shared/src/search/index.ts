import { z } from 'zod';
import { activityKinds, audiences, costTypes, days, offerTypes } from '../taxonomy/index.js';

/** The one content type that is ever indexed. Everything else a webhook posts is ignored. */
export const ACTIVITY_UID = 'api::activity.activity';
export const INDEX_PREFIX = 'activities';

export function indexName(locale: string, prefix = INDEX_PREFIX): string {
  return `${prefix}_${locale}`;
}

// Meilisearch derives a key's value from its uid and the master key, so fixed uids give the same
// keys on every start without storing them anywhere.
export const SEARCH_KEY_UID = '6d2a1f0e-5c3b-4a8e-9f7d-2b1c0a9e8d71';
export const INDEXER_KEY_UID = '0f3e9b52-7a41-4c6d-8e2f-5a9b7c1d3e40';

export const SearchDocumentSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  locale: z.string(),
  /** True when this locale has no translation and the Dutch text is shown instead. */
  fallback: z.boolean(),
  title: z.string(),
  slug: z.string(),
  summary: z.string(),
  kind: z.enum(activityKinds),
  offerType: z.enum(offerTypes),
  audience: z.enum(audiences),
  themes: z.array(z.string()),
  themeNames: z.array(z.string()),
  ageMin: z.number().int(),
  ageMax: z.number().int(),
  ages: z.array(z.number().int()),
  editions: z.array(z.string()),
  costType: z.enum(costTypes),
  free: z.boolean(),
  price: z.number().nullable(),
  days: z.array(z.enum(days)),
  languages: z.array(z.string()),
  accessibility: z.array(z.string()),
  howToJoin: z.string(),
  organisation: z.string().nullable(),
  organisationName: z.string().nullable(),
  places: z.array(z.object({ name: z.string(), wijk: z.string().nullable(), wijkName: z.string().nullable(), stadsdeel: z.string().nullable(), lat: z.number(), lng: z.number() })),
  wijk: z.array(z.string()),
  stadsdeel: z.array(z.string()),
  _geo: z.object({ lat: z.number(), lng: z.number() }).optional(),
  keywords: z.array(z.string()),
  /**
   * The documents this one shows text of (`organisation:<documentId>`, `place:…`, `wijk:…`,
   * `theme:…`), so a rename of any of them finds every activity to re-index.
   */
  refs: z.array(z.string()),
  lastReviewedAt: z.number().nullable(),
  updatedAt: z.number(),
  /**
   * The newest `updatedAt` of the activity and every document in `refs` (ms). Reconcile compares
   * it with the cms, so a rename missed while the indexer was down is found too.
   */
  sourceUpdatedAt: z.number(),
});
export type SearchDocument = z.infer<typeof SearchDocumentSchema>;

export const filterableAttributes = [
  { attributePatterns: ['ageMin', 'ageMax', 'price'], features: { facetSearch: false, filter: { equality: true, comparison: true } } },
  {
    attributePatterns: ['ages', 'themes', 'offerType', 'kind', 'audience', 'stadsdeel', 'wijk', 'costType', 'free', 'days', 'languages', 'accessibility', 'editions', 'organisation', 'howToJoin', 'documentId', 'refs'],
    features: { facetSearch: true, filter: { equality: true, comparison: false } },
  },
  '_geo',
] as const;

/** Dutch words too common to help ranking. Kept short: Meilisearch still matches them. */
export const dutchStopWords = [
  'de', 'het', 'een', 'en', 'of', 'in', 'op', 'voor', 'van', 'met', 'aan', 'bij', 'naar', 'om', 'te', 'tot', 'uit', 'over',
  'je', 'jij', 'jouw', 'ik', 'wij', 'we', 'ze', 'zij', 'hij', 'is', 'zijn', 'er', 'dat', 'die', 'dit', 'wat', 'wie',
];

/** Two-way synonyms, grouped. Every word of a group finds the others. */
export const synonymGroups: string[][] = [
  ['zwemmen', 'zwemles', 'zwemdiploma'],
  ['knutselen', 'creatief', 'tekenen', 'schilderen'],
  ['bijles', 'huiswerkbegeleiding', 'huiswerkhulp', 'huiswerk'],
  ['voetbal', 'voetballen'],
  ['dansen', 'dans', 'hiphop', 'ballet'],
  ['muziek', 'muziekles', 'zingen'],
  ['computer', 'laptop', 'programmeren', 'coderen'],
  ['gratis', 'kosteloos'],
  ['meelopen', 'meeloopdag', 'snuffelstage', 'stage'],
  ['fiets', 'fietsen'],
  ['toneel', 'theater', 'drama'],
];

/** One-way: a broad word finds the narrower offers. */
export const oneWaySynonyms: Record<string, string[]> = {
  sport: ['voetbal', 'zwemmen', 'judo', 'turnen', 'basketbal', 'hockey', 'tennis', 'atletiek'],
};

export function synonyms(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of synonymGroups) for (const word of group) out[word] = group.filter((w) => w !== word);
  for (const [word, narrower] of Object.entries(oneWaySynonyms)) out[word] = [...(out[word] ?? []), ...narrower];
  return out;
}

export const searchSettings = {
  searchableAttributes: ['title', 'keywords', 'summary', 'themeNames', 'organisationName', 'places.name'],
  displayedAttributes: ['*'],
  filterableAttributes: [...filterableAttributes],
  sortableAttributes: ['_geo', 'updatedAt', 'title', 'ageMin'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
  stopWords: dutchStopWords,
  synonyms: synonyms(),
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } },
  pagination: { maxTotalHits: 5000 },
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
} as const;

