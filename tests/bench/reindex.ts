// Full reindex benchmark (issue 20: a full reindex of 10,000 activities ≤ 15 s, with no downtime).
//
// Starts Meilisearch, a cms that seeds BENCH_ACTIVITIES demo activities (default 10,000, all
// published) and the indexer, on their own ports. Once the indexer's own first sync is done, it
// asks for a full zero-downtime reindex through the operator endpoint
//   POST /admin/reindex?wait=true   Authorization: Bearer INDEXER_ADMIN_SECRET
// and times it. Meanwhile a searcher keeps asking Meilisearch, with the site's search-only key,
// questions that always have answers, in every locale, and counts failures and empty answers
// (both should be 0: searches go on against the old indexes until each swap).
// The seeded cms database is kept for the next run (see lib/cms-snapshot.ts; BENCH_FRESH_SEED=1
// seeds anew), so only the first run waits for the seed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { Meilisearch } from 'meilisearch';
import { indexName, locales, type SearchDocument } from '@droomkaart/shared';
import { PORT_OFFSET } from '../utils/ports.ts';
import { cmsSnapshot } from './lib/cms-snapshot.ts';
import { logLine } from './lib/stack.ts';
import { startTestStack } from '../utils/stack.ts';
import { machine, ms, s, sleep, summary, verdict } from './lib/stats.ts';

const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 10_000);
const TARGET_MS = 15_000;

type ReindexReport = {
  documents: number;
  perLocale: Record<string, number>;
  durationMs: number;
  phases: {
    vocabularyMs: number;
    readMs: number;
    transformMs: number;
    indexMs: number;
    rows: number;
    indexerCpuMs: number;
  };
};

// Questions every locale index answers with hits at any seed size: browsing, common words, filters.
const QUESTIONS: { q: string; filter?: string[] }[] = [
  { q: '' },
  { q: '', filter: ['ages = 8'] },
  { q: 'zwemles' },
  { q: 'voetbal' },
  { q: '', filter: ['themes = "sport-bewegen"'] },
  { q: 'muziek', filter: ['ages = 10'] },
  { q: '', filter: ['free = true', 'ages = 6'] },
];

/** Where the reindex spent its time, as the indexer measured it (reading and indexing overlap). */
function phases(p: ReindexReport['phases']): string {
  return `titles for the compound splitter ${s(p.vocabularyMs)}; reading ${p.rows} rows from the cms (${locales.length} locales, pages of 100, several at a time) ${s(p.readMs)}, of which turning them into documents ${s(p.transformMs)} while Meilisearch indexed what was sent; after the last page, indexing and the one swap of all ${locales.length} locale indexes ${s(p.indexMs)}; the indexer's own CPU time ${s(p.indexerCpuMs)}`;
}

/**
 * CPU seconds used so far by every process of a service's process group (Linux /proc; utime +
 * stime in clock ticks of 1/100 s), so the bench can say where the machine's time went whatever
 * else runs on it.
 */
function cpuSeconds(pgid: number | undefined): number {
  if (!pgid || !existsSync('/proc')) return 0;
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name in parentheses may hold spaces: the fields after it are counted from ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks / 100;
}

async function waitForFirstSync(indexerUrl: string, meili: Meilisearch, timeoutMs = 1_200_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const health = await fetch(`${indexerUrl}/health`)
      .then((r) => r.json())
      .catch(() => null);
    const count = await meili
      .index(indexName('nl'))
      .getStats()
      .then((st) => st.numberOfDocuments)
      .catch(() => 0);
    if (health?.status === 'ok' && count >= ACTIVITIES) return;
    await sleep(1000);
  }
  throw new Error(`the indexer had not indexed ${ACTIVITIES} activities within ${timeoutMs / 1000} s`);
}

type Probe = { ok: boolean; hits: number; ms: number };

/** Asks the questions round-robin over the locales until stopped. */
async function searcher(search: Meilisearch, stop: () => boolean, probes: Probe[], errors: string[]) {
  for (let i = 0; !stop(); i++) {
    const question = QUESTIONS[i % QUESTIONS.length];
    const locale = locales[Math.floor(i / QUESTIONS.length) % locales.length];
    const started = performance.now();
    try {
      const res = await search
        .index<SearchDocument>(indexName(locale))
        .search(question.q, { filter: question.filter, limit: 5, attributesToRetrieve: ['id'] });
      probes.push({ ok: true, hits: res.hits.length, ms: performance.now() - started });
      if (res.hits.length === 0)
        errors.push(`${locale} "${question.q}" ${[question.filter ?? ''].flat().join(' AND ')}: no hits`);
    } catch (err) {
      probes.push({ ok: false, hits: 0, ms: performance.now() - started });
      errors.push(`${locale} "${question.q}": ${(err as Error).message.slice(0, 160)}`);
    }
    await sleep(10);
  }
}

const started = performance.now();
const snapshot = cmsSnapshot(ACTIVITIES);
const fromSnapshot = snapshot.available;
console.log(
  fromSnapshot
    ? `reindex benchmark: cms database with ${ACTIVITIES} seeded activities from .data/bench/`
    : `reindex benchmark: seeding ${ACTIVITIES} activities in the cms (kept in .data/bench/ for later runs)`,
);
const stack = await startTestStack({
  name: 'bench-reindex',
  portOffset: PORT_OFFSET.benchReindex,
  services: ['meilisearch', 'cms', 'indexer'],
  env: {
    SEED_DEMO_DATA: 'true',
    SEED_ACTIVITY_COUNT: String(ACTIVITIES),
    CRON_ENABLED: 'false',
    INDEXER_RECONCILE_INTERVAL_SECONDS: '0',
    ...(fromSnapshot ? snapshot.secrets() : {}),
  },
  // The cms seeds before it answers; the indexer answers healthy after its first full sync.
  timeoutMs: { cms: 3_600_000, indexer: 1_200_000 },
  prepare: fromSnapshot ? snapshot.restore : undefined,
});
let failed = false;
try {
  const master = new Meilisearch({ host: stack.urls.meilisearch, apiKey: stack.env.MEILI_MASTER_KEY });
  await waitForFirstSync(stack.urls.indexer, master);
  const seeded = logLine(stack, 'cms', /Seeded demo data/)?.replace(/.*Seeded demo data: /, '');
  console.log(`  stack ready in ${s(performance.now() - started)}${seeded ? `; cms seed: ${seeded}` : ''}`);
  const { key } = (await fetch(`${stack.urls.indexer}/search-key`).then((r) => r.json())) as { key: string };
  const search = new Meilisearch({ host: stack.urls.meilisearch, apiKey: key });

  // Every question answers before the reindex, so an empty answer during it means downtime.
  const before: Probe[] = [];
  const beforeErrors: string[] = [];
  let asked = 0;
  await searcher(search, () => asked++ >= QUESTIONS.length * locales.length, before, beforeErrors);
  if (beforeErrors.length > 0)
    throw new Error(`questions without answers before the reindex: ${beforeErrors.join('; ')}`);

  const probes: Probe[] = [];
  const errors: string[] = [];
  let reindexing = true;
  const searching = searcher(search, () => !reindexing, probes, errors);
  console.log(
    `full reindex of ${ACTIVITIES.toLocaleString('en')} activities in ${locales.length} locale indexes (${machine()})`,
  );
  const services = ['cms', 'meilisearch', 'indexer'] as const;
  const cpuBefore = services.map((name) => cpuSeconds(stack.processes.get(name)?.pid));
  const t = performance.now();
  const res = await fetch(`${stack.urls.indexer}/admin/reindex?wait=true`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.env.INDEXER_ADMIN_SECRET}` },
  });
  const elapsed = performance.now() - t;
  const cpuUsed = services.map((name, i) => cpuSeconds(stack.processes.get(name)?.pid) - cpuBefore[i]);
  reindexing = false;
  await searching;
  if (res.status !== 200) throw new Error(`POST /admin/reindex?wait=true answered ${res.status}: ${await res.text()}`);
  const report = (await res.json()) as ReindexReport;

  const failures = probes.filter((p) => !p.ok).length;
  const empty = probes.filter((p) => p.ok && p.hits === 0).length;
  const latency = summary(probes.map((p) => p.ms));
  console.log(
    `  reindex: ${s(elapsed)} (indexer reports ${s(report.durationMs)}), ${report.documents} activities; per locale ${Object.entries(
      report.perLocale,
    )
      .map(([l, n]) => `${l} ${n}`)
      .join(', ')}`,
  );
  console.log(`  target ≤ ${s(TARGET_MS)}: ${verdict(elapsed <= TARGET_MS)}`);
  console.log(
    `  searches during the reindex: ${probes.length}, failed ${failures}, no hits ${empty} (expected 0 and 0); round trip p50 ${ms(latency.p50, 1)}, p95 ${ms(latency.p95, 1)}, max ${ms(latency.max, 1)}`,
  );
  for (const e of errors.slice(0, 5)) console.log(`    ${e}`);
  const counts = await Promise.all(
    locales.map(async (l) => [l, (await master.index(indexName(l)).getStats()).numberOfDocuments] as const),
  );
  console.log(`  where the time goes: ${phases(report.phases)}`);
  console.log(
    `  CPU time during the reindex: ${services.map((name, i) => `${name} ${s(cpuUsed[i] * 1000)}`).join(', ')}; together ${s(cpuUsed.reduce((a, b) => a + b, 0) * 1000)} on ${cpus().length} CPUs`,
  );
  console.log(`  indexes after: ${counts.map(([l, n]) => `${indexName(l)} ${n}`).join(', ')} (${machine()})`);
  failed = elapsed > TARGET_MS || failures > 0 || empty > 0 || report.documents !== ACTIVITIES;
} finally {
  if (!fromSnapshot && logLine(stack, 'cms', /Seeded demo data/)) {
    await stack.stopService('indexer');
    await stack.stopService('cms');
    snapshot.save(stack.dataDir, stack.env);
  }
  await stack.cleanup();
}
if (failed) process.exitCode = 1;
