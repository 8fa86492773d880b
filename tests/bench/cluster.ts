// Two of everything behind nginx, with instances lost under load (issue 20, point 4).
//
// Starts the cluster (scripts/lib/cluster.ts: PostgreSQL, Meilisearch, nginx, 2 cms, 2 indexers,
// 2 sites, seeded), runs the mixed load through nginx (visitors reading and searching, partners
// editing and publishing, dreams), kills one site, one cms and one indexer with SIGKILL at
// BENCH_KILL_AT seconds, starts them again BENCH_DOWN_FOR seconds later, and prints per flow
// p50/p95 and the error rate before, during and after, the freshness of edits, and whether any
// dream or edit was lost or any dream stored twice.
//
//   npm run bench -- cluster        BENCH_SECONDS=120 BENCH_KILL_AT=40 BENCH_DOWN_FOR=15
import { PORT_OFFSET } from '../utils/ports.ts';
import { report, runClusterWithKills } from './lib/cluster-run.ts';
import { machine, summary, verdict } from './lib/stats.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 120);
const FRESHNESS_P95_MS = 2000;

console.log(`cluster under load with kills (${machine()})`);
const result = await runClusterWithKills({
  portOffset: PORT_OFFSET.cluster,
  seconds: SECONDS,
  killAt: Number(process.env.BENCH_KILL_AT ?? 40),
  downFor: Number(process.env.BENCH_DOWN_FOR ?? 15),
  visitors: Number(process.env.BENCH_VISITORS ?? 20),
  editsPerMinute: Number(process.env.BENCH_EDITS_PER_MINUTE ?? 30),
  dreamsPerSecond: Number(process.env.BENCH_DREAMS_PER_SECOND ?? 2),
  log: (l) => console.log(`[cluster] ${l}`),
});
for (const line of report(result)) console.log(line);
const fresh = summary(result.edits.freshnessAfter).p95;
const nothingLost =
  result.dreams.missing.length === 0 &&
  result.dreams.twice.length === 0 &&
  result.edits.failedForGood === 0 &&
  result.edits.notFindable.length === 0;
console.log(`  nothing lost, nothing twice: ${verdict(nothingLost)}`);
console.log(`  freshness after recovery p95 ≤ ${FRESHNESS_P95_MS} ms: ${verdict(fresh <= FRESHNESS_P95_MS)}`);
if (!nothingLost || !(fresh <= FRESHNESS_P95_MS)) process.exitCode = 1;
