import { z } from 'zod';
import { activityKinds, audiences, costTypes, days, offerTypes } from '../taxonomy/index.js';
import { PictureImageSchema } from '../images/index.js';

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
  /**
   * The offer's first image for the catalogue's cards, only the AVIF and WebP versions a small
   * card needs (see CARD_IMAGE_MAX_WIDTH), so documents stay small; null without an image.
   */
  image: PictureImageSchema.nullable(),
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

/**
 * The widest version of an offer's image the search documents carry (px). A card shows it at
 * about 110 CSS px (site: lib/offer/images.ts), so this covers screens up to about 5× density.
 */
export const CARD_IMAGE_MAX_WIDTH = 640;
/** The JPEG/PNG a card shows in a browser without AVIF and WebP: the smallest at least this wide. */
export const CARD_IMAGE_FALLBACK_WIDTH = 320;

export const filterableAttributes = [
  { attributePatterns: ['ageMin', 'ageMax', 'price'], features: { facetSearch: false, filter: { equality: true, comparison: true } } },
  {
    attributePatterns: ['ages', 'themes', 'offerType', 'kind', 'audience', 'stadsdeel', 'wijk', 'costType', 'free', 'days', 'languages', 'accessibility', 'editions', 'organisation', 'howToJoin', 'documentId', 'refs'],
    features: { facetSearch: true, filter: { equality: true, comparison: false } },
  },
  '_geo',
] as const;

/**
 * Dutch words that carry no meaning in a search box: articles, prepositions, pronouns and the
 * filler of typed questions ("waar kan mijn dochter iets leuks doen"). Meilisearch ignores stop
 * words in queries and documents alike, and its default matching strategy drops the query's
 * last words first, so a filler word left in the query can push out the word that matters.
 */
export const dutchStopWords = [
  // The Snowball Dutch stop-word list (snowballstem.org), without words that never occur in a
  // query for an offer anyway
  'de', 'en', 'van', 'ik', 'te', 'dat', 'die', 'in', 'een', 'hij', 'het', 'niet', 'zijn', 'is', 'was', 'op', 'aan', 'met', 'als', 'voor', 'had',
  'er', 'maar', 'om', 'hem', 'dan', 'zou', 'of', 'wat', 'mijn', 'men', 'dit', 'zo', 'door', 'over', 'ze', 'zich', 'bij', 'ook', 'tot', 'je',
  'mij', 'uit', 'der', 'daar', 'haar', 'naar', 'heb', 'hoe', 'heeft', 'hebben', 'deze', 'u', 'want', 'nog', 'zal', 'me', 'zij', 'nu', 'geen',
  'omdat', 'iets', 'worden', 'toch', 'al', 'waren', 'veel', 'meer', 'doen', 'toen', 'moet', 'ben', 'zonder', 'kan', 'hun', 'dus', 'alles',
  'onder', 'ja', 'eens', 'hier', 'wie', 'werd', 'altijd', 'wordt', 'kunnen', 'ons', 'zelf', 'tegen', 'na', 'wil', 'kon', 'niets', 'uw',
  'iemand', 'andere',
  // more pronouns, questions and wishes typed into a search box
  'jij', 'jouw', 'wij', 'we', 'waar', 'wanneer', 'welk', 'welke', 'kun', 'mag', 'mogen', 'wilt', 'willen', 'graag', 'zoek', 'zoeken', 'zoekt',
  'leuk', 'leuke', 'leuks', 'heel', 'erg', 'onze', 'jullie',
  // who it is for: every offer is for a child, so these only crowd the query
  'zoon', 'dochter', 'jaar', 'oud',
];

/**
 * Two-way synonyms: one activity's inflections, everyday words and the compounds people type for
 * it. Every word of a group finds the others. Meilisearch has no stemming and no compound
 * splitting, so the indexer also writes a group into an offer's keywords when the offer's title
 * names one of its words, whole or as part of a compound (see search-indexer keywordsFor): then
 * "dansles" finds "Hiphop dansen", with typo tolerance, and ranks it like an exact word.
 */
export const synonymGroups: string[][] = [
  ['zwemmen', 'zwem', 'zwemles', 'zwemlessen', 'zwemdiploma', 'zwembad'],
  ['knutselen', 'knutsel', 'knutselmiddag', 'knutselclub', 'creatief'],
  ['tekenen', 'teken', 'tekenles', 'tekencursus', 'tekenclub'],
  ['schilderen', 'schilder', 'schilderles', 'verven'],
  ['bijles', 'huiswerkbegeleiding', 'huiswerkhulp', 'huiswerk', 'huiswerkklas', 'studiebegeleiding'],
  ['rekenen', 'reken', 'rekenles'],
  ['voetbal', 'voetballen', 'voetbalclub', 'voetbalvereniging', 'voetbaltraining'],
  ['basketbal', 'basketballen', 'streetbasketbal', 'basketbalclub'],
  ['judo', 'judoles', 'judoclub', 'judoka'],
  ['turnen', 'gym', 'gymmen', 'gymnastiek'],
  ['dansen', 'dans', 'dansles', 'danslessen', 'dansschool', 'hiphop', 'streetdance', 'ballet'],
  ['muziekles', 'muzieklessen', 'muziekschool', 'instrument'],
  ['gitaar', 'gitaarles', 'gitaarlessen', 'gitaarspelen'],
  ['piano', 'pianoles', 'pianolessen', 'pianospelen'],
  ['drums', 'drum', 'drummen', 'drumles', 'drumlessen'],
  ['zingen', 'zang', 'zangles', 'liedjes'],
  ['toneel', 'theater', 'drama', 'toneelclub', 'toneelles', 'theaterles', 'toneelspelen', 'acteren'],
  ['programmeren', 'programmeer', 'coderen', 'codeclub', 'programmeerles'],
  ['schaken', 'schaak', 'schaakclub', 'schaakles'],
  ['koken', 'kook', 'kookles', 'kookclub', 'kookcursus'],
  ['klimmen', 'klim', 'klimbos', 'klimpark', 'klauteren'],
  ['kinderboerderij', 'boerderij', 'stadsboerderij', 'dierenweide'],
  ['kamp', 'kamperen', 'zomerkamp'],
  ['uitje', 'uitjes', 'uitstapje', 'dagje'],
  ['vakantie', 'vakantieweek', 'zomervakantie', 'herfstvakantie', 'kerstvakantie', 'meivakantie', 'voorjaarsvakantie', 'schoolvakantie'],
  ['voorlezen', 'voorlees', 'voorleesuurtje'],
  ['taalles', 'taallessen', 'taalcursus', 'taalcafe', 'nederlands'],
  ['bibliotheek', 'bieb'],
  ['leren', 'leer', 'leert'],
  ['jongeren', 'tieners', 'tiener', 'pubers', 'puber'],
  ['kleding', 'kleren', 'kinderkleding', 'kledingwinkel', 'kledingbank', 'kleertjes'],
  ['fiets', 'fietsen', 'kinderfiets', 'fietsje'],
  ['ehbo', 'eerste hulp', 'eerstehulp'],
  ['opvoeden', 'opvoeding', 'opvoedingsvragen', 'opvoedvragen', 'opvoedingsondersteuning'],
  ['geld', 'geldzaken', 'financien', 'geldproblemen', 'schulden'],
  ['solliciteren', 'sollicitatie', 'sollicitatiegesprek', 'sollicitatietraining', 'cv'],
  ['meelopen', 'meeloopdag', 'snuffelstage', 'snuffeldag', 'stage', 'meeloopstage'],
  ['sport', 'sporten', 'sportclub', 'sportvereniging'],
  ['gratis', 'kosteloos'],
];

/**
 * One-way: a broad word finds the narrower offers, and a narrow word finds the broad word too
 * (voetbal~sport), so a search for football where there is none still shows other sport, ranked
 * below any real football.
 */
export const oneWaySynonyms: Record<string, string[]> = {
  sport: ['voetbal', 'zwemmen', 'judo', 'turnen', 'basketbal', 'hockey', 'tennis', 'atletiek'],
  creatief: ['tekenen', 'schilderen'],
  muziek: ['muziekles', 'zingen', 'gitaar', 'piano', 'drums'],
  computer: ['laptop', 'programmeren'],
  vechtsport: ['judo', 'karate', 'kickboksen'],
};

export function synonyms(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (word: string, more: string[]) => {
    out[word] = [...new Set([...(out[word] ?? []), ...more.filter((w) => w !== word)])];
  };
  for (const group of synonymGroups) for (const word of group) add(word, group);
  for (const [broad, narrower] of Object.entries(oneWaySynonyms)) {
    add(broad, narrower);
    for (const word of narrower) add(word, [broad]);
  }
  return out;
}

export const searchSettings = {
  // Places last: a wijk or stadsdeel typed with the activity ("bijles almere buiten") ranks
  // the offers there first without letting place names outrank what an offer is.
  searchableAttributes: ['title', 'keywords', 'summary', 'themeNames', 'organisationName', 'places.name', 'places.wijkName', 'stadsdeel'],
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

