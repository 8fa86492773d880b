// Which words of a query the shown results match, from Meilisearch's highlights. When nothing
// matches every word, Meilisearch drops words (matchingStrategy) and still answers; the catalogue
// then says which words it found. Pure, no runtime imports (the island runs it in the browser).
import { normaliseWord } from './places.ts';

/** instant-meilisearch's highlight markers (its defaults; the catalogue sets no others). */
const PRE = '__ais-highlight__';
const POST = '__/ais-highlight__';

/**
 * Every highlighted fragment in a hit's `_highlightResult` (instant-meilisearch wraps Meilisearch's
 * `_formatted` as `{ value }` leaves; it gives no matchedWords or matchLevel), normalised, once.
 */
export function highlightedWords(highlightResult: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const value = (v as { value?: unknown }).value;
    if (typeof value === 'string') {
      for (let at = value.indexOf(PRE); at !== -1; at = value.indexOf(PRE, at + PRE.length)) {
        const end = value.indexOf(POST, at);
        if (end === -1) break;
        for (const w of value.slice(at + PRE.length, end).match(/[\p{L}\p{N}]+/gu) ?? []) out.add(normaliseWord(w));
      }
      return;
    }
    Object.values(v).forEach(walk);
  };
  walk(highlightResult);
  return [...out];
}

/** Edit distance, for typos Meilisearch forgave ("zwemen" highlighted as "zwemme"). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/** A highlighted fragment is this query word: the same, a prefix or compound part of it, or a typo away. */
function isFound(word: string, fragments: readonly string[]): boolean {
  return fragments.some(
    (f) =>
      f === word ||
      (f.length >= 3 && word.length >= 3 && (f.startsWith(word) || word.startsWith(f) || f.includes(word))) ||
      (word.length >= 4 && distance(word, f) <= (word.length >= 8 ? 2 : 1) + (f.length < word.length ? 1 : 0)),
  );
}

export type Loosened = { found: string[]; missing: string[] };

/**
 * The words of `query` the notice speaks of: as sent, without stop words Meilisearch ignores, each
 * once. With fewer than two there is nothing to loosen, so the catalogue asks no highlights then.
 */
export function searchedWords(query: string, stopWords: readonly string[]): string[] {
  const stop = new Set(stopWords.map(normaliseWord));
  const words: string[] = [];
  const seen = new Set<string>();
  for (const raw of query.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const w = normaliseWord(raw);
    if (stop.has(w) || seen.has(w)) continue;
    seen.add(w);
    words.push(raw);
  }
  return words;
}

/**
 * The words of `query` (as sent, without stop words Meilisearch ignores) that the best hit matches
 * and those it does not, when some are missing: Meilisearch ranks hits with more of the query's
 * words first, so a first hit without a word means no hit has them all. Null when every word is
 * found, and also when none is: then the hit matched through a synonym or rewritten word that
 * cannot be told apart, and the catalogue says nothing rather than something wrong.
 */
export function loosenedSearch(
  query: string,
  stopWords: readonly string[],
  fragments: readonly string[],
): Loosened | null {
  const words = searchedWords(query, stopWords);
  const found = words.filter((w) => isFound(normaliseWord(w), fragments));
  if (found.length === 0 || found.length === words.length) return null;
  return { found, missing: words.filter((w) => !found.includes(w)) };
}
