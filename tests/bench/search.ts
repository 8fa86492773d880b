// Search benchmark (DESIGN §7: filtered + faceted + geo search, p95 ≤ 20 ms server time at
// 10,000 activities and ≤ 50 ms at 100,000).
//
// Starts only Meilisearch (own port and data folder), turns the cms's demo-data generator's
// activities into search documents with the indexer's own transform, fills `activities_nl`
// through the indexer's zero-downtime rebuild (real settings: shared searchSettings), then asks
// a fixed, seeded mix of the questions the site asks, interleaved, one at a time:
//   catalogue   a catalogue address (text, age/stadsdeel/theme filters, page) and exactly the
//               requests the catalogue sends for it (utils/catalogue.ts: its InstantSearch through
//               instant-meilisearch, facet counts included); times add up over its queries
//   filtered    text or browsing with the site's filters plus free, days, cost, kind; facet counts
//   geo         _geoRadius around a wijk centroid, nearest first (_geo sort), facet counts
//   browse      empty query, facet counts only (catalogue landing page), newest first
//   map         a map page address (/kaart: text, age/stadsdeel filters) and exactly the requests
//               that page sends (up to MAP_HITS pins with their facet counts), as for catalogue
// and prints p50/p95 of Meilisearch's own processingTimeMs and of the round trip, per size (the
// round trip once as the site's client makes it, once without response compression).
//
// BENCH_SIZES=10000,100000 (default)   BENCH_QUERIES=300 per kind (default)
import { city, wijken, themeSlugs, days, costTypes, activityKinds, type SearchDocument } from '@droomkaart/shared';
import { Meilisearch, type SearchParams } from 'meilisearch';
import { SearchEngine } from '@droomkaart/search-indexer/search-engine';
import { toSearchDocument } from '@droomkaart/search-indexer/transform';
import { catalogueAt, catalogueRequests, sendCatalogueSearch, type CatalogueRequests } from '../utils/catalogue.ts';
import { generateDemoData, publishedActivities } from '../utils/demo-data.ts';
import { PORT_OFFSET } from '../utils/ports.ts';
import { startTestStack } from '../utils/stack.ts';
import { machine, ms, pick, prng, s, summary, verdict } from './lib/stats.ts';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const PER_KIND = Number(process.env.BENCH_QUERIES ?? 300);
const WARM_UP = 50;
/** The catalogue's page size (site/src/lib/catalogue/state.ts), for the other kinds of question. */
const PAGE_SIZE = 20;
const TARGET_P95: Record<number, number> = { 10_000: 20, 100_000: 50 };
const targetFor = (size: number) => TARGET_P95[size] ?? (size <= 10_000 ? 20 : 50);

const WORDS = [
  'zwemmen',
  'zwemles',
  'voetbal',
  'judo',
  'dansen',
  'hiphop',
  'muziek',
  'gitaar',
  'toneel',
  'knutselen',
  'tekenen',
  'kinderboerderij',
  'huiswerk',
  'bijles',
  'sport',
  'computer',
  'programmeren',
  'koken',
  'fiets',
  'voorlezen',
  'meelopen',
  'gratis',
  'bibliotheek',
  'natuur',
  'theater',
  'schaken',
  'basketbal',
  'vakantie',
  'taal',
  'laptop',
  // what people type too: typos, half words, two or three words
  'zwemen',
  'voetbl',
  'muz',
  'knutsel',
  'judo kinderen',
  'dansen haven',
  'huiswerk na school',
  'buiten spelen',
];
const SITE_FIELDS = [
  'id',
  'title',
  'slug',
  'summary',
  'ageMin',
  'ageMax',
  'costType',
  'price',
  'themes',
  'places',
  'organisationName',
  'fallback',
];
const FACETS = ['themes', 'stadsdeel', 'costType', 'ages', 'kind'];

type Kind = 'catalogue' | 'filtered' | 'geo' | 'browse' | 'map';
const KINDS: Kind[] = ['catalogue', 'filtered', 'geo', 'browse', 'map'];
/** The kinds asked as a page of the site asks them (its own requests, utils/catalogue.ts). */
type PageKind = 'catalogue' | 'map';
const isPage = (item: Question): item is Extract<Question, { address: string }> =>
  item.kind === 'catalogue' || item.kind === 'map';
type Question =
  | { kind: Exclude<Kind, PageKind>; q: string; params: SearchParams }
  | { kind: PageKind; address: string; requests?: CatalogueRequests };

function question(kind: Kind, random: () => number): Question {
  const maybe = <T>(p: number, value: () => T): T | null => (random() < p ? value() : null);
  const age = () => Math.floor(random() * 19);
  const stadsdeel = () => pick(random, city.stadsdelen).slug;
  const theme = () => pick(random, themeSlugs);
  switch (kind) {
    case 'catalogue': {
      const q = random() < 0.7 ? pick(random, WORDS) : '';
      const filters = {
        age: maybe(0.4, age),
        stadsdeel: maybe(0.3, stadsdeel),
        theme: maybe(0.25, theme),
        page: random() < 0.85 ? 1 : 2 + Math.floor(random() * 3),
      };
      const params = new URLSearchParams();
      if (q) params.set('q', q);
      if (filters.age !== null) params.set('age', String(filters.age));
      if (filters.stadsdeel) params.set('stadsdeel', filters.stadsdeel);
      if (filters.theme) params.set('theme', filters.theme);
      if (filters.page > 1) params.set('page', String(filters.page));
      return { kind, address: `/nl/activiteiten?${params}` };
    }
    case 'filtered': {
      const filter: string[] = [];
      if (random() < 0.7) filter.push(`ages = ${age()}`);
      if (random() < 0.4) filter.push(`themes IN [${[theme(), theme()].map((t) => `"${t}"`).join(', ')}]`);
      if (random() < 0.4) filter.push(`stadsdeel = "${stadsdeel()}"`);
      if (random() < 0.4) filter.push('free = true');
      else if (random() < 0.3) filter.push(`costType = "${pick(random, costTypes)}"`);
      if (random() < 0.4)
        filter.push(`days IN [${[pick(random, days), pick(random, days)].map((d) => `"${d}"`).join(', ')}]`);
      if (random() < 0.2) filter.push(`kind = "${pick(random, activityKinds)}"`);
      return {
        kind,
        q: random() < 0.4 ? pick(random, WORDS) : '',
        params: { filter, facets: FACETS, page: 1, hitsPerPage: PAGE_SIZE, attributesToRetrieve: SITE_FIELDS },
      };
    }
    case 'geo': {
      const w = pick(random, wijken);
      const radius = pick(random, [1000, 2000, 3000, 5000]);
      const filter = [`_geoRadius(${w.centroid[0]}, ${w.centroid[1]}, ${radius})`];
      if (random() < 0.6) filter.push(`ages = ${age()}`);
      if (random() < 0.3) filter.push(`themes = "${theme()}"`);
      return {
        kind,
        q: random() < 0.3 ? pick(random, WORDS) : '',
        params: {
          filter,
          sort: [`_geoPoint(${w.centroid[0]}, ${w.centroid[1]}):asc`],
          facets: FACETS,
          limit: PAGE_SIZE,
          attributesToRetrieve: [...SITE_FIELDS, '_geo'],
        },
      };
    }
    case 'browse':
      return {
        kind,
        q: '',
        params: {
          facets: FACETS,
          sort: ['updatedAt:desc'],
          page: 1,
          hitsPerPage: PAGE_SIZE,
          attributesToRetrieve: SITE_FIELDS,
        },
      };
    case 'map': {
      // The map page (/kaart) as the site serves it: the catalogue's search with up to MAP_HITS
      // pins; a family mostly opens it for their own part of town.
      const params = new URLSearchParams();
      if (random() < 0.4) params.set('q', pick(random, WORDS));
      if (random() < 0.4) params.set('age', String(age()));
      if (random() < 0.6) params.set('stadsdeel', stadsdeel());
      return { kind, address: `/nl/kaart?${params}` };
    }
  }
}

async function questions(count: number, seed: number, index: string): Promise<Question[]> {
  const random = prng(seed);
  const list = KINDS.flatMap((kind) => Array.from({ length: count }, () => question(kind, random)));
  // Interleave the kinds (seeded shuffle), so no kind profits from a warm cache of its own.
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  // The catalogue's requests for its addresses, recorded before any timing.
  for (const item of list) {
    if (!isPage(item)) continue;
    const page = catalogueAt(item.address);
    if (page.config.indexName !== index)
      throw new Error(`the catalogue searches ${page.config.indexName}, the benchmark fills ${index}`);
    item.requests = await catalogueRequests(page.config);
  }
  return list;
}

type Sample = { kind: Kind; server: number; roundTrip: number; hits: number };

async function ask(client: Meilisearch, index: string, item: Question): Promise<Sample> {
  const started = performance.now();
  if (isPage(item)) {
    const { listed, processingTimeMs } = await sendCatalogueSearch(client, item.requests!);
    return {
      kind: item.kind,
      server: processingTimeMs,
      roundTrip: performance.now() - started,
      hits: listed.hits.length,
    };
  }
  const res = await client.index<SearchDocument>(index).search(item.q, item.params);
  return {
    kind: item.kind,
    server: res.processingTimeMs,
    roundTrip: performance.now() - started,
    hits: res.hits.length,
  };
}

function report(size: number, samples: Sample[]) {
  const row = (label: string, list: Sample[]) => {
    const server = summary(list.map((x) => x.server));
    const rt = summary(list.map((x) => x.roundTrip));
    const empty = list.filter((x) => x.hits === 0).length;
    return `  ${label.padEnd(10)} ${String(list.length).padStart(5)}   ${ms(server.p50).padStart(6)} ${ms(server.p95).padStart(6)} ${ms(server.max).padStart(7)}   ${ms(rt.p50, 1).padStart(8)} ${ms(rt.p95, 1).padStart(8)}   ${String(empty).padStart(5)}`;
  };
  console.log(
    `  ${'questions'.padEnd(10)} ${'n'.padStart(5)}   ${'server p50'.padStart(6)} ${'p95'.padStart(6)} ${'max'.padStart(7)}   ${'round-trip p50'.padStart(8)} ${'p95'.padStart(8)}   no hits`,
  );
  for (const kind of KINDS)
    console.log(
      row(
        kind,
        samples.filter((x) => x.kind === kind),
      ),
    );
  console.log(row('all', samples));
  const p95 = summary(samples.map((x) => x.server)).p95;
  const target = targetFor(size);
  console.log(
    `  server p95 ${ms(p95)} at ${size.toLocaleString('en')} activities: target ≤ ${target} ms, ${verdict(p95 <= target)}`,
  );
  return { size, p95, target };
}

const stack = await startTestStack({
  name: 'bench-search',
  portOffset: PORT_OFFSET.benchSearch,
  services: ['meilisearch'],
});
const results: { size: number; p95: number; target: number; indexMs: number }[] = [];
try {
  const engine = new SearchEngine(stack.urls.meilisearch, stack.env.MEILI_MASTER_KEY, 'activities');
  const client = new Meilisearch({ host: stack.urls.meilisearch, apiKey: stack.env.MEILI_MASTER_KEY });
  const uncompressed = new Meilisearch({
    host: stack.urls.meilisearch,
    apiKey: stack.env.MEILI_MASTER_KEY,
    requestInit: { headers: { 'accept-encoding': 'identity' } },
  });
  const index = engine.index('nl');
  for (const size of SIZES) {
    console.log(`\nsearch benchmark at ${size.toLocaleString('en')} activities (${machine()})`);
    let t = performance.now();
    const activities = publishedActivities(generateDemoData({ activityCount: size }));
    const docs = activities.map((a) => toSearchDocument(a, 'nl'));
    console.log(
      `  generated and transformed ${docs.length.toLocaleString('en')} documents in ${s(performance.now() - t)}`,
    );
    t = performance.now();
    await engine.rebuild('nl', docs);
    const indexMs = performance.now() - t;
    const stats = await client.index(index).getStats();
    if (stats.numberOfDocuments !== size)
      throw new Error(`${index} holds ${stats.numberOfDocuments} documents, expected ${size}`);
    console.log(
      `  indexed with the indexer's zero-downtime rebuild (${index}_next in batches of 1000, swap) in ${s(indexMs)}`,
    );
    for (const item of await questions(WARM_UP, 7, index)) await ask(client, index, item);
    const asked = await questions(PER_KIND, 2026, index);
    const samples: Sample[] = [];
    for (const item of asked) samples.push(await ask(client, index, item));
    const result = report(size, samples);
    // The round trips above are what the site's server gets (meilisearch-js on Node's fetch asks
    // for compressed responses). The same questions without compression, for comparison:
    const plain: Sample[] = [];
    for (const item of asked) plain.push(await ask(uncompressed, index, item));
    const rt = summary(plain.map((x) => x.roundTrip));
    console.log(
      `  same questions with Accept-Encoding: identity: round-trip p50 ${ms(rt.p50, 1)}, p95 ${ms(rt.p95, 1)}`,
    );
    results.push({ ...result, indexMs });
  }
  console.log(`\nsearch summary (${machine()}):`);
  for (const r of results) {
    console.log(
      `  ${r.size.toLocaleString('en').padStart(7)} activities: server p95 ${ms(r.p95)} (target ≤ ${r.target} ms, ${verdict(r.p95 <= r.target)}), indexing ${s(r.indexMs)}`,
    );
  }
} finally {
  await stack.cleanup();
}
if (results.some((r) => r.p95 > r.target)) process.exitCode = 1;
