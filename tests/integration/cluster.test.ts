import { expect, it } from 'vitest';
import { report, runClusterWithKills, type ClusterRunResult } from '../bench/lib/cluster-run.ts';
import { summary } from '../bench/lib/stats.ts';
import { PORT_OFFSET } from '../utils/ports.ts';

// Two of everything on PostgreSQL behind nginx (scripts/lib/cluster.ts), and the loss of one site,
// one cms and one indexer instance (SIGKILL) in the middle of a mixed load: a shorter run of
// `npm run bench -- cluster`. Nothing may be lost or stored twice, and after the recovery edits
// must be findable as fast as before.
it('loses no dream and no edit when a site, a cms and an indexer are killed under load', async () => {
  const result: ClusterRunResult = await runClusterWithKills({
    portOffset: PORT_OFFSET.cluster,
    seconds: 60,
    killAt: 15,
    downFor: 10,
    visitors: 8,
    editsPerMinute: 30,
    dreamsPerSecond: 1,
    log: (l) => console.log(`[cluster] ${l}`),
  });
  for (const line of report(result)) console.log(line);

  expect(result.dreams.accepted).toBeGreaterThan(40);
  expect(result.dreams.missing).toEqual([]);
  expect(result.dreams.twice).toEqual([]);
  expect(result.edits.failedForGood).toBe(0);
  expect(result.edits.notFindable).toEqual([]);
  // After the recovery the work is shared again: freshness as on a quiet stack, with room for a
  // busy CI machine (the benchmark holds the 2 s bar).
  expect(result.edits.freshnessAfter.length).toBeGreaterThan(5);
  expect(summary(result.edits.freshnessAfter).p95).toBeLessThan(5_000);
  // Reads keep working while an instance is down: nginx routes around it.
  const during = result.samples.filter((s) => s.phase === 'during' && s.flow !== 'edit' && s.flow !== 'dream');
  expect(during.length).toBeGreaterThan(20);
  expect(during.filter((s) => !s.ok).length / during.length).toBeLessThan(0.2);
}, 900_000);
