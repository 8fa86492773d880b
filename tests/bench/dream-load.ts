// Letterbox under load (DESIGN §7: 50 submissions/s sustained, none lost).
//
// Starts the cms and the site on their own ports (loopback only), with the per-address limit off
// (every post comes from 127.0.0.1; each dream has its own phone number, so the per-number limit
// stays on). Gets BENCH_TOKENS form tokens by loading the form, as a person does, waits the minimum
// time to fill in, then posts BENCH_RATE dreams per second for BENCH_SECONDS seconds, open loop (a
// post leaves on schedule whether or not earlier ones were answered; at most BENCH_MAX_IN_FLIGHT
// at once, later ones count as not sent). Then waits until the site's outbox has delivered every
// accepted dream and counts them in the cms through the admin API: stored must equal accepted.
// Prints the response times (p50, p95, max) of the posts and the time the outbox needed to drain.
//
//   npm run bench -- dream-load          BENCH_RATE=50 BENCH_SECONDS=60 by default
import { DEMO_ADMIN, request, signIn } from '../utils/cms-admin.ts';
import { PORT_OFFSET } from '../utils/ports.ts';
import { startTestStack } from '../utils/stack.ts';
import { machine, ms, s, sleep, summary, verdict } from './lib/stats.ts';

const RATE = Number(process.env.BENCH_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const TOKENS = Number(process.env.BENCH_TOKENS ?? 50);
const MAX_IN_FLIGHT = Number(process.env.BENCH_MAX_IN_FLIGHT ?? 500);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100);
const DRAIN_TIMEOUT_MS = Number(process.env.BENCH_DRAIN_TIMEOUT_SECONDS ?? 600) * 1000;
const TARGET_P95_MS = 1000;
const RUN = Date.now().toString(36);

if (!(RATE > 0 && RATE <= 200 && SECONDS > 0 && SECONDS <= 600))
  throw new Error('BENCH_RATE must be 1–200 and BENCH_SECONDS 1–600 (the bench is bounded)');

type Result = { status: number; ms: number; received: boolean; at: number };

const stack = await startTestStack({
  name: 'bench-dream',
  portOffset: PORT_OFFSET.benchDream,
  services: ['cms', 'site'],
  env: { DREAM_RATE_LIMIT_PER_IP: '0', DREAM_DELIVERY_MAX_BACKOFF_SECONDS: '5' },
});
try {
  const site = stack.urls.site;
  if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(site))
    throw new Error(`the bench only runs on loopback, not ${site}`);

  const tokens = await Promise.all(
    Array.from({ length: TOKENS }, async () => {
      const html = await (await fetch(`${site}/nl/droom`)).text();
      const token = /name="t" value="([^"]+)"/.exec(html)?.[1];
      if (!token) throw new Error('no form token on the letterbox page');
      return token;
    }),
  );
  await sleep(3300);

  // Warm-up, not measured: a freshly started process compiles its pages on the first requests.
  const post = (i: number, name: string) => {
    const body = new URLSearchParams({
      edition: i % 3 === 0 ? 'jong' : 'kind',
      t: tokens[i % tokens.length],
      dream: `Bench ${RUN} droom ${i}: later wil ik dierenarts worden`,
      need: 'Een dag meelopen',
      firstName: name,
      age: String(6 + (i % 12)),
      phone: `06 2${String(i).padStart(7, '0')}`,
      website: '',
    });
    body.append('needPicks', 'meelopen');
    return fetch(`${site}/nl/droom`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site },
      body,
    });
  };
  for (let i = 0; i < WARMUP; i++) {
    await (await fetch(`${site}/nl/droom`)).text();
    await (await post(9_000_000 + i, `Warm${RUN}`)).text();
  }

  const total = Math.round(RATE * SECONDS);
  const results: Result[] = [];
  let inFlight = 0;
  let notSent = 0;
  const pending: Promise<void>[] = [];
  const started = performance.now();
  console.log(`posting ${total} dreams at ${RATE}/s for ${SECONDS} s to ${site} (${machine()})`);
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    if (inFlight >= MAX_IN_FLIGHT) {
      notSent++;
      continue;
    }
    inFlight++;
    const t0 = performance.now();
    pending.push(
      post(i, `Bench${RUN}`)
        .then(async (res) => {
          const html = await res.text();
          results.push({
            status: res.status,
            ms: performance.now() - t0,
            received: html.includes('data-dream-status="ontvangen"'),
            at: t0 - started,
          });
        })
        .catch(() => {
          results.push({ status: 0, ms: performance.now() - t0, received: false, at: t0 - started });
        })
        .finally(() => {
          inFlight--;
        }),
    );
  }
  await Promise.all(pending);
  const sendSeconds = (performance.now() - started) / 1000;
  const accepted = results.filter((r) => r.received).length;
  const byStatus = new Map<number, number>();
  for (const r of results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
  const times = summary(results.map((r) => r.ms));

  // Delivery: until the site's outbox is empty, then count in the cms.
  const drainStart = performance.now();
  let outbox: { pending: number; rejected: number } = { pending: -1, rejected: 0 };
  while (performance.now() - drainStart < DRAIN_TIMEOUT_MS) {
    outbox = ((await (await fetch(`${site}/health`)).json()) as { dreamOutbox: { pending: number; rejected: number } })
      .dreamOutbox;
    if (outbox.pending === 0) break;
    await sleep(500);
  }
  const drainMs = performance.now() - drainStart;
  const admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  const counted = await request(
    admin,
    'GET',
    `/content-manager/collection-types/api::dream.dream?filters[firstName][$eq]=Bench${RUN}&page=1&pageSize=1`,
  );
  const stored = counted.body?.pagination?.total ?? -1;
  const warm = await request(
    admin,
    'GET',
    `/content-manager/collection-types/api::dream.dream?filters[firstName][$eq]=Warm${RUN}&page=1&pageSize=1`,
  );

  console.log(
    `letterbox load: ${results.length} posted in ${s(sendSeconds * 1000)} (${(results.length / sendSeconds).toFixed(1)}/s), ${notSent} not sent (more than ${MAX_IN_FLIGHT} waiting)`,
  );
  console.log(
    `  answers: ${[...byStatus].map(([st, n]) => `${st === 0 ? 'network error' : st} ×${n}`).join(', ')}; "ontvangen" ${accepted}`,
  );
  console.log(
    `  response time: p50 ${ms(times.p50)}   p95 ${ms(times.p95)}   max ${ms(times.max)}   (target p95 ≤ ${TARGET_P95_MS} ms: ${verdict(times.p95 <= TARGET_P95_MS)})`,
  );
  // The shape over time: a busy machine shows as spikes in some windows, not a slow site throughout.
  const windows = Array.from({ length: Math.ceil(SECONDS / 10) }, (_, w) =>
    summary(results.filter((r) => r.at >= w * 10_000 && r.at < (w + 1) * 10_000).map((r) => r.ms)),
  );
  console.log(`  p95 per 10 s: ${windows.map((w) => ms(w.p95)).join(' | ')}`);
  console.log(
    `  delivery: outbox empty ${s(drainMs)} after the last post (pending ${outbox.pending}, rejected ${outbox.rejected})`,
  );
  console.log(
    `  stored in the cms: ${stored} of ${accepted} accepted (${verdict(stored === accepted && notSent === 0)}: none lost, none twice); warm-up ${warm.body?.pagination?.total ?? '?'} of ${WARMUP}`,
  );
  if (stored !== accepted || notSent > 0 || outbox.pending !== 0) process.exitCode = 1;
} finally {
  await stack.cleanup();
}
