// Freshness under a burst (DESIGN §7: publish in the cms → findable, p95 ≤ 2 s).
//
// Starts Meilisearch, cms (demo seed of BENCH_SEED activities, default 500) and the indexer on
// their own ports. Once the indexer has indexed the seed, BENCH_WORKERS concurrent editors
// (default 10) each save a new title as a draft and publish it through the cms admin API, until
// BENCH_EDITS different activities (default 500) are published. One watcher asks Meilisearch with
// the site's search-only key, every 50 ms, for every edit not yet seen (filter documentId IN
// [...]) and records, per edit, the time from its publish response until its new title is in
// `activities_nl`. The site's catalogue searches that index directly, without a cache. From the
// indexer's log it also splits each edit's time into the way from the cms to the indexer (the
// change outbox and its relay) and the indexer's sync into Meilisearch.
import { Meilisearch } from 'meilisearch';
import { indexName, type SearchDocument } from '@droomkaart/shared';
import { DEMO_ADMIN, publishActivity, signIn, updateActivity, type AdminSession } from '../utils/cms-admin.ts';
import { join } from 'node:path';
import { PORT_OFFSET } from '../utils/ports.ts';
import { startTestStack } from '../utils/stack.ts';
import { queuedTimes, splitAt } from './lib/indexer-log.ts';
import { machine, ms, s, sleep, summary, verdict } from './lib/stats.ts';

const SEED = Number(process.env.BENCH_SEED ?? 500);
const EDITS = Number(process.env.BENCH_EDITS ?? 500);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 10);
const TIMEOUT_MS = 300_000;
const TARGET_P95 = 2000;
const INDEX = indexName('nl');

if (EDITS > SEED)
  throw new Error(`BENCH_EDITS (${EDITS}) must not exceed BENCH_SEED (${SEED}): every edit is of a different activity`);

type Edit = { documentId: string; title: string; publishedAt: number; publishedEpoch: number; foundAt?: number };

/** Waits until the indexer is ready and has indexed every seeded activity. */
async function waitForSeedIndexed(indexerUrl: string, meili: Meilisearch, timeoutMs = 600_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const health = await fetch(`${indexerUrl}/health`)
      .then((r) => r.json())
      .catch(() => null);
    const count = await meili
      .index(INDEX)
      .getStats()
      .then((st) => st.numberOfDocuments)
      .catch(() => 0);
    if (health?.status === 'ok' && count >= SEED) return count;
    await sleep(500);
  }
  throw new Error(`the indexer did not index ${SEED} activities within ${timeoutMs / 1000} s`);
}

async function editor(admin: AdminSession, queue: string[], edits: Edit[], run: string, failures: string[]) {
  for (let documentId = queue.shift(); documentId; documentId = queue.shift()) {
    const title = `Burst ${run} ${edits.length + 1} ${documentId.slice(-6)}`;
    try {
      await updateActivity(admin, documentId, { title }); // a draft: not public yet
      await publishActivity(admin, documentId);
      edits.push({ documentId, title, publishedAt: performance.now(), publishedEpoch: Date.now() });
    } catch (err) {
      failures.push(`${documentId}: ${(err as Error).message.slice(0, 200)}`);
    }
  }
}

/** One search per round for every edit not yet seen; the round's answer time counts as found. */
async function watch(search: Meilisearch, edits: Edit[], done: () => boolean) {
  for (;;) {
    const pending = edits.filter((e) => e.foundAt === undefined && performance.now() - e.publishedAt < TIMEOUT_MS);
    if (pending.length === 0 && done()) return;
    if (pending.length > 0) {
      const res = await search.index<SearchDocument>(INDEX).search('', {
        filter: [`documentId IN [${pending.map((e) => JSON.stringify(e.documentId)).join(', ')}]`],
        limit: pending.length,
        attributesToRetrieve: ['documentId', 'title'],
      });
      const now = performance.now();
      const title = new Map(res.hits.map((h) => [h.documentId, h.title]));
      for (const e of pending) if (title.get(e.documentId) === e.title) e.foundAt = now;
    }
    await sleep(50);
  }
}

const started = performance.now();
const stack = await startTestStack({
  name: 'bench-burst',
  portOffset: PORT_OFFSET.benchBurst,
  services: ['meilisearch', 'cms', 'indexer'],
  env: { SEED_DEMO_DATA: 'true', SEED_ACTIVITY_COUNT: String(SEED), CRON_ENABLED: 'false' },
});
try {
  const master = new Meilisearch({ host: stack.urls.meilisearch, apiKey: stack.env.MEILI_MASTER_KEY });
  const indexed = await waitForSeedIndexed(stack.urls.indexer, master);
  console.log(`stack with ${indexed} indexed activities ready in ${s(performance.now() - started)}`);
  const { key } = (await fetch(`${stack.urls.indexer}/search-key`).then((r) => r.json())) as { key: string };
  const search = new Meilisearch({ host: stack.urls.meilisearch, apiKey: key });
  const ids = (
    await master.index<SearchDocument>(INDEX).getDocuments({ fields: ['documentId'], limit: EDITS })
  ).results.map((d) => d.documentId);
  if (ids.length < EDITS) throw new Error(`only ${ids.length} activities to edit`);

  const admin = await signIn(stack.urls.cms, DEMO_ADMIN.email, stack.env.DEMO_PASSWORD);
  const edits: Edit[] = [];
  const failures: string[] = [];
  const run = Math.random().toString(36).slice(2, 7);
  const queue = [...ids];
  let editorsDone = false;
  console.log(`burst: ${EDITS} activities edited and published by ${WORKERS} concurrent editors (${machine()})`);
  const burstStarted = performance.now();
  const watcher = watch(search, edits, () => editorsDone);
  await Promise.all(Array.from({ length: WORKERS }, () => editor(admin, queue, edits, run, failures)));
  const burstMs = performance.now() - burstStarted;
  editorsDone = true;
  await watcher;

  const found = edits.filter((e) => e.foundAt !== undefined);
  const lag = summary(found.map((e) => e.foundAt! - e.publishedAt));
  console.log(
    `  ${edits.length} published in ${s(burstMs)} (${(edits.length / (burstMs / 1000)).toFixed(1)} publishes/s)${failures.length ? `, ${failures.length} failed` : ''}`,
  );
  for (const f of failures.slice(0, 5)) console.log(`    failed: ${f}`);
  console.log(
    `  freshness (publish response → new title found with the search-only key), ${found.length} of ${edits.length} found:`,
  );
  console.log(
    `  p50 ${ms(lag.p50)}   p95 ${ms(lag.p95)}   max ${ms(lag.max)}   (target p95 ≤ ${TARGET_P95} ms, ${verdict(lag.p95 <= TARGET_P95 && found.length === edits.length)})`,
  );
  if (found.length < edits.length)
    console.log(`  ${edits.length - found.length} edits were not findable within ${TIMEOUT_MS / 1000} s`);
  const received = queuedTimes(join(stack.dataDir, 'logs', 'indexer.log'));
  const split = found.flatMap((e) => {
    const part = splitAt(received.get(e.documentId), e.publishedEpoch, e.foundAt! - e.publishedAt);
    return part ? [part] : [];
  });
  const toIndexer = summary(split.map((x) => x.toIndexer));
  const toFindable = summary(split.map((x) => x.toFindable));
  console.log(
    `  of which cms → indexer (publish response → key queued by the indexer; below 0: delivered before the admin API answered): p50 ${ms(toIndexer.p50)}, p95 ${ms(toIndexer.p95)}; indexer sync (queued → findable): p50 ${ms(toFindable.p50)}, p95 ${ms(toFindable.p95)} (${split.length} edits)`,
  );
  // Meilisearch's own share: how long the indexer's document updates of activities_nl waited in
  // Meilisearch's queue and took to apply.
  const tasks = (
    await master.tasks.getTasks({
      indexUids: [INDEX],
      types: ['documentAdditionOrUpdate'],
      afterEnqueuedAt: new Date(Date.now() - (performance.now() - burstStarted)).toISOString(),
      limit: 1000,
    })
  ).results;
  const waited = summary(
    tasks.filter((x) => x.startedAt).map((x) => Date.parse(x.startedAt!) - Date.parse(x.enqueuedAt)),
  );
  const applied = summary(
    tasks.filter((x) => x.startedAt && x.finishedAt).map((x) => Date.parse(x.finishedAt!) - Date.parse(x.startedAt!)),
  );
  console.log(
    `  Meilisearch, ${tasks.length} document updates of ${INDEX}: queued p50 ${ms(waited.p50)}, p95 ${ms(waited.p95)}; applied in p50 ${ms(applied.p50)}, p95 ${ms(applied.p95)}`,
  );
  const health = await fetch(`${stack.urls.indexer}/health`).then((r) => r.json());
  const metrics = await fetch(`${stack.urls.indexer}/metrics`)
    .then((r) => r.text())
    .catch(() => '');
  const deliveries = [...metrics.matchAll(/deliveries_total\{outcome="(\w+)"[^}]*\} (\d+)/g)]
    .map((m) => `${m[1]} ${m[2]}`)
    .join(', ');
  console.log(
    `  indexer after the burst: queue ${JSON.stringify(health.queue)}; outbox deliveries received: ${deliveries || '?'} (${machine()})`,
  );
  if (failures.length > 0 || found.length < edits.length || lag.p95 > TARGET_P95) process.exitCode = 1;
} finally {
  await stack.cleanup();
}
