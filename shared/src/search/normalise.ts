// Search forms: one spelling for the word forms that mean the same activity, used for the index
// (the indexer's keywords) and for the query (site createSearchClient) alike, so they meet in
// Meilisearch, which neither stems nor splits compounds. Pure and browser-safe.
import StemmerNl from '@nlpjs/lang-nl/src/stemmer-nl.js';

const stemmer = new StemmerNl();

/**
 * Lowercase, no Latin diacritics, and Arabic in one spelling: no tashkeel or tatweel, every alef
 * form as ا, alef maqsura as ي, ta marbuta as ه. Cyrillic and other scripts keep their letters
 * (й stays й).
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})[\u0300-\u036f]+/gu, '$1')
    .toLowerCase()
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .normalize('NFC');
}

/** The words of a text, folded (see foldText). */
export function foldedWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Words whose forms the rules below do not bring together: irregular job forms and verbs whose
 * noun is spelled otherwise. The value is the word the rules then read.
 */
export const irregularForms: Readonly<Record<string, string>> = {
  lerares: 'leraar',
  leraressen: 'leraar',
  juffrouw: 'juf',
  verpleegster: 'verpleegkundige',
  verpleegsters: 'verpleegkundige',
  verpleger: 'verpleegkundige',
  verplegers: 'verpleegkundige',
  verpleegkundigen: 'verpleegkundige',
  zanger: 'zingen',
  zangers: 'zingen',
  zangeres: 'zingen',
  zang: 'zingen',
  zing: 'zingen',
  programmeur: 'programmeren',
  programmeurs: 'programmeren',
  programmeer: 'programmeren',
  kok: 'koken',
  koks: 'koken',
  kook: 'koken',
  boerin: 'boer',
  heldin: 'held',
  vriendin: 'vriend',
  prinses: 'prins',
  actrice: 'acteur',
  kunstenares: 'kunstenaar',
  schrijfster: 'schrijver',
  fotografe: 'fotograaf',
  biologe: 'bioloog',
  psychologe: 'psycholoog',
  politieagente: 'politieagent',
  agente: 'agent',
  gym: 'gymmen',
  bieb: 'bibliotheek',
};

/** Words ending in -er that are not a doer of something (moeder is not one who "moeds"). */
const NOT_DOERS = new Set([
  'moeder',
  'vader',
  'broer',
  'zuster',
  'zomer',
  'winter',
  'water',
  'computer',
  'poster',
  'later',
  'ouder',
  'kinder',
  'dier',
  'meer',
  'super',
  'lekker',
  'samen',
  'over',
  'onder',
  'achter',
  'ander',
  'zilver',
  'peper',
  'letter',
  'nummer',
  'kamer',
  'theater',
  'centrum',
  'hamer',
  'emmer',
  'oktober',
  'november',
  'december',
  'september',
]);

const MIN_STEM = 3;

/** The word without a Dutch diminutive ending (-je, -tje, -pje after m, -etje after a double), or itself. */
function withoutDiminutive(w: string): string {
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^(.{2,}([^aeiou])\2)etjes?$/, (m) => undouble(m[1])],
    [/^(.{2,}m)pjes?$/, (m) => m[1]],
    [/^(.{2,}[aeiouylnrw])tjes?$/, (m) => m[1]],
    [/^(.{2,}[^aeiou])jes?$/, (m) => m[1]],
  ];
  for (const [re, base] of rules) {
    const m = re.exec(w);
    if (m) return base(m);
  }
  return w;
}

/** A doubled final consonant as one: zwemm → zwem, voetball → voetbal. */
function undouble(word: string): string {
  return /([^aeiou])\1$/.test(word) ? word.slice(0, -1) : word;
}

/**
 * Pure: the search form of one Dutch word. Brings together what a family types for the same
 * thing: inflections and verb and noun (tekenen, teken; koken, kook; zwemmen, zwem), female job
 * forms (kapster → kapper, lerares → leraar, -ster, -es, -in) and the doer of a hobby
 * (voetballer → voetbal, zwemmer → zwemmen, danser → dansen). The Snowball Dutch stemmer
 * (@nlpjs/lang-nl) does the inflections; it also writes double vowels single (kook → kok), so
 * only the rules for doers and irregular forms are ours. Words in other scripts pass unchanged.
 */
export function searchForm(word: string): string {
  let form = formCache.get(word);
  if (form === undefined) {
    form = formOf(word);
    if (formCache.size >= FORM_CACHE_SIZE) formCache.clear();
    formCache.set(word, form);
  }
  return form;
}

/** The indexer asks the same words for every activity: their forms are kept (a bounded cache). */
const FORM_CACHE_SIZE = 50_000;
const formCache = new Map<string, string>();

function formOf(word: string): string {
  let w = foldText(word);
  // Arabic: the article, alone or after a joined preposition or "and", is part of the word
  // (السباحه, سباحه; للاطفال, اطفال; والرسم, رسم).
  const arabic = /^(?:[وفبك]?ال|لل)([\u0621-\u064a]{3,})$/.exec(w);
  if (arabic) return arabic[1];
  w = irregularForms[w] ?? w;
  if (w.length <= MIN_STEM || !/^[a-z]+$/.test(w)) return w;
  if (NOT_DOERS.has(w)) return stemmer.stemWord(w);
  // A diminutive is the thing itself: vriendjes → vriend, bedrijfje → bedrijf, balletje → bal.
  const small = withoutDiminutive(w);
  if (small !== w) return formOf(small);
  // Female forms to the male form first: zangeres → zanger, danseres → danser.
  if (/[^aeiou]eres$/.test(w)) w = w.slice(0, -2);
  else if (/aress?en$|ares$/.test(w)) w = w.replace(/ares(sen)?$/, 'aar');
  // A stem of one or two letters is not a word (teken → tek is fine, but "open" → "op" is not).
  let s = stemmer.stemWord(w);
  if (s.length < MIN_STEM) s = w;
  // Snowball takes a final s for a plural; in Dutch that is mostly after -el, -er, -em, -en
  // (trainers, tekens), while dans, fiets and huis end in s themselves.
  if (s === w.slice(0, -1) && w.endsWith('s') && !/e[lrmn]s$/.test(w)) s = w;
  // -ing names the doing: training → train (trainen), tekening → teken.
  if (s.endsWith('ing') && s.length - 3 >= MIN_STEM + 1) s = s.slice(0, -3);
  // "teken" is the verb's stem and a noun; tekenen stems to it, so it keeps its -en.
  if (w.endsWith('en') && s === w.slice(0, -2) && s.length <= MIN_STEM) s = w;
  s = undouble(s);
  if (NOT_DOERS.has(s)) return s;
  // -ier is no doer (formulier, papier, plezier).
  const doer = /ier$/.test(s) ? null : /(st)?ers?$/.exec(s);
  if (doer && s.length - doer[0].length >= MIN_STEM) s = undouble(s.slice(0, -doer[0].length));
  return s;
}

/** Pure: the search forms of a text's words, in order, without repeats. */
export function searchForms(text: string): string[] {
  return [...new Set(foldedWords(text).map(searchForm))];
}

/**
 * Heads of Dutch activity compounds (zwem|les, knutsel|middag, huiswerk|begeleiding). Dutch
 * compounds are right-headed: the head says what it is, the part before it what about. Place
 * heads such as "wijk" are left out on purpose: the Muziekwijk is not about music.
 */
export const COMPOUND_HEADS = [
  'ondersteuning',
  'begeleiding',
  'vereniging',
  'spreekuur',
  'training',
  'trainingen',
  'diploma',
  'centrum',
  'gesprek',
  'ochtend',
  'spullen',
  'weekend',
  'vragen',
  'lessen',
  'middag',
  'school',
  'studio',
  'uurtje',
  'winkel',
  'cursus',
  'pakket',
  'avond',
  'club',
  'hulp',
  'kamp',
  'bank',
  'cafe',
  'team',
  'week',
  'reis',
  'les',
  'dag',
  'gym',
  'bad',
  'feest',
  'groep',
  'fonds',
];
const MIN_PART = 3;
/** Endings after which Dutch puts a linking s: opvoedings|vragen, gezondheids|centrum. */
const LINKING_S = ['ings', 'heids', 'schaps', 'teits'];

/**
 * Pure: the parts of a Dutch compound that people search for on their own. A known head splits
 * off its modifier ("knutselmiddag" → knutsel, middag; "opvoedingsvragen" keeps "opvoeding"
 * without the linking s); a word of the vocabulary at the end is the thing itself
 * ("streetbasketbal" → basketbal), and one at the start too when what is left is a word of the
 * vocabulary or a head ("dierenarts" → dieren, arts). The indexer passes the corpus's own words
 * (titles, keywords, labels); words that are not compounds give nothing.
 */
export function compoundParts(word: string, vocabulary: ReadonlySet<string>): string[] {
  if (word.includes(' ') || COMPOUND_HEADS.includes(word)) return [];
  const parts: string[] = [];
  const head = COMPOUND_HEADS.find((h) => word.endsWith(h) && word.length - h.length >= MIN_PART);
  if (head) {
    const modifier = word.slice(0, -head.length);
    parts.push(LINKING_S.some((e) => modifier.endsWith(e)) ? modifier.slice(0, -1) : modifier, head);
  }
  for (const v of vocabulary) {
    if (v.length < 4 || word === v || word.length - v.length < MIN_PART) continue;
    if (word.endsWith(v)) parts.push(v);
    else if (word.startsWith(v)) {
      const rest = word.slice(v.length);
      const tail = rest.startsWith('s') && !vocabulary.has(rest) ? rest.slice(1) : rest;
      if (vocabulary.has(tail) || COMPOUND_HEADS.includes(tail)) parts.push(v, tail);
    }
  }
  return [...new Set(parts)];
}
