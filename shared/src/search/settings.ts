import { foldedWords, searchForm } from './normalise.js';
import { professionAliases, professionInterests } from './professions.js';

export const INDEX_PREFIX = 'activities';

export function indexName(locale: string, prefix = INDEX_PREFIX): string {
  return `${prefix}_${locale}`;
}

// Meilisearch derives a key's value from its uid and the master key, so fixed uids give the same
// keys on every start without storing them anywhere.
export const SEARCH_KEY_UID = '6d2a1f0e-5c3b-4a8e-9f7d-2b1c0a9e8d71';
export const INDEXER_KEY_UID = '0f3e9b52-7a41-4c6d-8e2f-5a9b7c1d3e40';

export const filterableAttributes = [
  {
    attributePatterns: ['ageMin', 'ageMax', 'price', 'shownUntil'],
    features: { facetSearch: false, filter: { equality: true, comparison: true } },
  },
  {
    attributePatterns: [
      'ages',
      'themes',
      'offerType',
      'kind',
      'audience',
      'stadsdeel',
      'wijk',
      'costType',
      'free',
      'days',
      'languages',
      'accessibility',
      'editions',
      'organisation',
      'howToJoin',
      'documentId',
      'refs',
    ],
    // Nothing searches within facet values (the catalogue only counts them): no facet-search index.
    features: { facetSearch: false, filter: { equality: true, comparison: false } },
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
  // query for an activity anyway
  'de',
  'en',
  'van',
  'ik',
  'te',
  'dat',
  'die',
  'in',
  'een',
  'hij',
  'het',
  'niet',
  'zijn',
  'is',
  'was',
  'op',
  'aan',
  'met',
  'als',
  'voor',
  'had',
  'er',
  'maar',
  'om',
  'hem',
  'dan',
  'zou',
  'of',
  'wat',
  'mijn',
  'men',
  'dit',
  'zo',
  'door',
  'over',
  'ze',
  'zich',
  'bij',
  'ook',
  'tot',
  'je',
  'mij',
  'uit',
  'der',
  'daar',
  'haar',
  'naar',
  'heb',
  'hoe',
  'heeft',
  'hebben',
  'deze',
  'u',
  'want',
  'nog',
  'zal',
  'me',
  'zij',
  'nu',
  'geen',
  'omdat',
  'iets',
  'worden',
  'toch',
  'al',
  'waren',
  'veel',
  'meer',
  'doen',
  'toen',
  'moet',
  'ben',
  'zonder',
  'kan',
  'hun',
  'dus',
  'alles',
  'onder',
  'ja',
  'eens',
  'hier',
  'wie',
  'werd',
  'altijd',
  'wordt',
  'kunnen',
  'ons',
  'zelf',
  'tegen',
  'na',
  'wil',
  'kon',
  'niets',
  'uw',
  'iemand',
  'andere',
  // more pronouns, questions and wishes typed into a search box
  'jij',
  'jouw',
  'wij',
  'we',
  'waar',
  'wanneer',
  'welk',
  'welke',
  'kun',
  'mag',
  'mogen',
  'wilt',
  'willen',
  'graag',
  'zoek',
  'zoeken',
  'zoekt',
  'leuk',
  'leuke',
  'leuks',
  'heel',
  'erg',
  'onze',
  'jullie',
  // who it is for: every activity is for a child, so these only crowd the query
  'zoon',
  'dochter',
  'jaar',
  'oud',
];

/**
 * Two-way synonyms: one activity's inflections, everyday words and the compounds people type for
 * it. Every word of a group finds the others. Meilisearch has no stemming and no compound
 * splitting, so the indexer also writes a group into an activity's keywords when the activity's title
 * names one of its words, whole or as part of a compound (see search-indexer keywordsFor): then
 * "dansles" finds "Hiphop dansen", with typo tolerance, and ranks it like an exact word.
 */
export const synonymGroups: string[][] = [
  ['meiden', 'meid', 'meisjes', 'meisje', 'meisjesgroep', 'meidengroep'],
  ['jongens', 'jongen', 'jongensgroep'],
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
  ['paardrijden', 'paardrijles', 'ponyrijden', 'pony', 'manege', 'paard'],
  ['kamp', 'kamperen', 'zomerkamp'],
  ['uitje', 'uitjes', 'uitstapje', 'dagje'],
  [
    'vakantie',
    'vakantieweek',
    'zomervakantie',
    'herfstvakantie',
    'kerstvakantie',
    'meivakantie',
    'voorjaarsvakantie',
    'schoolvakantie',
  ],
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
  ['post', 'brieven', 'brief', 'formulieren', 'formulier', 'papieren', 'administratie', 'toeslagen'],
  ['solliciteren', 'sollicitatie', 'sollicitatiegesprek', 'sollicitatietraining', 'cv'],
  ['meelopen', 'meeloopdag', 'snuffelstage', 'snuffeldag', 'stage', 'meeloopstage'],
  ['sport', 'sporten', 'sportclub', 'sportvereniging'],
  ['gratis', 'kosteloos'],
];

/**
 * One-way: a broad word finds the narrower activities, and a narrow word finds the broad word too
 * (voetbal~sport), so a search for football where there is none still shows other sport, ranked
 * below any real football.
 */
export const oneWaySynonyms: Record<string, string[]> = {
  sport: [
    ...['voetbal', 'zwemmen', 'judo', 'turnen', 'basketbal', 'hockey', 'tennis', 'atletiek', 'hardlopen'],
    ...['badminton', 'tafeltennis', 'volleybal', 'padel', 'klimmen', 'skaten', 'paardrijden', 'zeilen'],
    ...['karate', 'taekwondo', 'boksen', 'kickboksen'],
  ],
  creatief: ['tekenen', 'schilderen', 'kleien', 'boetseren', 'naaien', 'haken', 'breien'],
  muziek: ['muziekles', 'zingen', 'gitaar', 'piano', 'drums', 'viool', 'keyboard', 'zangles', 'band'],
  computer: ['laptop', 'programmeren'],
  vechtsport: ['judo', 'karate', 'kickboksen', 'boksen', 'taekwondo'],
  // "voor mama" is for parents; a mother is not a father.
  ouders: ['moeder', 'moeders', 'vader', 'vaders', 'mama', 'papa'],
};

export function synonyms(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (word: string, more: string[]) => {
    out[word] = [...new Set([...(out[word] ?? []), ...more.filter((w) => w !== word)])];
  };
  // The catalogue sends words in their search form (normalise.ts): a group holds those forms too.
  const stop = new Set(dutchStopWords);
  const withForms = (words: string[]) =>
    [...new Set([...words, ...words.map((w) => foldedWords(w).map(searchForm).join(' '))])].filter(
      (w) => w && !stop.has(w),
    );
  for (const group of synonymGroups.map(withForms)) for (const word of group) add(word, group);
  for (const [broad, narrower] of Object.entries(oneWaySynonyms)) {
    const broadForms = withForms([broad]);
    for (const b of broadForms) add(b, withForms(narrower));
    for (const word of withForms(narrower)) add(word, broadForms);
  }
  // A profession also finds the activities that help that dream, one way: "dokter" matches
  // zorg, ziekenhuis and EHBO too, as one query word, so a dream with no offer that names the
  // profession still finds its offers. Not a doer that is the hobby itself (voetballer is voetbal).
  for (const [profession, interests] of Object.entries(professionInterests)) {
    const targets = withForms(interests.slice(0, PROFESSION_SYNONYMS));
    const names = [profession, ...Object.keys(professionAliases).filter((a) => professionAliases[a] === profession)];
    if (names.some((n) => targets.includes(searchForm(n)))) continue;
    for (const name of withForms(names)) add(name, targets);
  }
  return out;
}

/** How many of a profession's interests its name finds (the first ones: the most telling). */
const PROFESSION_SYNONYMS = 3;

export const searchSettings = {
  // What the activity is first (its own title and keywords), then what it says of itself; the
  // organisation's name last with the places: a wijk or stadsdeel typed with the activity
  // ("bijles almere buiten") ranks the activities there first without letting place names or an
  // organisation named after a place outrank what an activity is.
  searchableAttributes: [
    'title',
    'keywords',
    'themeNames',
    'summary',
    'summaryForms',
    'places.name',
    'places.wijkName',
    'stadsdeel',
    'organisationName',
  ],
  displayedAttributes: ['*'],
  filterableAttributes: [...filterableAttributes],
  sortableAttributes: ['_geo', 'updatedAt', 'title', 'ageMin'],
  // Exactness before proximity and attribute: a word of the query ranks above a synonym or broader
  // word (judo above the sport that judo also finds), also when the broader match sits nearer a
  // place word ("judo haven").
  rankingRules: ['words', 'typo', 'exactness', 'proximity', 'attribute', 'sort'],
  // How near two query words are is judged per attribute, not per word position: Meilisearch then
  // indexes about a quarter less work (a full reindex of 10,000: 22 s to 17 s), and the relevance
  // suite is unchanged (hit@3 97.1 % either way, MRR@10 0.917 to 0.914).
  proximityPrecision: 'byAttribute',
  stopWords: dutchStopWords,
  synonyms: synonyms(),
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } },
  pagination: { maxTotalHits: 5000 },
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
} as const;
