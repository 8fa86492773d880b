// Freshness benchmark (DESIGN §7: publish in the cms → findable on the site, p95 ≤ 2 s; one edit
// at a time through the change outbox: p95 ≤ 0.5 s). Starts its own stack, publishes 50 edits
// through the cms admin API one after another, and times each until the site's catalogue search
// returns the new title. Prints p50 and p95, and from the indexer's log the split: publish → key
// queued by the indexer (the change outbox and its relay), and from there → on the site.
import { startTestStack } from '../utils/stack.ts';
import { PORT_OFFSET } from '../utils/ports.ts';
import {
  activityData,
  createActivity,
  DEMO_ADMIN,
  findDocumentId,
  publishActivity,
  signIn,
  updateActivity,
} from '../utils/cms-admin.ts';
import { join } from 'node:path';
import { queuedTimes, splitAt } from './lib/indexer-log.ts';
import { machine, ms, percentile, summary, verdict } from './lib/stats.ts';

const EDITS = Number(process.env.BENCH_EDITS ?? 50);
const TIMEOUT_MS = 15_000;
const TARGET_P95 = 500;

async function foundOnSite(siteUrl: string, title: string): Promise<boolean> {
  const res = await fetch(`${siteUrl}/nl/activiteiten?q=${encodeURIComponent(title)}`);
  const html = await res.text();
  return html.includes(`>${title}</a>`);
}

const stack = await startTestStack({
  name: 'bench',
  portOffset: PORT_OFFSET.bench,
  env: { SEED_DEMO_DATA: 'true', SEED_ACTIVITY_COUNT: '260' },
});
try {
  const admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  const organisation = await findDocumentId(admin, 'api::organisation.organisation', 'slug', 'de-nieuwe-bibliotheek');
  const { documentId } = await createActivity(
    admin,
    activityData({ title: 'Freshness start', slug: 'freshness-bench' }, organisation),
  );
  await publishActivity(admin, documentId);
  const times: number[] = [];
  const edits: { startedEpoch: number; total: number }[] = [];
  for (let i = 1; i <= EDITS; i++) {
    const title = `Vers ${i} ${Math.random().toString(36).slice(2, 8)}`;
    await updateActivity(admin, documentId, { title }); // saves the draft; the site must not show it yet
    const started = performance.now();
    const startedEpoch = Date.now();
    await publishActivity(admin, documentId);
    while (!(await foundOnSite(stack.urls.site, title))) {
      if (performance.now() - started > TIMEOUT_MS) throw new Error(`edit ${i} not on the site after ${TIMEOUT_MS} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
    times.push(performance.now() - started);
    edits.push({ startedEpoch, total: performance.now() - started });
  }
  const received = queuedTimes(join(stack.dataDir, 'logs', 'indexer.log'));
  const split = edits.flatMap((e) => {
    const part = splitAt(
      received.get(documentId)?.filter((t) => t >= e.startedEpoch),
      e.startedEpoch,
      e.total,
    );
    return part ? [part] : [];
  });
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  console.log(
    `freshness over ${EDITS} published edits, one at a time (cms publish → site search result; ${machine()}):`,
  );
  console.log(
    `  p50 ${percentile(times, 50).toFixed(0)} ms   p95 ${p95.toFixed(0)} ms   max ${times[times.length - 1].toFixed(0)} ms   (target p95 ≤ ${TARGET_P95} ms, ${verdict(p95 <= TARGET_P95)})`,
  );
  const toIndexer = summary(split.map((x) => x.toIndexer));
  const toSite = summary(split.map((x) => x.toFindable));
  console.log(
    `  of which cms → indexer (publish request → key queued by the indexer): p50 ${ms(toIndexer.p50)}, p95 ${ms(toIndexer.p95)}; indexer sync and site (queued → on the site): p50 ${ms(toSite.p50)}, p95 ${ms(toSite.p95)} (${split.length} edits)`,
  );
  if (p95 > TARGET_P95) process.exitCode = 1;
} finally {
  await stack.cleanup();
}
