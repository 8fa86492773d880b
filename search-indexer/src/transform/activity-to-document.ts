import {
  compoundParts as sharedCompoundParts,
  city,
  dutchStopWords,
  foldedWords,
  kindKeywords,
  professionAliases,
  professionInterests,
  searchDictionary,
  searchForm,
  shownUntil,
  CARD_IMAGE_FALLBACK_WIDTH,
  CARD_IMAGE_MAX_WIDTH,
  agesBetween,
  defaultLocale,
  documentSchedule,
  editionsForAges,
  isInsideMunicipality,
  oneWaySynonyms,
  pictureImage,
  resources,
  synonymGroups,
  wijken,
  type Activity,
  type Locale,
  type PictureImage,
  type SearchDocument,
} from '@droomkaart/shared';

const stadsdeelOfWijk = new Map(wijken.map((w) => [w.slug, w.stadsdeel]));

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function toTimestamp(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** The words of a text as Meilisearch compares them: lower case, without accents. */
export function wordsOf(text: string): string[] {
  return foldedWords(text);
}

/** Words that name a place: never split or read as an activity (the Muziekwijk is not about music). */
const placeWords = new Set(
  [city.municipality.name, ...city.stadsdelen.flatMap((sd) => [sd.name, ...sd.wijken.map((w) => w.name)])].flatMap(
    (name) => wordsOf(name),
  ),
);
const stopWords = new Set(dutchStopWords);
const isVocabularyWord = (w: string) => !w.includes(' ') && w.length >= 4 && !placeWords.has(w) && !stopWords.has(w);

/**
 * The words the compound splitter knows: the shared search vocabulary (synonym groups, broad
 * words, the multilingual dictionary's and the professions' Dutch words), the Dutch theme and
 * kind labels, and, once the indexer has read the corpus (learnVocabulary), the words of every
 * activity title. So "zwemtraining" splits because "zwem" is known, without a hand list.
 */
const vocabularyWords = new Set(
  [
    ...synonymGroups.flat(),
    ...Object.keys(oneWaySynonyms),
    ...Object.values(oneWaySynonyms).flat(),
    ...Object.keys(searchDictionary),
    ...Object.keys(professionInterests),
    ...Object.values(professionInterests).flat(),
    ...Object.entries(resources[defaultLocale])
      .filter(([key]) => key.startsWith('theme.') || key.startsWith('kind.'))
      .flatMap(([, label]) => wordsOf(label)),
  ].filter(isVocabularyWord),
);

/**
 * Adds the words of the corpus's titles to the compound splitter's vocabulary (the indexer calls
 * this with every activity it reads before it builds their documents).
 */
export function learnVocabulary(activities: readonly Pick<Activity, 'title'>[]): void {
  for (const a of activities)
    for (const w of wordsOf(a.title))
      if (isVocabularyWord(w) && !vocabularyWords.has(w)) {
        vocabularyWords.add(w);
        knownParts.clear();
        vocabularyGeneration++;
      }
}

/**
 * compoundParts with the indexer's vocabulary, per word: splitting compares a word with every
 * vocabulary word, and a reindex asks for the same words again and again (every locale's document
 * of an activity, every activity of a kind). Emptied when the vocabulary grows.
 */
const knownParts = new Map<string, string[]>();
/** Counts the vocabulary's growth, so what was worked out with an older one is not used. */
let vocabularyGeneration = 0;
const KNOWN_PARTS_MAX = 200_000;

/**
 * Pure: the parts of a Dutch compound that people search for on their own (shared compoundParts
 * with the indexer's vocabulary): "knutselmiddag" → knutsel, middag; "streetbasketbal" → basketbal.
 */
export function compoundParts(word: string, vocabulary: ReadonlySet<string> = vocabularyWords): string[] {
  if (placeWords.has(word)) return [];
  if (vocabulary !== vocabularyWords) return sharedCompoundParts(word, vocabulary);
  let parts = knownParts.get(word);
  if (!parts) {
    if (knownParts.size >= KNOWN_PARTS_MAX) knownParts.clear();
    parts = sharedCompoundParts(word, vocabulary);
    knownParts.set(word, parts);
  }
  return [...parts];
}

/**
 * Pure: the search vocabulary (shared synonym groups and broad words) that a text names, whole
 * or as part of a compound, with the compound's parts. Meilisearch applies synonyms only to whole
 * query words and ranks a synonym below the word itself; written into the keywords, "dansles"
 * finds "Hiphop dansen" like an exact word, with typo tolerance, and "basketbal" finds
 * "Streetbasketbal". Only short, defining texts (title, kind) should go in: a summary mentions
 * things in passing ("Voor je huiswerk heb je een laptop nodig").
 */
export function vocabularyKeywords(text: string): string[] {
  const words = wordsOf(text);
  const parts = words.flatMap((w) => compoundParts(w));
  const found = new Set([...words, ...parts]);
  const phrase = ` ${words.join(' ')} `;
  const names = (w: string) => (w.includes(' ') ? phrase.includes(` ${w} `) : found.has(w));
  const out = new Set(parts);
  for (const group of synonymGroups) if (group.some(names)) for (const w of group) out.add(w);
  // A narrow word also gets its broad word (judo → sport), not the broad word's group.
  for (const [broad, narrower] of Object.entries(oneWaySynonyms))
    if (narrower.some((w) => out.has(w) || names(w))) out.add(broad);
  // The heads of the compounds added, too: "huiswerkhulp" gives "hulp" for "hulp bij huiswerk".
  // Not their modifiers: "zomerkamp" says nothing about summer for a scouting club.
  for (const w of [...out]) if (!found.has(w)) for (const p of compoundParts(w)) if (w.endsWith(p)) out.add(p);
  return [...out];
}

/** Dutch words for stages of childhood, with the ages they cover. */
const AGE_STAGES: { words: string[]; min: number; max: number }[] = [
  { words: ['baby', 'babys'], min: 0, max: 1 },
  { words: ['dreumes'], min: 1, max: 2 },
  { words: ['peuter', 'peuters'], min: 2, max: 3 },
  { words: ['kleuter', 'kleuters'], min: 4, max: 6 },
  { words: ['tiener', 'tieners', 'puber', 'pubers'], min: 12, max: 18 },
];
/** An activity for a wider range than this is for "everyone", not for peuters or tieners. */
const MAX_STAGE_SPAN = 6;

/**
 * Pure: "peuter", "kleuter", "tiener" … for an activity aimed at those ages: its range is narrow
 * and covers at least half of the stage (a 6–12 activity is not for kleuters or tieners).
 */
export function ageStageWords(ageMin: number, ageMax: number): string[] {
  if (ageMax - ageMin > MAX_STAGE_SPAN) return [];
  return AGE_STAGES.filter((s) => {
    const covered = Math.min(ageMax, s.max) - Math.max(ageMin, s.min) + 1;
    return covered * 2 >= s.max - s.min + 1;
  }).flatMap((s) => s.words);
}

const DAY_PARTS: { word: string; before: number }[] = [
  { word: 'ochtend', before: 12 },
  { word: 'middag', before: 18 },
  { word: 'avond', before: 24 },
];

/**
 * Pure: the days of weekly sessions in the reader's language and, in Dutch, the part of the day
 * and the compound people type ("woensdagmiddag").
 */
export function scheduleWords(sessions: Activity['sessions'], locale: string): string[] {
  return unique(
    (sessions ?? []).flatMap((s) => {
      const day = resources[defaultLocale][`day.${s.day}`];
      const part = DAY_PARTS.find((p) => Number(s.startTime.slice(0, 2)) < p.before)?.word;
      const local = resources[locale as Locale]?.[`day.${s.day}`];
      return [day, ...(part ? [part, `${day}${part}`] : []), local]
        .filter((w): w is string => Boolean(w))
        .map((w) => w.toLowerCase());
    }),
  );
}

/** The search forms of the words of a phrase, once per phrase (the same for every activity). */
const phraseFormCache = new Map<string, string[]>();
function formsOfPhrase(phrase: string): string[] {
  let forms = phraseFormCache.get(phrase);
  if (!forms) {
    forms = wordsOf(phrase).map((w) => searchForm(w));
    phraseFormCache.set(phrase, forms);
  }
  return forms;
}
const names = (forms: ReadonlySet<string>, phrase: string) => formsOfPhrase(phrase).every((f) => forms.has(f));

/**
 * A profession an activity helps: two of its interests (shared professionInterests) are named by
 * the activity. One is not enough: every bijles would be for the future teacher, every meeloopdag
 * for every profession.
 */
function professionsFor(forms: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [profession, interests] of Object.entries(professionInterests)) {
    const named = interests.filter((i) => names(forms, i));
    if (named.length >= 2) out.push(profession);
  }
  const aliases = Object.entries(professionAliases).filter(([, p]) => out.includes(p));
  return [...out, ...aliases.map(([alias]) => alias)];
}

type Defining = { vocabulary: string[]; forms: string[]; professions: string[] };
/**
 * The part of an activity's keywords that no locale changes (its Dutch words, their compounds,
 * search forms and professions), kept with the activity object for as long as it is in use: every
 * locale's document of one activity is built from the same object. Made again when the vocabulary grew.
 */
const definingOf = new WeakMap<Activity, { generation: number; title: string; value: Defining }>();
function remembered(activity: Activity, title: string, make: () => Defining): Defining {
  const known = definingOf.get(activity);
  if (known && known.generation === vocabularyGeneration && known.title === title) return known.value;
  const value = make();
  definingOf.set(activity, { generation: vocabularyGeneration, title, value });
  return value;
}

/** A word worth a search form: not Dutch filler, not one or two letters. */
const formable = (w: string) => w.length > 2 && !stopWords.has(w);
/**
 * Words people type that the title may not contain: the theme, kind, offer type (`offerType`) and audience
 * labels and "gratis", in Dutch and in the reader's language, so "sport" or "bijles" finds activities
 * named otherwise; the Dutch search vocabulary the title and kind name (compounds and their
 * parts); stage-of-childhood words for the ages; and the days and parts of the day. Then the
 * professions it helps (professionsFor) and the search form of every Dutch word (shared searchForm), which is what the catalogue's query sends.
 */
function keywordsFor(activity: Activity, locale: string, dutchTitle: string): string[] {
  const free = activity.costType === 'gratis' || activity.costType === 'gratis-via-regeling';
  const labels = (lng: string) => {
    const r = resources[lng as Locale];
    return [
      ...activity.themes.map((t) => r?.[`theme.${t.slug}`]),
      r?.[`kind.${activity.kind}`],
      r?.[`offerType.${activity.offerType}`],
      r?.[`audience.${activity.audience}`],
      free ? r?.['cost.gratis'] : undefined,
    ];
  };
  const kindLabel = resources[defaultLocale][`kind.${activity.kind}`] ?? '';
  const themeLabels = activity.themes.map((t) => resources[defaultLocale][`theme.${t.slug}`] ?? t.name);
  // A translation is also read by its Dutch title: the catalogue sends Dutch search forms.
  const title = dutchTitle === activity.title ? activity.title : `${activity.title} ${dutchTitle}`;
  const kindWords = kindKeywords[activity.kind].join(' ');
  const { vocabulary, forms, professions } = remembered(activity, title, () => {
    const vocabulary = vocabularyKeywords(`${title} ${kindLabel} ${kindWords}`);
    // What the activity is: its title, kind, themes and the vocabulary they name, as search forms.
    const definingWords = [title, kindLabel, kindWords, ...themeLabels, ...vocabulary]
      .flatMap((t) => wordsOf(t))
      .filter(formable);
    const forms = new Set(
      [...definingWords, ...definingWords.flatMap((w) => compoundParts(w))].map((w) => searchForm(w)),
    );
    return { vocabulary, forms: [...forms], professions: professionsFor(forms) };
  });
  const dutch = unique(
    [
      ...labels(defaultLocale),
      ...labels(locale),
      ...vocabulary,
      ...kindKeywords[activity.kind],
      ...ageStageWords(activity.ageMin, activity.ageMax),
      ...scheduleWords(activity.sessions, locale),
      ...professions,
    ].filter((w): w is string => Boolean(w)),
  );
  // No words of other languages: the catalogue sends a word its dictionary knows as the Dutch
  // word (shared rewriteQuery), which the Dutch forms here match. Written into every document they
  // only made the documents bigger and search slower (DESIGN §7), and found nothing more.
  // Each keyword in search forms, a phrase kept together ("eerste hulp" → "eerst hulp").
  const phraseForms = (w: string) => formsOfPhrase(w).filter(formable).join(' ');
  return unique(
    [
      ...dutch,
      ...forms,
      ...dutch.map(phraseForms),
      ...dutch.flatMap((w) =>
        wordsOf(w)
          .filter(formable)
          .map((x) => searchForm(x)),
      ),
    ].filter(Boolean),
  );
}

/** Pure: the search forms of a summary's words (shared searchForm), for queries sent in that form. */
export function summaryForms(summary: string): string[] {
  return unique(
    wordsOf(summary)
      .filter(formable)
      .map((w) => searchForm(w)),
  );
}

/** summaryForms once per activity object (every locale's document of a fallback shares its summary). */
const summaryFormsByActivity = new WeakMap<Activity, string[]>();
function summaryFormsOf(activity: Activity): string[] {
  let forms = summaryFormsByActivity.get(activity);
  if (!forms) {
    forms = summaryForms(activity.summary);
    summaryFormsByActivity.set(activity, forms);
  }
  return [...forms];
}

/** The related documents whose text an activity's search document shows. */
export function referencesOf(activity: Activity): string[] {
  return unique([
    ...(activity.organisation ? [`organisation:${activity.organisation.documentId}`] : []),
    ...activity.places.flatMap((p) => [`place:${p.documentId}`, ...(p.wijk ? [`wijk:${p.wijk.documentId}`] : [])]),
    ...activity.themes.map((t) => `theme:${t.documentId}`),
  ]);
}

/**
 * The newest `updatedAt` of the activity, the documents it shows and its images (ms since epoch):
 * a photo replaced in the media library keeps its URLs but not its version (`?v=`), so reconcile
 * finds the cards that show it.
 */
export function sourceUpdatedAt(
  activity: Pick<Activity, 'updatedAt' | 'organisation' | 'places' | 'themes' | 'images'>,
): number {
  const stamps = [
    activity.updatedAt,
    activity.organisation?.updatedAt,
    ...activity.places.flatMap((p) => [p.updatedAt, p.wijk?.updatedAt]),
    ...activity.themes.map((t) => t.updatedAt),
    ...(activity.images ?? []).map((m) => m.updatedAt),
  ].map(toTimestamp);
  return Math.max(0, ...stamps.filter((t): t is number => t !== null));
}

/**
 * Pure: the card image of an activity: its first image that is one, with only the AVIF and WebP
 * versions a card needs (not the large ones a page shows), so documents stay small.
 */
export function cardImage(activity: Pick<Activity, 'images'>): PictureImage | null {
  for (const media of activity.images ?? []) {
    const image = pictureImage(media, CARD_IMAGE_MAX_WIDTH, CARD_IMAGE_FALLBACK_WIDTH);
    if (image) return image;
  }
  return null;
}

/**
 * Pure: one published activity, as read from the cms, to its search document in `locale`. `dutch`:
 * the Dutch version of a translation, whose title also gives keywords.
 */
export function toSearchDocument(activity: Activity, locale: string, dutch?: Activity): SearchDocument {
  const places = activity.places
    .filter((p) => typeof p.lat === 'number' && typeof p.lng === 'number' && isInsideMunicipality(p.lat, p.lng))
    .map((p) => ({
      name: p.name,
      wijk: p.wijk?.slug ?? null,
      wijkName: p.wijk?.name ?? null,
      stadsdeel: p.wijk ? (stadsdeelOfWijk.get(p.wijk.slug) ?? p.wijk.stadsdeel) : null,
      lat: p.lat as number,
      lng: p.lng as number,
    }));
  const first = places[0];
  // Dutch theme names are the editors' (the cms), other languages come from the translations.
  const themeNames = activity.themes.map((t) =>
    locale === defaultLocale ? t.name : (resources[locale as Locale]?.[`theme.${t.slug}`] ?? t.name),
  );
  return {
    id: activity.documentId,
    documentId: activity.documentId,
    locale,
    fallback: activity.locale !== locale,
    title: activity.title,
    slug: activity.slug,
    summary: activity.summary,
    kind: activity.kind,
    offerType: activity.offerType,
    audience: activity.audience,
    themes: activity.themes.map((t) => t.slug),
    themeNames,
    ageMin: activity.ageMin,
    ageMax: activity.ageMax,
    ages: agesBetween(activity.ageMin, activity.ageMax),
    editions: editionsForAges(activity.ageMin, activity.ageMax),
    costType: activity.costType,
    free: activity.costType === 'gratis' || activity.costType === 'gratis-via-regeling',
    price: activity.price ?? null,
    days: unique((activity.sessions ?? []).map((s) => s.day)),
    ...documentSchedule(activity),
    languages: activity.languages ?? [],
    accessibility: unique([
      ...(activity.accessibility ?? []),
      ...activity.places.flatMap((p) => p.accessibility ?? []),
    ]),
    howToJoin: activity.howToJoin,
    organisation: activity.organisation?.slug ?? null,
    organisationName: activity.organisation?.name ?? null,
    places,
    wijk: unique(places.map((p) => p.wijk).filter((w): w is string => Boolean(w))),
    stadsdeel: unique(places.map((p) => p.stadsdeel).filter((s): s is string => Boolean(s))),
    ...(first ? { _geo: { lat: first.lat, lng: first.lng } } : {}),
    image: cardImage(activity),
    keywords: keywordsFor(activity, locale, dutch?.title ?? activity.title),
    summaryForms: summaryFormsOf(activity),
    refs: referencesOf(activity),
    lastReviewedAt: toTimestamp(activity.lastReviewedAt),
    shownUntil: shownUntil(activity),
    placesStatus: activity.placesStatus ?? 'onbekend',
    placesConfirmedAt: toTimestamp(activity.placesConfirmedAt),
    updatedAt: toTimestamp(activity.updatedAt) ?? 0,
    sourceUpdatedAt: sourceUpdatedAt(activity),
  };
}

/**
 * The document each site locale shows for one activity: its own translation, or the Dutch text
 * flagged as fallback. Locales with neither get null (remove from that index).
 */
export function documentsPerLocale(
  versions: Partial<Record<string, Activity>>,
  siteLocales: readonly string[],
): Record<string, SearchDocument | null> {
  const out: Record<string, SearchDocument | null> = {};
  for (const locale of siteLocales) {
    const source = versions[locale] ?? versions[defaultLocale];
    out[locale] = source ? toSearchDocument(source, locale, versions[defaultLocale]) : null;
  }
  return out;
}
