// "Bestaat dit al?" (issue 19, point 6): is a new activity or place much like one that exists?
// Pure. Names are compared as word sets and as letter trigrams (typing mistakes, "zwemles" against
// "zwem les"), places also by their address. A shared organisation makes a pair more likely, an
// address in another street less. Thresholds were tuned on the demo seed's near pairs.

/** Words that say nothing about what an offer is. */
const FILLER = new Set([
  'de',
  'het',
  'een',
  'en',
  'van',
  'voor',
  'met',
  'in',
  'op',
  'aan',
  'bij',
  'je',
  'jij',
  'the',
  'and',
  'for',
  'of',
]);

/** Pure: lower case, without accents, punctuation and filler words. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !FILLER.has(w));
}

function trigrams(text: string): Set<string> {
  const s = ` ${text} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

function jaccard<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

/** Pure, 0..1: how alike two names are (the better of word overlap and trigram overlap). */
export function nameSimilarity(a: string, b: string): number {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const words = jaccard(new Set(wa), new Set(wb));
  const letters = jaccard(trigrams(wa.join('')), trigrams(wb.join('')));
  return Math.max(words, letters);
}

/** Pure: an address as one comparable key: postcode (no space) and house number, else the street. */
export function addressKey(address: string | null | undefined, postcode?: string | null): string | null {
  const pc = (postcode ?? '').replace(/\s+/g, '').toUpperCase();
  const number = /\b(\d+)\s*([a-z])?\b/i.exec(address ?? '');
  if (/^\d{4}[A-Z]{2}$/.test(pc) && number) return `${pc} ${number[1]}${(number[2] ?? '').toLowerCase()}`;
  const street = nameWords(address ?? '').join(' ');
  return street || null;
}

export type Candidate = {
  documentId: string;
  name: string;
  organisation?: string | null;
  address?: string | null;
  postcode?: string | null;
};

export type Match = Candidate & { score: number; reasons: ('name' | 'address' | 'organisation')[] };

/** A pair at or above this is shown as "Bestaat dit al?". */
export const SIMILAR_AT = 0.6;

/** Pure, 0..1: how likely `b` is the same offer or place as `a`, and why. */
export function similarity(a: Candidate, b: Candidate): { score: number; reasons: Match['reasons'] } {
  const name = nameSimilarity(a.name, b.name);
  const reasons: Match['reasons'] = [];
  if (name >= 0.5) reasons.push('name');
  const ka = addressKey(a.address, a.postcode);
  const kb = addressKey(b.address, b.postcode);
  const sameAddress = ka !== null && ka === kb;
  if (sameAddress) reasons.push('address');
  const sameOrganisation = Boolean(a.organisation && a.organisation === b.organisation);
  if (sameOrganisation) reasons.push('organisation');
  let score = name;
  if (sameAddress) score = Math.min(1, score + 0.3);
  else if (ka && kb) score -= 0.15; // both have an address, and it differs
  if (sameOrganisation) score = Math.min(1, score + 0.15);
  return { score: Math.max(0, Math.round(score * 100) / 100), reasons };
}

/** Pure: the existing ones much like `draft`, most alike first, at most `limit`. */
export function similarTo(draft: Candidate, existing: readonly Candidate[], limit = 5): Match[] {
  return existing
    .filter((c) => c.documentId !== draft.documentId)
    .map((c) => ({ ...c, ...similarity(draft, c) }))
    .filter((m) => m.score >= SIMILAR_AT && m.reasons.includes('name'))
    .sort((x, y) => y.score - x.score || x.name.localeCompare(y.name))
    .slice(0, limit);
}

/** Pure: pairs across the city that may be one offer or place twice (the programme editor's list). */
export function mergeCandidates(
  items: readonly Candidate[],
  limit = 100,
): { a: Candidate; b: Candidate; score: number; reasons: Match['reasons'] }[] {
  const pairs: { a: Candidate; b: Candidate; score: number; reasons: Match['reasons'] }[] = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const { score, reasons } = similarity(items[i], items[j]);
      if (score >= SIMILAR_AT && reasons.includes('name')) pairs.push({ a: items[i], b: items[j], score, reasons });
    }
  return pairs.sort((x, y) => y.score - x.score).slice(0, limit);
}
