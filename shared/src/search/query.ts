// The query rewrite: what the catalogue sends to Meilisearch for what a family typed
// (site createSearchClient applies it to every request; the search box and the address keep the
// typed text). Pure and browser-safe.
// No city here: the catalogue's island ships this file, and the city file stays on the server.
// The place names come in through setPlaceNames: from city.ts in every Node process, from the
// island's config in the browser.
import { COMPOUND_HEADS, compoundParts, foldedWords, searchForm } from './normalise.js';
import { professionAliases, professionInterests } from './professions.js';
import { dutchStopWords, synonymGroups } from './settings.js';
import { searchDictionary } from './translations.js';

/**
 * Words of a child's dream sentence around what the child wants ("ik wil later dokter worden",
 * "mijn droom is juf", "I want to be a vet"): left out when the query is such a sentence, so the
 * profession is what is searched.
 */
const DREAM_WORDS = new Set([
  'ik',
  'wil',
  'wilt',
  'later',
  'worden',
  'word',
  'wordt',
  'als',
  'groot',
  'ben',
  'mijn',
  'droom',
  'is',
  'om',
  'te',
  'een',
  'de',
  'het',
  'graag',
  'echt',
  'zijn',
  'i',
  'want',
  'wanna',
  'to',
  'be',
  'become',
  'a',
  'an',
  'the',
  'my',
  'dream',
  'when',
  'grow',
  'up',
  'im',
  'am',
  'would',
  'like',
]);
/** A query is a dream sentence when it has one of these (folded) phrases. */
const DREAM_PHRASE =
  /\b(wil\b.*\bworden|ik wil later|later wil ik|word ik|ik word|mijn droom|droom is|want to be|wanna be|to become|dream is|grow up)\b/;

/**
 * Filler of a typed question that Meilisearch's stop words do not hold, and words that praise
 * without saying what ("gezellige sport"): no activity is picked by them, and as the rarer word
 * they would outlast "sport" when Meilisearch drops the commonest word first.
 */
const FILLER = new Set([
  ...dutchStopWords,
  ...['graag', 'leuk', 'leuke', 'leuks', 'iets', 'gezellig', 'gezellige', 'spannend', 'spannende', 'fijn', 'fijne'],
  ...['mooi', 'mooie', 'tof', 'toffe', 'gaaf', 'gave', 'cool', 'coole', 'stoer', 'stoere', 'lekker', 'lekkere'],
  ...['goed', 'goede', 'beste', 'echt', 'echte', 'super', 'leukste', 'fun', 'nice', 'fajne', 'guzel', 'eglenceli'],
  // Words that stand for "something" or for wanting to start it.
  ...['ding', 'dingen', 'dingetjes', 'beginnen', 'activiteit', 'activiteiten'],
  // A level says for whom, not what ("schilderen voor beginners").
  ...['beginner', 'beginners', 'gevorderd', 'gevorderden'],
  // Who it is with or for: every activity is for children, with others.
  ...['kind', 'kinderen', 'kindje', 'kids', 'vriend', 'vriendje', 'vriendjes', 'vrienden', 'vriendinnen', 'samen'],
  // English function words: English is typed on every locale's catalogue.
  ...['the', 'and', 'for', 'with', 'my', 'of', 'to', 'a', 'an', 'near', 'some', 'at', 'on', 'in', 'me', 'our'],
]);

/** Place words stay as typed: they are matched against place names, which are not normalised. */
let PLACE_WORDS: ReadonlySet<string> = new Set();

/** The city's place names (municipality, stadsdelen, wijken): city.ts sets them, the island in the browser. */
export function setPlaceNames(names: readonly string[]): void {
  PLACE_WORDS = new Set(names.flatMap((name) => foldedWords(name)));
}

/** Words the query splitter knows: the dictionary's and synonyms' Dutch words and the heads. */
const QUERY_VOCABULARY: ReadonlySet<string> = new Set(
  [
    ...Object.keys(searchDictionary),
    ...synonymGroups.flat(),
    ...Object.keys(professionInterests),
    // Days are no compounds of "dag".
    ...['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'vandaag'],
  ].filter((w) => !w.includes(' ') && w.length >= 4),
);

const professionByForm = new Map<string, string>(
  [...Object.keys(professionInterests), ...Object.keys(professionAliases)].map((w) => [
    searchForm(w),
    professionAliases[w] ?? w,
  ]),
);

/** Compound heads that say only what kind of activity, not what it is about. */
const GENERIC_HEADS = new Set([
  ...['les', 'lessen', 'training', 'trainingen', 'club', 'cursus', 'team', 'groep'],
  ...['dag', 'middag', 'ochtend', 'avond', 'week', 'weekend', 'uurtje'],
]);

/** A known profession at the end of a compound, with what comes before it (≥ 3 letters). */
function professionHead(word: string): { profession: string; modifier: string } | null {
  for (const profession of Object.keys(professionInterests)) {
    if (profession.length >= 4 && word.length - profession.length >= 3 && word.endsWith(profession))
      return { profession, modifier: word.slice(0, -profession.length) };
  }
  return null;
}

/** The known words and their search forms (bouwen → bouw) a long unknown word may start with. */
const LOOSE_STARTS: ReadonlySet<string> = new Set(
  [...QUERY_VOCABULARY, ...[...QUERY_VOCABULARY].map(searchForm)].filter((w) => w.length >= 4),
);
/** Shortest modifier or rest of a word read loosely (lees|begeleiding, bouw|vakker). */
const MIN_LOOSE_PART = 3;

/**
 * Pure: the likely parts of a long word the query splitter does not know: a compound head with
 * the modifier before it, else the longest known word (or its search form) it starts with. Known words, days and
 * heads give nothing (zaterdag is no compound of dag).
 */
export function looseParts(word: string): string[] {
  if (word.length < 7 || QUERY_VOCABULARY.has(word) || COMPOUND_HEADS.includes(word)) return [];
  const head = COMPOUND_HEADS.find((h) => word.endsWith(h) && word.length - h.length >= MIN_LOOSE_PART);
  if (head) return [word.slice(0, -head.length), head];
  let start = '';
  for (const v of LOOSE_STARTS)
    if (v.length > start.length && word.startsWith(v) && word.length - v.length >= MIN_LOOSE_PART) start = v;
  return start ? [start] : [];
}

/** The dictionary's words of other languages (folded) and the Dutch words they stand for. */
const FOREIGN = new Map<string, string[]>();
/** A word as the dictionary is looked up: folded, and Arabic without its article (للاطفال). */
const lookupForm = (w: string) => (/\p{Script=Arabic}/u.test(w) ? searchForm(w) : w);
for (const [nl, entry] of Object.entries(searchDictionary))
  for (const words of Object.values(entry))
    for (const w of words) {
      const key = foldedWords(w).map(lookupForm).join(' ');
      // "iş" folds to the Dutch "is": a word that is Dutch filler is never read as a translation.
      if (key && !FILLER.has(key)) FOREIGN.set(key, [...new Set([...(FOREIGN.get(key) ?? []), nl])]);
    }
const LONGEST_PHRASE = Math.max(...[...FOREIGN.keys()].map((k) => k.split(' ').length));

/** The longest phrase of the dictionary at position `at` of the words, or null. */
function foreignAt(words: readonly string[], at: number): { dutch: string[]; length: number } | null {
  for (let n = Math.min(LONGEST_PHRASE, words.length - at); n >= 1; n--) {
    const dutch = FOREIGN.get(
      words
        .slice(at, at + n)
        .map(lookupForm)
        .join(' '),
    );
    if (dutch) return { dutch, length: n };
  }
  return null;
}

/** At most this many words of a dream go into the workspace's prefilled search. */
const MAX_DREAM_WORDS = 6;

/**
 * Pure: the child's own words of a dream text, as typed but lowercase and without the sentence
 * around them and filler ("Ik wil later dokter worden!" → "dokter"), for the coordinator
 * workspace's prefilled search (site lib/workspace/match.ts), which sends them through
 * rewriteQuery like the catalogue. '' when nothing is left.
 */
export function dreamWords(text: string): string {
  const words = foldedWords(text).filter((w) => !DREAM_WORDS.has(w) && !FILLER.has(w) && !/^\d+$/.test(w));
  return [...new Set(words)].slice(0, MAX_DREAM_WORDS).join(' ');
}

/**
 * Pure: the Meilisearch query for a typed query. A dream sentence is reduced to its content
 * words; every word gets its search form (normalise.ts), as the indexer writes them into the
 * keywords; a compound the query splitter knows is sent as its parts (zwemtraining → zwem train);
 * a profession also asks for the activities that help that dream (dierenarts → dier
 * kinderboerderij natuur); a word or phrase of another language that the dictionary knows goes out
 * as its Dutch word (swimming → zwem). Place names pass as typed. An empty or filler-only query is sent as it is.
 */
export function rewriteQuery(typed: string): string {
  const words = foldedWords(typed);
  if (words.length === 0) return typed;
  const isDream = DREAM_PHRASE.test(words.join(' '));
  // An age typed as a number ("zwemmen 8 jaar") is no word of an activity's text.
  const content = words.filter((w) => !(isDream && DREAM_WORDS.has(w)) && !FILLER.has(w) && !/^\d{1,2}$/.test(w));
  if (content.length === 0) return typed;
  const out: string[] = [];
  for (let i = 0; i < content.length; i++) {
    // A word or phrase of another language the dictionary knows goes out as its Dutch word(s),
    // whose forms every activity that is about it holds ("swimming", "yüzme", "كرة القدم").
    const phrase = foreignAt(content, i);
    if (phrase) {
      for (const nl of phrase.dutch) if (!FILLER.has(nl)) for (const f of foldedWords(nl).map(searchForm)) out.push(f);
      i += phrase.length - 1;
      continue;
    }
    const word = content[i];
    if (PLACE_WORDS.has(word) || /\d/.test(word)) {
      out.push(word);
      continue;
    }
    // A compound ending in a profession names that profession and what it works on
    // ("automonteur", "kinderarts"): the profession, then the modifier last (searched as a prefix).
    const headJob = professionByForm.has(searchForm(word)) ? undefined : professionHead(word);
    if (headJob) {
      out.push(searchForm(headJob.profession), searchForm(headJob.modifier));
      continue;
    }
    const profession = professionByForm.get(searchForm(word));
    // Split only into words it knows: "zaterdag" is no compound of "dag".
    const split =
      profession || QUERY_VOCABULARY.has(word) || COMPOUND_HEADS.includes(word)
        ? []
        : compoundParts(word, QUERY_VOCABULARY);
    // A known head may split off a modifier it does not know when that is a word of its own
    // length (weerbaarheids|training); other splits must be of known words only.
    const known = (p: string) => QUERY_VOCABULARY.has(p) || COMPOUND_HEADS.includes(p);
    const headSplit = split.length === 2 && COMPOUND_HEADS.includes(split[1]) && split[0].length >= 5;
    const parts = split.every(known) || headSplit ? split : [];
    // A word the splitter cannot read for sure still sends its likely parts after it: the word
    // itself first, then a short modifier with its head (lees|begeleiding) or a known word it
    // starts with (bouw|vakker). The search engine drops a word it has never seen before the
    // others, so an unknown compound finds what its parts name instead of nothing.
    const loose = profession || parts.length > 0 ? [] : looseParts(word);
    // A profession goes out as the Dutch profession's form ("doctor" → the form of dokter); the
    // index's synonyms (settings.ts) let it find the activities that help that dream.
    // A split at a generic head keeps what the compound is about: les, training, club, middag say
    // only what kind, and as the rarer word would outlast the topic ("zwemtraining"). A head that
    // says what it is stays (jeugd|fonds, kleding|bank).
    const about = parts.length === 2 && GENERIC_HEADS.has(parts[1]) ? [parts[0]] : parts;
    const forms = profession ? [searchForm(profession)] : about.length > 0 ? about.map(searchForm) : [searchForm(word)];
    for (const f of [...forms, ...loose.map(searchForm)]) if (!FILLER.has(f)) out.push(f);
  }
  const unique = [...new Set(out)];
  return unique.length > 0 ? unique.join(' ') : typed;
}
