// A wijk or stadsdeel named in the search box ("muziek in haven", "bijles kruidenwijk") is a place,
// not a word to match: the catalogue searches the other words in that place (state.ts
// searchedPlace). Pure, and no runtime imports: this file ships to the browser, the names come in
// as data (the city configuration's stadsdelen and wijken, lib/catalogue/labels.ts wijkGroups).

/** A stadsdeel and its wijken, with their names and slugs. */
export type PlaceGroup = { slug: string; name: string; wijken: { slug: string; name: string }[] };

/** The place named in a query, and the query without it. */
export type FoundPlace = { param: 'stadsdeel' | 'wijk'; slug: string; name: string; rest: string };

/**
 * Short names that are also ordinary Dutch words (haven = harbour, buiten = outside, hout = wood,
 * …). They are a place only where that is clear: right after "in", "bij",
 * "rond" ("voetbal in buiten"), or as the last word after another word ("zwemmen poort"), and
 * never after a word that gives the ordinary meaning ("werken met hout", "naar buiten", "in de haven").
 */
const ORDINARY_WORDS = new Set(['haven', 'buiten', 'stad', 'hout', 'poort', 'centrum', 'duin']);

/** Wijken whose name without "De" is too ordinary to be a place ("vrijwilligers werven"). */
const NO_SHORT_NAME = new Set(['werven', 'marken']);

/** Ordinary words that are a place only after "in", "bij" …: "sport centrum" is a sportcentrum. */
const ONLY_AFTER_PREPOSITION = new Set(['centrum']);

/** Words that say "where" before a place: removed with it ("muziek in haven" → "muziek"). */
const PLACE_PREPOSITIONS = new Set(['in', 'bij', 'rond', 'rondom', 'nabij', 'te', 'omgeving']);

/** A word right before an ordinary word that gives it its ordinary meaning. */
const ORDINARY_BEFORE = new Set([
  'de',
  'een',
  'met',
  'van',
  'uit',
  'naar',
  'op',
  'over',
  'zonder',
  'voor',
  'door',
  'lekker',
  'graag',
  'spelen',
  'veel',
  'ook',
]);

/** Words that do not count as "another word" next to a place. */
const FILLER = new Set([...PLACE_PREPOSITIONS, 'de', 'het', 'een', 'en', 'of', 'iets', 'wat']);

export function normaliseWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

type Token = { word: string; start: number; end: number };

function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    word: normaliseWord(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

type Place = { param: 'stadsdeel' | 'wijk'; slug: string; name: string; stadsdeel: string };
type Variant = { words: string[]; place: Place; ordinary: boolean };

const words = (text: string) => tokens(text).map((t) => t.word);

/** The word all stadsdelen's names start with (the city's name, "Almere Haven"), if they share one. */
function sharedFirstWord(groups: readonly PlaceGroup[]): string | null {
  const firsts = new Set(groups.map((g) => words(g.name)[0]));
  return groups.length > 1 && firsts.size === 1 ? [...firsts][0] : null;
}

/** Every way a place is written: full name, slug, the name without the city's name or "De", one word. */
function variants(groups: readonly PlaceGroup[]): Variant[] {
  const out: Variant[] = [];
  const add = (place: Place, w: string[]) => {
    if (w.length === 0) return;
    if (out.some((v) => v.words.join(' ') === w.join(' '))) return;
    out.push({ words: w, place, ordinary: w.length === 1 && ORDINARY_WORDS.has(w[0]) });
  };
  // The word all stadsdelen share (the city's name), left out in everyday speech: "in Haven".
  const shared = sharedFirstWord(groups);
  for (const g of groups) {
    const place: Place = { param: 'stadsdeel', slug: g.slug, name: g.name, stadsdeel: g.slug };
    const full = words(g.name);
    add(place, full);
    add(place, [full.join('')]);
    add(place, words(g.slug.replace(/-/g, ' ')));
    if (shared && full[0] === shared && full.length > 1) add(place, full.slice(1));
  }
  for (const g of groups)
    for (const w of g.wijken) {
      const place: Place = { param: 'wijk', slug: w.slug, name: w.name, stadsdeel: g.slug };
      const full = words(w.name);
      add(place, full);
      add(place, words(w.slug.replace(/-/g, ' ')));
      if (full.length > 1) add(place, [full.join('')]);
      if (full.length === 2 && (full[0] === 'de' || full[0] === 'het') && !NO_SHORT_NAME.has(full[1]))
        add(place, full.slice(1));
    }
  // Longest first, so "centrum haven" is the wijk, not "centrum" and "haven".
  return out.sort((a, b) => b.words.length - a.words.length);
}

const cache = new WeakMap<readonly PlaceGroup[], Variant[]>();
const fillers = new WeakMap<readonly PlaceGroup[], Set<string>>();

/** Filler words, with the city's name when the stadsdelen share it ("bijles in almere haven"). */
function fillerOf(groups: readonly PlaceGroup[]): Set<string> {
  let set = fillers.get(groups);
  if (!set) {
    const shared = sharedFirstWord(groups);
    fillers.set(groups, (set = shared ? new Set([...FILLER, shared]) : FILLER));
  }
  return set;
}

type Match = { from: number; to: number; place: Place; cut: number };

/**
 * The one place a query names, and the query without it (and without the "in" before it). Null
 * when it names none, when a name is only an ordinary word here, or when it names two places that
 * are not one inside the other ("haven of buiten").
 */
export function findPlace(query: string, groups: readonly PlaceGroup[]): FoundPlace | null {
  let vs = cache.get(groups);
  if (!vs) cache.set(groups, (vs = variants(groups)));
  const filler = fillerOf(groups);
  const toks = tokens(query);
  const matches: Match[] = [];
  for (let i = 0; i < toks.length; i++) {
    const v = vs.find((c) => c.words.every((w, k) => toks[i + k]?.word === w));
    if (!v) continue;
    const to = i + v.words.length;
    const before = toks[i - 1]?.word;
    const before2 = toks[i - 2]?.word;
    const afterPreposition = before !== undefined && PLACE_PREPOSITIONS.has(before);
    // "in het centrum": a preposition and "het" (not "de": "in de haven", "in de stad" are ordinary).
    const afterPrepositionHet = before === 'het' && before2 !== undefined && PLACE_PREPOSITIONS.has(before2);
    if (v.ordinary) {
      const others = toks.filter((t, k) => (k < i || k >= to) && !filler.has(t.word));
      const lastAfterWord =
        !ONLY_AFTER_PREPOSITION.has(v.words[0]) &&
        to === toks.length &&
        others.length > 0 &&
        before !== undefined &&
        !ORDINARY_BEFORE.has(before);
      if (!afterPreposition && !afterPrepositionHet && !lastAfterWord) continue;
    }
    const cut = afterPrepositionHet ? i - 2 : afterPreposition ? i - 1 : i;
    matches.push({ from: i, to, place: v.place, cut });
    i = to - 1;
  }
  if (matches.length === 0) return null;
  const places = [...new Map(matches.map((m) => [`${m.place.param}:${m.place.slug}`, m.place])).values()];
  let chosen: Place;
  if (places.length === 1) chosen = places[0];
  else {
    // "kruidenwijk almere stad": the wijk, when the others are its own stadsdeel.
    const wijk = places.filter((p) => p.param === 'wijk');
    if (wijk.length !== 1 || !places.every((p) => p === wijk[0] || p.slug === wijk[0].stadsdeel)) return null;
    chosen = wijk[0];
  }
  // The query without the matched names: cut from the original text, so the other words stay as typed.
  let rest = '';
  let at = 0;
  for (const m of matches) {
    rest += query.slice(at, toks[m.cut].start);
    at = toks[m.to - 1].end;
  }
  rest += query.slice(at);
  return {
    param: chosen.param,
    slug: chosen.slug,
    name: chosen.name,
    rest: rest
      .replace(/\s+/g, ' ')
      .replace(/^[\s,.;:!?-]+|[\s,.;:!?-]+$/g, '')
      .trim(),
  };
}
