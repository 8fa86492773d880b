// The whole product under a bounded, mixed load (issue 8, DESIGN §7), loopback only:
// - 200 catalogue visitors (closed loop, 1–3 s between clicks): the catalogue page, an activity page,
//   or a search through the site's same-origin Meilisearch route;
// - 20 partner edits a minute: a partner changes an activity's title and publishes it; the time until
//   the new title is findable is its freshness;
// - 10 dreams a second through the letterbox (open loop), every accepted one counted in the cms.
// For BENCH_SECONDS (300). Prints p50/p95 and errors per flow, and checks the bars that must still
// hold: freshness p95 ≤ 2 s, activity page TTFB p95 ≤ 100 ms, no dream lost, no 5xx.
//
//   npm run bench -- load        BENCH_SECONDS=300 BENCH_VISITORS=200 BENCH_EDITS_PER_MINUTE=20 BENCH_DREAMS_PER_SECOND=10
import { indexName, type SearchDocument } from '@droomkaart/shared';
import {
  DEMO_ADMIN,
  partnerEmail,
  publishActivity,
  request,
  signIn,
  updateActivity,
  type AdminSession,
} from '../utils/cms-admin.ts';
import { meiliAdmin } from '../utils/meili.ts';
import { PORT_OFFSET } from '../utils/ports.ts';
import { startTestStack } from '../utils/stack.ts';
import { machine, ms, pick, prng, s, sleep, summary, verdict } from './lib/stats.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 300);
const VISITORS = Number(process.env.BENCH_VISITORS ?? 200);
const EDITS_PER_MINUTE = Number(process.env.BENCH_EDITS_PER_MINUTE ?? 20);
const DREAMS_PER_SECOND = Number(process.env.BENCH_DREAMS_PER_SECOND ?? 10);
const RUN = Date.now().toString(36);
const BARS = { freshnessP95: 2000, activityTtfbP95: 100 };

if (!(SECONDS > 0 && SECONDS <= 900 && VISITORS <= 500 && EDITS_PER_MINUTE <= 120 && DREAMS_PER_SECOND <= 50))
  throw new Error(
    'the load is bounded: BENCH_SECONDS ≤ 900, BENCH_VISITORS ≤ 500, BENCH_EDITS_PER_MINUTE ≤ 120, BENCH_DREAMS_PER_SECOND ≤ 50',
  );

type Sample = { ms: number; status: number };
const samples: Record<string, Sample[]> = { catalogue: [], activity: [], search: [], edit: [], dream: [] };
const record = (flow: string, t0: number, status: number) => samples[flow].push({ ms: performance.now() - t0, status });

const stack = await startTestStack({
  name: 'bench-load',
  portOffset: PORT_OFFSET.benchLoad,
  services: ['meilisearch', 'cms', 'indexer', 'site'],
  env: {
    SEED_DEMO_DATA: 'true',
    SEED_ACTIVITY_COUNT: '260',
    SEED_DEMO_IMAGES: 'true',
    DREAM_RATE_LIMIT_PER_IP: '0',
    DREAM_DELIVERY_MAX_BACKOFF_SECONDS: '5',
  },
  timeoutMs: { cms: 300_000 },
  // The site as it is deployed (React's production build; Secure cookies, which these clients ignore).
  serviceEnv: { site: { NODE_ENV: 'production' } },
});
try {
  const site = stack.urls.site;
  if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(site))
    throw new Error(`the load runs on loopback only, not ${site}`);
  const meili = meiliAdmin(stack.urls.meilisearch, stack.env.MEILI_MASTER_KEY);
  const INDEX = indexName('nl');
  for (const deadline = Date.now() + 300_000; ; await sleep(500)) {
    const count = await meili
      .index(INDEX)
      .getStats()
      .then((st) => st.numberOfDocuments)
      .catch(() => 0);
    if (count >= 250) break;
    if (Date.now() > deadline) throw new Error(`only ${count} activities indexed after 300 s`);
  }
  const listed = await (
    await fetch(
      `${stack.urls.cms}/api/activities?locale=nl&fields[0]=slug&fields[1]=documentId&populate[organisation][fields][0]=slug&pagination[pageSize]=100`,
    )
  ).json();
  const activities: { slug: string; documentId: string; organisation: { slug: string } | null }[] = listed.data;
  const words = [
    'zwemmen',
    'voetbal',
    'muziek',
    'bijles',
    'dansen',
    'knutselen',
    'laptop',
    'natuur',
    'theater',
    'taal',
  ];

  // Letterbox form tokens, as a person gets them by opening the form; the minimum fill time passes.
  const tokens = await Promise.all(
    Array.from(
      { length: 30 },
      async () => /name="t" value="([^"]+)"/.exec(await (await fetch(`${site}/nl/droom`)).text())?.[1] ?? '',
    ),
  );
  if (tokens.some((t) => !t)) throw new Error('no form token on the letterbox page');
  // Partners sign in once each, like people at their desks.
  const editable = activities.filter((o) => o.organisation).slice(0, 40);
  const partners = new Map<string, AdminSession>();
  for (const o of editable)
    if (!partners.has(o.organisation!.slug))
      partners.set(
        o.organisation!.slug,
        await signIn(stack.urls.cms, partnerEmail(o.organisation!.slug), stack.env.DEMO_PASSWORD),
      );
  await sleep(3300);
  // Warm-up, not measured: every activity page once.
  for (const o of activities) await (await fetch(`${site}/nl/activiteiten/${o.slug}`)).text();

  console.log(
    `load for ${SECONDS} s: ${VISITORS} visitors, ${EDITS_PER_MINUTE} edits/min, ${DREAMS_PER_SECOND} dreams/s (${machine()})`,
  );
  const started = performance.now();
  const until = started + SECONDS * 1000;

  // Visitors.
  const visitor = async (n: number) => {
    const random = prng(1000 + n);
    await sleep(random() * 3000);
    while (performance.now() < until) {
      const roll = random();
      const t0 = performance.now();
      try {
        if (roll < 0.4) {
          const res = await fetch(`${site}/nl/activiteiten/${pick(random, activities).slug}`);
          record('activity', t0, res.status); // time to headers: TTFB
          await res.text();
        } else if (roll < 0.7) {
          const res = await fetch(`${site}/nl/activiteiten?q=${pick(random, words)}`);
          await res.text();
          record('catalogue', t0, res.status);
        } else {
          const res = await fetch(`${site}/api/search/multi-search`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: site },
            body: JSON.stringify({
              queries: [{ indexUid: INDEX, q: pick(random, words), limit: 20, facets: ['themes', 'stadsdeel'] }],
            }),
          });
          await res.text();
          record('search', t0, res.status);
        }
      } catch {
        record(roll < 0.4 ? 'activity' : roll < 0.7 ? 'catalogue' : 'search', t0, 0);
      }
      await sleep(1000 + random() * 2000);
    }
  };

  // Partner edits, on schedule; each watched until findable.
  type Edit = { documentId: string; title: string; publishedAt: number; foundAt?: number };
  const edits: Edit[] = [];
  const editor = async () => {
    const total = Math.floor((SECONDS / 60) * EDITS_PER_MINUTE);
    for (let i = 0; i < total; i++) {
      const due = started + (i * 60_000) / EDITS_PER_MINUTE;
      if (due > performance.now()) await sleep(due - performance.now());
      const activity = editable[i % editable.length];
      const title = `Load ${RUN} ${i} ${activity.documentId.slice(-5)}`;
      const t0 = performance.now();
      try {
        const session = partners.get(activity.organisation!.slug)!;
        await updateActivity(session, activity.documentId, { title });
        await publishActivity(session, activity.documentId);
        record('edit', t0, 200);
        edits.push({ documentId: activity.documentId, title, publishedAt: performance.now() });
      } catch {
        record('edit', t0, 0);
      }
    }
  };
  const watcher = async () => {
    while (performance.now() < until + 30_000) {
      const pending = edits.filter((e) => e.foundAt === undefined);
      if (pending.length === 0 && performance.now() > until) return;
      if (pending.length > 0) {
        const res = await meili.index<SearchDocument>(INDEX).search('', {
          filter: [`documentId IN [${pending.map((e) => JSON.stringify(e.documentId)).join(', ')}]`],
          limit: pending.length,
          attributesToRetrieve: ['documentId', 'title'],
        });
        const now = performance.now();
        const title = new Map(res.hits.map((h) => [h.documentId, h.title]));
        for (const e of pending) if (title.get(e.documentId) === e.title) e.foundAt = now;
        // A later edit of the same activity supersedes an earlier one that was never seen.
        for (const e of pending)
          if (
            e.foundAt === undefined &&
            edits.some((l) => l.documentId === e.documentId && l.publishedAt > e.publishedAt && l.foundAt !== undefined)
          )
            e.foundAt = Number.NaN;
      }
      await sleep(100);
    }
  };

  // Dreams, open loop.
  let accepted = 0;
  const dreams = async () => {
    const total = Math.floor(SECONDS * DREAMS_PER_SECOND);
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / DREAMS_PER_SECOND;
      if (due > performance.now()) await sleep(due - performance.now());
      const body = new URLSearchParams({
        edition: 'kind',
        t: tokens[i % tokens.length],
        dream: `Load ${RUN} ${i}: ik wil dierenarts worden`,
        firstName: `Load${RUN}`,
        age: String(6 + (i % 12)),
        phone: `06 3${String(i).padStart(7, '0')}`,
        website: '',
      });
      const t0 = performance.now();
      inFlight.push(
        fetch(`${site}/nl/droom`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site },
          body,
        })
          .then(async (res) => {
            const html = await res.text();
            if (html.includes('data-dream-status="ontvangen"')) accepted++;
            record('dream', t0, res.status);
          })
          .catch(() => {
            record('dream', t0, 0);
          }),
      );
    }
    await Promise.all(inFlight);
  };

  await Promise.all([...Array.from({ length: VISITORS }, (_, n) => visitor(n)), editor(), watcher(), dreams()]);
  const loadSeconds = (performance.now() - started) / 1000;

  // Every accepted dream must reach the cms.
  const drainStart = performance.now();
  let pending = -1;
  while (performance.now() - drainStart < 300_000) {
    pending = ((await (await fetch(`${site}/health`)).json()) as { dreamOutbox: { pending: number } }).dreamOutbox
      .pending;
    if (pending === 0) break;
    await sleep(500);
  }
  const admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  const counted = await request(
    admin,
    'GET',
    `/content-manager/collection-types/api::dream.dream?filters[firstName][$eq]=Load${RUN}&page=1&pageSize=1`,
  );
  const stored = counted.body?.pagination?.total ?? -1;

  console.log(`\nmixed load, ${s(loadSeconds * 1000)}:`);
  console.log(
    `  ${'flow'.padEnd(11)} ${'requests'.padStart(8)} ${'errors'.padStart(7)} ${'5xx'.padStart(5)}   p50        p95        max`,
  );
  let serverErrors = 0;
  let errors = 0;
  for (const [flow, list] of Object.entries(samples)) {
    const t = summary(list.map((x) => x.ms));
    const failed = list.filter((x) => x.status === 0 || x.status >= 400).length;
    const fivexx = list.filter((x) => x.status >= 500).length;
    serverErrors += fivexx;
    errors += failed;
    console.log(
      `  ${flow.padEnd(11)} ${String(t.n).padStart(8)} ${String(failed).padStart(7)} ${String(fivexx).padStart(5)}   ${ms(t.p50).padEnd(10)} ${ms(t.p95).padEnd(10)} ${ms(t.max)}`,
    );
  }
  const found = edits.filter((e) => e.foundAt !== undefined && !Number.isNaN(e.foundAt));
  const fresh = summary(found.map((e) => e.foundAt! - e.publishedAt));
  const activityTtfb = summary(samples.activity.map((x) => x.ms));
  const freshOk =
    fresh.p95 <= BARS.freshnessP95 &&
    found.length + edits.filter((e) => Number.isNaN(e.foundAt)).length === edits.length;
  console.log(
    `  activity page TTFB p95 ${ms(activityTtfb.p95)} (bar ≤ ${BARS.activityTtfbP95} ms: ${verdict(activityTtfb.p95 <= BARS.activityTtfbP95)})`,
  );
  console.log(
    `  freshness: ${found.length} of ${edits.length} edits findable; p50 ${ms(fresh.p50)} p95 ${ms(fresh.p95)} max ${ms(fresh.max)} (bar p95 ≤ ${BARS.freshnessP95} ms: ${verdict(freshOk)})`,
  );
  console.log(
    `  dreams: ${accepted} accepted, ${stored} stored in the cms, outbox pending ${pending} (${verdict(stored === accepted && pending === 0)}: none lost)`,
  );
  console.log(`  server errors (5xx): ${serverErrors} (${verdict(serverErrors === 0)}); all errors ${errors}`);
  console.log(`  (JavaScript budgets are checked by the js-budget benchmark; they do not change with load.)`);
  if (!freshOk || activityTtfb.p95 > BARS.activityTtfbP95 || stored !== accepted || pending !== 0 || serverErrors > 0)
    process.exitCode = 1;
} finally {
  await stack.cleanup();
}
