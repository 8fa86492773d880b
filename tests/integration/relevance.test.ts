// Relevance: Dutch queries a parent, child or coordinator would type, judged by hand against the
// demo data (fixtures/relevance/queries.json), searched in a real Meilisearch with the real
// settings (shared searchSettings) and documents built by the indexer's own transform. A query
// passes when one of its expected offers is in the top 3; the suite fails under 90 %.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexName, searchSettings, type SearchDocument } from '@droomkaart/shared';
import { PAGE_SIZE, toMeiliFilter } from '../../site/src/lib/search-query.ts';
import { relevanceCorpus } from '../fixtures/relevance/corpus.ts';
import { meiliAdmin } from '../utils/meili.ts';
import { PORT_OFFSET } from '../utils/ports.ts';
import { startTestStack, type TestStack } from '../utils/stack.ts';

type Filters = { free?: boolean; age?: number; stadsdeel?: string; theme?: string };
type RelevanceQuery = { category: string; q: string; filters?: Filters; why: string; expected: string[] };

const queries = JSON.parse(readFileSync(new URL('../fixtures/relevance/queries.json', import.meta.url), 'utf8')) as RelevanceQuery[];
const TOP = 3;
const THRESHOLD = 0.9;
const index = indexName('nl');

/** The filter the site sends (age, stadsdeel, theme), plus `free`, which the index also filters on. */
function filterFor(filters: Filters = {}): string[] {
  const site = toMeiliFilter({ q: '', age: filters.age ?? null, stadsdeel: filters.stadsdeel ?? null, theme: filters.theme ?? null, page: 1 });
  return filters.free ? [...site, 'free = true'] : site;
}

/** Evaluates the same filters on a document, so the fixture can be checked without searching. */
function satisfies(doc: SearchDocument, filters: Filters = {}): boolean {
  return (
    (filters.free === undefined || doc.free === filters.free) &&
    (filters.age === undefined || doc.ages.includes(filters.age)) &&
    (filters.stadsdeel === undefined || doc.stadsdeel.includes(filters.stadsdeel)) &&
    (filters.theme === undefined || doc.themes.includes(filters.theme))
  );
}

/** Chance that three documents drawn at random from the filtered pool include an expected one. */
function chanceByLuck(pool: number, expected: number): number {
  const none = (n: number) => (n * (n - 1) * (n - 2)) / 6;
  return 1 - none(pool - expected) / none(pool);
}

const label = (q: RelevanceQuery) => (q.filters ? `${q.q} ${JSON.stringify(q.filters)}` : q.q);

let docs: SearchDocument[];
let bySlug: Map<string, SearchDocument>;
let stack: TestStack;
let meili: ReturnType<typeof meiliAdmin>;

beforeAll(async () => {
  docs = await relevanceCorpus();
  bySlug = new Map(docs.map((d) => [d.slug, d]));
  stack = await startTestStack({ name: 'relevance', portOffset: PORT_OFFSET.relevance, services: ['meilisearch'] });
  meili = meiliAdmin(stack.urls.meilisearch, stack.env.MEILI_MASTER_KEY);
  const tasks = [
    await meili.createIndex(index, { primaryKey: 'id' }).waitTask({ timeout: 30_000 }),
    await meili.index(index).updateSettings(searchSettings as never).waitTask({ timeout: 60_000 }),
    await meili.index(index).addDocuments(docs).waitTask({ timeout: 60_000 }),
  ];
  for (const task of tasks) if (task.status !== 'succeeded') throw new Error(`Meilisearch task ${task.type} ${task.status}: ${JSON.stringify(task.error)}`);
});

afterAll(async () => {
  await stack?.cleanup();
});

describe('the relevance fixture', () => {
  it('has at least 30 distinct queries, each with a reason', () => {
    expect(queries.length).toBeGreaterThanOrEqual(30);
    expect(new Set(queries.map(label)).size).toBe(queries.length);
    for (const q of queries) expect(q.why.length, label(q)).toBeGreaterThan(0);
  });

  it('expects only offers that exist and satisfy the query’s filters', () => {
    for (const q of queries) {
      expect(q.expected.length, label(q)).toBeGreaterThan(0);
      for (const slug of q.expected) {
        const doc = bySlug.get(slug);
        expect(doc, `${label(q)}: ${slug} is not in the corpus`).toBeDefined();
        expect(satisfies(doc!, q.filters), `${label(q)}: ${slug} does not satisfy the filters`).toBe(true);
      }
    }
  });

  it('has no query that three random offers from its pool would usually pass', () => {
    for (const q of queries) {
      const pool = docs.filter((d) => satisfies(d, q.filters)).length;
      expect(chanceByLuck(pool, q.expected.length), `${label(q)}: ${q.expected.length} of ${pool}`).toBeLessThan(0.5);
    }
  });
});

describe('search relevance', () => {
  it(`finds an expected offer in the top ${TOP} for at least ${THRESHOLD * 100} % of the queries`, async () => {
    const results: { q: RelevanceQuery; top: string[]; rank: number | null; hit: boolean }[] = [];
    for (const q of queries) {
      // The site's request: its filter and page size (site/src/lib/search.ts).
      const res = await meili.index<SearchDocument>(index).search(q.q, { filter: filterFor(q.filters), page: 1, hitsPerPage: PAGE_SIZE, attributesToRetrieve: ['slug'] });
      const slugs = res.hits.map((h) => h.slug);
      const rank = slugs.findIndex((s) => q.expected.includes(s));
      results.push({ q, top: slugs.slice(0, TOP), rank: rank === -1 ? null : rank + 1, hit: rank !== -1 && rank < TOP });
    }

    const share = results.filter((r) => r.hit).length / results.length;
    const categories = [...new Set(queries.map((q) => q.category))];
    const misses = results.filter((r) => !r.hit);
    const lines = [
      `Relevance: ${results.filter((r) => r.hit).length}/${results.length} queries have an expected offer in the top ${TOP} (${(share * 100).toFixed(1)} %, threshold ${THRESHOLD * 100} %)`,
      '',
      'Per category:',
      ...categories.map((c) => {
        const inCat = results.filter((r) => r.q.category === c);
        return `  ${c.padEnd(10)} ${inCat.filter((r) => r.hit).length}/${inCat.length}`;
      }),
      '',
      misses.length ? 'Misses (query | expected | got top 3 | rank of first expected in page 1):' : 'No misses.',
      ...misses.map((r) => {
        const expected = r.q.expected.length > 2 ? `${r.q.expected.slice(0, 2).join(', ')} (+${r.q.expected.length - 2})` : r.q.expected.join(', ');
        return `  [${r.q.category}] ${label(r.q)} | ${expected} | ${r.top.join(', ') || '(no hits)'} | ${r.rank ?? '-'}`;
      }),
    ];
    console.log(lines.join('\n'));
    expect(share).toBeGreaterThanOrEqual(THRESHOLD);
  });
});
