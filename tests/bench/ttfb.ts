// Activity page time to first byte under 50 concurrent clients (DESIGN §7: p95 ≤ 100 ms).
// Starts its own stack with the 260 demo activities, warms up, then 50 clients each request
// activity pages one after another (a closed loop, loopback only) for BENCH_SECONDS (20).
// TTFB is the time until the response headers arrive; the body is then read in full.
// The site runs with its caches as configured (.env.example: cms reads 30 s, whole pages 5 s);
// SITE_PAGE_CACHE_SECONDS=0 in the environment runs it without the page cache, and with
// SITE_CMS_CACHE_SECONDS=0 too as before issue 5.
import { startTestStack } from '../utils/stack.ts';
import { PORT_OFFSET } from '../utils/ports.ts';
import { closedLoop, ms, summary } from './lib/stats.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const TARGET_MS = 100;
// SITE_CMS_CACHE_SECONDS and SITE_PAGE_CACHE_SECONDS in the environment override the site's defaults.
const cacheEnv = Object.fromEntries(
  ['SITE_CMS_CACHE_SECONDS', 'SITE_PAGE_CACHE_SECONDS']
    .filter((k) => process.env[k] !== undefined)
    .map((k) => [k, process.env[k]!]),
);

const stack = await startTestStack({
  name: 'bench-ttfb',
  portOffset: PORT_OFFSET.benchTtfb,
  services: ['meilisearch', 'cms', 'indexer', 'site'],
  env: { SEED_DEMO_DATA: 'true', SEED_ACTIVITY_COUNT: '260', SEED_DEMO_IMAGES: 'true', ...cacheEnv },
  // The site as it is deployed (React's production build; Secure cookies, which these clients ignore).
  serviceEnv: { site: { NODE_ENV: 'production' } },
});
try {
  const list = await (
    await fetch(`${stack.urls.cms}/api/activities?locale=nl&fields[0]=slug&pagination[pageSize]=100`)
  ).json();
  const slugs: string[] = list.data.map((a: { slug: string }) => a.slug);
  if (slugs.length === 0) throw new Error('no published activities to request');
  const url = (i: number) => `${stack.urls.site}/nl/activiteiten/${slugs[i % slugs.length]}`;

  // Warm-up: every page once (caches, JIT), not measured.
  for (let i = 0; i < slugs.length; i++) await (await fetch(url(i))).text();

  const outcomes = new Map<string, number>(); // the site's x-page-cache: how each answer was made
  const { times, errors } = await closedLoop(CLIENTS, SECONDS, async (i) => {
    const started = performance.now();
    const res = await fetch(url(i));
    const ttfb = performance.now() - started; // headers arrived
    const outcome = res.headers.get('x-page-cache') ?? 'rendered, not kept';
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    await res.text();
    return { ms: ttfb, ok: res.status === 200 };
  });
  const t = summary(times);
  console.log(
    `activity page TTFB, ${CLIENTS} concurrent clients for ${SECONDS} s, site cms cache ${stack.env.SITE_CMS_CACHE_SECONDS ?? 30} s, page cache ${stack.env.SITE_PAGE_CACHE_SECONDS ?? 5} s (${t.n} requests, ${errors} errors, ${(t.n / SECONDS).toFixed(0)} req/s):`,
  );
  console.log(`  p50 ${ms(t.p50)}   p95 ${ms(t.p95)}   max ${ms(t.max)}   (target p95 ≤ ${TARGET_MS} ms)`);
  console.log(
    `  page cache: ${[...outcomes]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${((v / t.n) * 100).toFixed(1)}%`)
      .join(', ')}`,
  );
  process.exitCode = t.p95 <= TARGET_MS && errors === 0 ? 0 : 1;
} finally {
  await stack.cleanup();
}
