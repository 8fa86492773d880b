// Relevance: Dutch queries a parent, child or coordinator would type, judged by hand against the
// demo data (fixtures/relevance/queries.json), searched in a real Meilisearch with the real
// settings (shared searchSettings) and documents built by the indexer's own transform. Each is sent
// exactly as the catalogue sends it for its address (site/src/islands/catalogue/server-state.ts: the
// catalogue's own InstantSearch and instant-meilisearch, recorded). A query passes when one of its
// expected activities is in the top 3; the suite fails under 90 %.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchSettings, type SearchDocument } from '@droomkaart/shared';
import { FACETS, type CatalogueState } from '@droomkaart/site/catalogue';
import { relevanceCorpus } from '../fixtures/relevance/corpus.ts';
import { catalogueAt, catalogueRequests, sendCatalogueSearch } from '../utils/catalogue.ts';
import { meiliAdmin } from '../utils/meili.ts';
import { PORT_OFFSET } from '../utils/ports.ts';
import { startTestStack, type TestStack } from '../utils/stack.ts';

type Filters = { free?: boolean; age?: number; stadsdeel?: string; theme?: string };
type RelevanceQuery = { category: string; q: string; filters?: Filters; why: string; expected: string[] };

const queries = JSON.parse(
  readFileSync(new URL('../fixtures/relevance/queries.json', import.meta.url), 'utf8'),
) as RelevanceQuery[];
const TOP = 3;
const THRESHOLD = 0.9;

/** The catalogue's address for a query: its URL parameters, as the filters and the home pages write them (`free=1`: both free cost types). */
function addressOf(q: RelevanceQuery): string {
  const params = new URLSearchParams();
  if (q.q) params.set('q', q.q);
  const { age, stadsdeel, theme, free } = q.filters ?? {};
  if (age !== undefined) params.set('age', String(age));
  if (stadsdeel) params.set('stadsdeel', stadsdeel);
  if (theme) params.set('theme', theme);
  if (free) params.set('free', '1');
  return `/nl/activiteiten?${params}`;
}

/** The catalogue page for a query: its state and configuration, as /nl/activiteiten reads its address. */
const pageOf = (q: RelevanceQuery) => catalogueAt(addressOf(q));
const index = pageOf({ category: '', q: '', why: '', expected: [] }).config.indexName;

/** The catalogue's filters on a document (one value of a facet, every facet), to check the fixture without searching. */
function satisfies(doc: SearchDocument, state: CatalogueState): boolean {
  return FACETS.every((f) => {
    const wanted = state.refinements[f.param];
    const raw = (doc as unknown as Record<string, unknown>)[f.attribute];
    const has = (Array.isArray(raw) ? raw : [raw]).map(String);
    return wanted.length === 0 || wanted.some((v) => has.includes(v));
  });
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
    await meili
      .index(index)
      .updateSettings(searchSettings as never)
      .waitTask({ timeout: 60_000 }),
    await meili.index(index).addDocuments(docs).waitTask({ timeout: 60_000 }),
  ];
  for (const task of tasks)
    if (task.status !== 'succeeded')
      throw new Error(`Meilisearch task ${task.type} ${task.status}: ${JSON.stringify(task.error)}`);
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

  it('asks only for filters the catalogue knows', () => {
    for (const q of queries) {
      const { refinements } = pageOf(q).state;
      const { age, stadsdeel, theme, free } = q.filters ?? {};
      expect(
        {
          age: refinements.age,
          stadsdeel: refinements.stadsdeel,
          theme: refinements.theme,
          cost: [...refinements.cost].sort(),
        },
        label(q),
      ).toEqual({
        age: age === undefined ? [] : [String(age)],
        stadsdeel: stadsdeel ? [stadsdeel] : [],
        theme: theme ? [theme] : [],
        cost: free ? ['gratis', 'gratis-via-regeling'] : [],
      });
    }
  });

  it('expects only activities that exist and satisfy the query’s filters', () => {
    for (const q of queries) {
      const { state } = pageOf(q);
      expect(q.expected.length, label(q)).toBeGreaterThan(0);
      for (const slug of q.expected) {
        const doc = bySlug.get(slug);
        expect(doc, `${label(q)}: ${slug} is not in the corpus`).toBeDefined();
        expect(satisfies(doc!, state), `${label(q)}: ${slug} does not satisfy the filters`).toBe(true);
      }
    }
  });

  it('has no query that three random activities from its pool would usually pass', () => {
    for (const q of queries) {
      const { state } = pageOf(q);
      const pool = docs.filter((d) => satisfies(d, state)).length;
      expect(chanceByLuck(pool, q.expected.length), `${label(q)}: ${q.expected.length} of ${pool}`).toBeLessThan(0.5);
    }
  });
});

describe('search relevance', () => {
  it(`finds an expected activity in the top ${TOP} for at least ${THRESHOLD * 100} % of the queries`, async () => {
    const results: { q: RelevanceQuery; top: string[]; rank: number | null; hit: boolean }[] = [];
    for (const q of queries) {
      // The catalogue's requests for this address, every one in order, as it sends them; the
      // ranking is that of the query whose hits the list shows.
      const { listed } = await sendCatalogueSearch(meili, await catalogueRequests(pageOf(q).config));
      const slugs = (listed.hits as SearchDocument[]).map((h) => h.slug);
      const rank = slugs.findIndex((s) => q.expected.includes(s));
      results.push({
        q,
        top: slugs.slice(0, TOP),
        rank: rank === -1 ? null : rank + 1,
        hit: rank !== -1 && rank < TOP,
      });
    }

    const share = results.filter((r) => r.hit).length / results.length;
    const categories = [...new Set(queries.map((q) => q.category))];
    const misses = results.filter((r) => !r.hit);
    const lines = [
      `Relevance: ${results.filter((r) => r.hit).length}/${results.length} queries have an expected activity in the top ${TOP} (${(share * 100).toFixed(1)} %, threshold ${THRESHOLD * 100} %)`,
      '',
      'Per category:',
      ...categories.map((c) => {
        const inCat = results.filter((r) => r.q.category === c);
        return `  ${c.padEnd(10)} ${inCat.filter((r) => r.hit).length}/${inCat.length}`;
      }),
      '',
      misses.length ? 'Misses (query | expected | got top 3 | rank of first expected in page 1):' : 'No misses.',
      ...misses.map((r) => {
        const expected =
          r.q.expected.length > 2
            ? `${r.q.expected.slice(0, 2).join(', ')} (+${r.q.expected.length - 2})`
            : r.q.expected.join(', ');
        return `  [${r.q.category}] ${label(r.q)} | ${expected} | ${r.top.join(', ') || '(no hits)'} | ${r.rank ?? '-'}`;
      }),
    ];
    console.log(lines.join('\n'));
    expect(share).toBeGreaterThanOrEqual(THRESHOLD);
  });
});
