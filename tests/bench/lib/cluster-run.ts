// The mixed load through nginx with instances killed during it, shared by the benchmark
// (`npm run bench -- cluster`, tests/bench/cluster.ts) and the CI suite
// (tests/integration/cluster.test.ts). Visitors read the catalogue and activity pages and search,
// partners edit and publish, children send dreams; at `killAt` one site, one cms and one indexer
// instance get SIGKILL, and `downFor` later they start again. Afterwards: every dream the site
// accepted is in the cms exactly once, every edit is in the cms and findable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexName, type SearchDocument } from '@droomkaart/shared';
import { isolatedEnv } from '../../../scripts/lib/env.ts';
import { startCluster, type Cluster, type Instance } from '../../../scripts/lib/cluster.ts';
import {
  DEMO_ADMIN,
  partnerEmail,
  publishActivity,
  request,
  signIn,
  updateActivity,
  type AdminSession,
} from '../../utils/cms-admin.ts';
import { meiliAdmin } from '../../utils/meili.ts';
import { portShift } from '../../utils/ports.ts';
import { repoRoot } from '../../utils/stack.ts';
import { pick, prng, sleep, summary } from './stats.ts';

export const KILLED: Instance[] = ['site-1', 'cms-1', 'indexer-1'];
export type Phase = 'before' | 'during' | 'after';
export type Flow = 'catalogue' | 'activity' | 'search' | 'edit' | 'dream';
export type Sample = { flow: Flow; phase: Phase; ms: number; ok: boolean };

export type ClusterRunOptions = {
  portOffset: number;
  seconds: number;
  /** Seconds into the load when the three instances are killed. */
  killAt: number;
  /** Seconds they stay down before they are started again. */
  downFor: number;
  visitors: number;
  editsPerMinute: number;
  dreamsPerSecond: number;
  log?: (line: string) => void;
};

export type ClusterRunResult = {
  samples: Sample[];
  /** Seconds from the kill until every killed instance was healthy again. */
  recoverySeconds: number;
  dreams: { accepted: number; stored: number; missing: string[]; twice: string[]; storedNotAccepted: number };
  edits: {
    total: number;
    failedForGood: number;
    /** Edits whose final title is not in the index at the end. */
    notFindable: string[];
    /** Publish → findable, edits made after the recovery (ms). */
    freshnessAfter: number[];
    freshnessBefore: number[];
  };
};

/** Starts a seeded cluster, runs the load with the kills, checks, and stops the cluster. */
export async function runClusterWithKills(options: ClusterRunOptions): Promise<ClusterRunResult> {
  const log = options.log ?? (() => {});
  const offset = options.portOffset + portShift();
  const dataDir = mkdtempSync(join(tmpdir(), 'droomkaart-cluster-'));
  const env = isolatedEnv(repoRoot, {
    portOffset: offset,
    dataDir,
    extra: {
      SEED_DEMO_DATA: 'true',
      SEED_DEMO_DREAMS: 'false',
      SEED_DEMO_IMAGES: 'false',
      DEMO_ACCOUNTS: 'true',
      CRON_ENABLED: 'false',
      // Every post comes from 127.0.0.1: the per-address limit off, the per-number limit on.
      DREAM_RATE_LIMIT_PER_IP: '0',
      DREAM_DELIVERY_MAX_BACKOFF_SECONDS: '2',
      // What a killed cms never posted is found by the next reconcile.
      INDEXER_RECONCILE_INTERVAL_SECONDS: '10',
    },
  });
  const t0 = Date.now();
  let cluster: Cluster | undefined;
  try {
    cluster = await startCluster({
      root: repoRoot,
      env,
      dataDir,
      portOffset: offset,
      log: (l) => log(`[${((Date.now() - t0) / 1000).toFixed(0)} s] ${l}`),
      timeoutMs: { cms: 400_000 },
    });
    return await load(cluster, options, log);
  } finally {
    await cluster?.stop();
    if (!process.env.KEEP_TEST_DATA) rmSync(dataDir, { recursive: true, force: true });
  }
}

async function load(cluster: Cluster, o: ClusterRunOptions, log: (l: string) => void): Promise<ClusterRunResult> {
  const site = cluster.urls.site;
  const meili = meiliAdmin(cluster.urls.meilisearch, cluster.env.MEILI_MASTER_KEY);
  const INDEX = indexName('nl');
  const RUN = Date.now().toString(36);
  const listed = (await (
    await fetch(
      `${cluster.urls.cms}/api/activities?locale=nl&fields[0]=slug&fields[1]=documentId&populate[organisation][fields][0]=slug&pagination[pageSize]=100`,
    )
  ).json()) as { data: { slug: string; documentId: string; organisation: { slug: string } | null }[] };
  const activities = listed.data;
  if (activities.length < 20) throw new Error(`only ${activities.length} seeded activities`);
  const words = ['zwemmen', 'voetbal', 'muziek', 'bijles', 'dansen', 'knutselen', 'natuur', 'theater'];
  const editable = activities.filter((a) => a.organisation).slice(0, 12);
  const partners = new Map<string, AdminSession>();
  for (const a of editable)
    if (!partners.has(a.organisation!.slug))
      partners.set(
        a.organisation!.slug,
        await signIn(cluster.urls.cms, partnerEmail(a.organisation!.slug), cluster.env.DEMO_PASSWORD),
      );
  const tokens = await Promise.all(
    Array.from(
      { length: 20 },
      async () => /name="t" value="([^"]+)"/.exec(await (await fetch(`${site}/nl/droom`)).text())?.[1] ?? '',
    ),
  );
  if (tokens.some((t) => !t)) throw new Error('no form token on the letterbox page');
  await sleep(3300); // the form's minimum fill time
  for (const a of activities.slice(0, 30)) await (await fetch(`${site}/nl/activiteiten/${a.slug}`)).text();

  const samples: Sample[] = [];
  const started = performance.now();
  const until = started + o.seconds * 1000;
  const killAt = started + o.killAt * 1000;
  let recoveredAt = Number.POSITIVE_INFINITY;
  const phase = (t: number): Phase => (t < killAt ? 'before' : t < recoveredAt ? 'during' : 'after');
  const record = (flow: Flow, t: number, ok: boolean) =>
    samples.push({ flow, phase: phase(t), ms: performance.now() - t, ok });

  const visitor = async (n: number) => {
    const random = prng(4000 + n);
    await sleep(random() * 2000);
    while (performance.now() < until) {
      const roll = random();
      const flow: Flow = roll < 0.4 ? 'activity' : roll < 0.7 ? 'catalogue' : 'search';
      const t = performance.now();
      try {
        const res =
          flow === 'activity'
            ? await fetch(`${site}/nl/activiteiten/${pick(random, activities).slug}`)
            : flow === 'catalogue'
              ? await fetch(`${site}/nl/activiteiten?q=${pick(random, words)}`)
              : await fetch(`${site}/api/search/multi-search`, {
                  method: 'POST',
                  headers: { 'content-type': 'application/json', origin: site },
                  body: JSON.stringify({ queries: [{ indexUid: INDEX, q: pick(random, words), limit: 20 }] }),
                });
        await res.text();
        record(flow, t, res.status === 200);
      } catch {
        record(flow, t, false);
      }
      await sleep(500 + random() * 1000);
    }
  };

  // Partner edits, each tried until the cms has it (a person presses save again after an error).
  type Edit = { documentId: string; title: string; publishedAt?: number; foundAt?: number; failed?: boolean };
  const edits: Edit[] = [];
  const editor = async () => {
    const total = Math.floor((o.seconds / 60) * o.editsPerMinute);
    for (let i = 0; i < total; i++) {
      const due = started + (i * 60_000) / o.editsPerMinute;
      if (due > performance.now()) await sleep(due - performance.now());
      const activity = editable[i % editable.length];
      const edit: Edit = { documentId: activity.documentId, title: `Cluster ${RUN} ${i}` };
      edits.push(edit);
      const session = partners.get(activity.organisation!.slug)!;
      for (let attempt = 0; ; attempt++) {
        const t = performance.now();
        try {
          await updateActivity(session, activity.documentId, { title: edit.title });
          await publishActivity(session, activity.documentId);
          record('edit', t, true);
          edit.publishedAt = performance.now();
          break;
        } catch {
          record('edit', t, false);
          if (attempt >= 20) {
            edit.failed = true;
            break;
          }
          await sleep(1000);
        }
      }
    }
  };
  const watcher = async () => {
    while (performance.now() < until + 60_000) {
      const pending = edits.filter((e) => e.publishedAt !== undefined && e.foundAt === undefined);
      if (performance.now() > until && edits.every((e) => e.failed || e.foundAt !== undefined)) return;
      if (pending.length > 0) {
        try {
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
              edits.some(
                (l) => l.documentId === e.documentId && l.foundAt !== undefined && edits.indexOf(l) > edits.indexOf(e),
              )
            )
              e.foundAt = Number.NaN;
        } catch {
          // Meilisearch is not killed; a failed read is tried again.
        }
      }
      await sleep(100);
    }
  };

  // Dreams on schedule; a failed post is sent again with the same form and content (a person
  // pressing send again), which the letterbox takes as the same dream.
  const acceptedNames = new Set<string>();
  const dreams = async () => {
    const total = Math.floor(o.seconds * o.dreamsPerSecond);
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / o.dreamsPerSecond;
      if (due > performance.now()) await sleep(due - performance.now());
      const name = `C${RUN}n${i}`;
      const body = new URLSearchParams({
        edition: 'kind',
        t: tokens[i % tokens.length],
        dream: `Cluster ${RUN} ${i}: ik wil dierenarts worden`,
        firstName: name,
        age: String(6 + (i % 12)),
        phone: `06 4${String(i).padStart(7, '0')}`,
        website: '',
      });
      inFlight.push(
        (async () => {
          for (let attempt = 0; attempt < 10; attempt++) {
            const t = performance.now();
            try {
              const res = await fetch(`${site}/nl/droom`, {
                method: 'POST',
                headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site },
                body,
              });
              const html = await res.text();
              const ok = html.includes('data-dream-status="ontvangen"');
              record('dream', t, ok);
              if (ok) {
                acceptedNames.add(name);
                return;
              }
            } catch {
              record('dream', t, false);
            }
            await sleep(1000);
          }
        })(),
      );
    }
    await Promise.all(inFlight);
  };

  const kills = async () => {
    await sleep(Math.max(0, killAt - performance.now()));
    for (const instance of KILLED) cluster.kill(instance);
    log(`killed ${KILLED.join(', ')} (SIGKILL) at ${o.killAt} s`);
    await sleep(o.downFor * 1000);
    await Promise.all(KILLED.map((instance) => cluster.start(instance)));
    recoveredAt = performance.now();
    log(`${KILLED.join(', ')} healthy again ${((recoveredAt - killAt) / 1000).toFixed(1)} s after the kill`);
  };

  await Promise.all([
    ...Array.from({ length: o.visitors }, (_, n) => visitor(n)),
    editor(),
    watcher(),
    dreams(),
    kills(),
  ]);

  // Every accepted dream in the cms, once: wait until both sites' outboxes are empty.
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(500)) {
    const pending = await Promise.all(
      (['site-1', 'site-2'] as const).map(async (s) => {
        const h = (await (await fetch(`${cluster.instanceUrl(s)}/health`)).json()) as {
          dreamOutbox: { pending: number };
        };
        return h.dreamOutbox.pending;
      }),
    );
    if (pending.every((n) => n === 0)) break;
  }
  const admin = await signIn(cluster.urls.cms, DEMO_ADMIN.email, cluster.env.DEMO_PASSWORD);
  const names: string[] = [];
  for (let page = 1; ; page++) {
    const stored = await request(
      admin,
      'GET',
      `/content-manager/collection-types/api::dream.dream?filters[firstName][$startsWith]=C${RUN}n&page=${page}&pageSize=100`,
    );
    const results = (stored.body?.results ?? []) as { firstName: string }[];
    names.push(...results.map((d) => d.firstName));
    if (results.length < 100) break;
  }
  const count = new Map<string, number>();
  for (const n of names) count.set(n, (count.get(n) ?? 0) + 1);
  const freshness = (p: Phase) =>
    edits
      .filter((e) => e.publishedAt !== undefined && Number.isFinite(e.foundAt) && phase(e.publishedAt) === p)
      .map((e) => e.foundAt! - e.publishedAt!);
  // The last edit of each activity must be what the index shows.
  const last = new Map<string, Edit>();
  for (const e of edits) if (!e.failed) last.set(e.documentId, e);
  return {
    samples,
    recoverySeconds: (recoveredAt - killAt) / 1000,
    dreams: {
      accepted: acceptedNames.size,
      stored: names.length,
      missing: [...acceptedNames].filter((n) => !count.has(n)),
      twice: [...count].filter(([, n]) => n > 1).map(([name]) => name),
      storedNotAccepted: [...count.keys()].filter((n) => !acceptedNames.has(n)).length,
    },
    edits: {
      total: edits.length,
      failedForGood: edits.filter((e) => e.failed).length,
      notFindable: [...last.values()].filter((e) => e.foundAt === undefined).map((e) => e.title),
      freshnessAfter: freshness('after'),
      freshnessBefore: freshness('before'),
    },
  };
}

/** Per flow and phase: p50/p95 and the error rate, as lines for people. */
export function report(result: ClusterRunResult): string[] {
  const lines: string[] = [];
  const flows: Flow[] = ['activity', 'catalogue', 'search', 'edit', 'dream'];
  lines.push(`  ${'flow'.padEnd(10)} ${(['before', 'during', 'after'] as Phase[]).map((p) => p.padEnd(34)).join('')}`);
  for (const flow of flows) {
    const cells = (['before', 'during', 'after'] as Phase[]).map((p) => {
      const s = result.samples.filter((x) => x.flow === flow && x.phase === p);
      if (s.length === 0) return '-'.padEnd(34);
      const t = summary(s.map((x) => x.ms));
      const errors = s.filter((x) => !x.ok).length;
      return `p50 ${t.p50.toFixed(0)} p95 ${t.p95.toFixed(0)} ms, err ${((100 * errors) / s.length).toFixed(1)}% (${s.length})`.padEnd(
        34,
      );
    });
    lines.push(`  ${flow.padEnd(10)} ${cells.join('')}`);
  }
  const fa = summary(result.edits.freshnessAfter);
  const fb = summary(result.edits.freshnessBefore);
  lines.push(
    `  freshness publish → findable: before the kill p50 ${fb.p50.toFixed(0)} p95 ${fb.p95.toFixed(0)} ms (${fb.n}); after recovery p50 ${fa.p50.toFixed(0)} p95 ${fa.p95.toFixed(0)} ms (${fa.n})`,
  );
  lines.push(`  recovery: killed instances healthy again after ${result.recoverySeconds.toFixed(1)} s`);
  const d = result.dreams;
  lines.push(
    `  dreams: ${d.accepted} accepted, ${d.stored} stored; lost ${d.missing.length}, twice ${d.twice.length}, stored without an answer ${d.storedNotAccepted}`,
  );
  lines.push(
    `  edits: ${result.edits.total}, failed for good ${result.edits.failedForGood}, last edit not findable ${result.edits.notFindable.length}`,
  );
  return lines;
}
