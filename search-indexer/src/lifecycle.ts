import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  activityPopulate,
  irregularForms,
  kindKeywords,
  locales,
  pictureImage,
  professionAliases,
  professionInterests,
  searchDictionary,
  searchForm,
  searchSettings,
} from '@droomkaart/shared';
import { changeKey } from './changes.ts';
import type { IndexerConfig } from './config.ts';
import { SearchEngine, type SearchKey } from './meilisearch/search-engine.ts';
import { createMetrics } from './metrics.ts';
import { PostgresChangeQueue } from './postgres/queue.ts';
import { createPageRefresher } from './proxy/refresh.ts';
import { SqliteChangeQueue, type ChangeQueue } from './queue.ts';
import { reconcile, type ReconcileReport } from './reconcile.ts';
import { StrapiClient } from './strapi/client.ts';
import { fullSync, syncChanges, type FullSyncPhases } from './sync.ts';

export type ReindexReport = {
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  documents: number | null;
  perLocale: Record<string, number> | null;
  phases: FullSyncPhases | null;
  error: string | null;
  /** Set when another indexer instance held the reindex: nothing was done here. */
  busyElsewhere?: true;
};

export type IndexerState = {
  searchKey: SearchKey | null;
  ready: boolean;
  lastError: string | null;
  lastReconcile: ReconcileReport | null;
  reindex: ReindexReport | null;
  lastReindexMs: number | null;
};

/**
 * What keeps the indexes in step, apart from HTTP: the queue and its sync, start-up, the periodic
 * reconcile, reindex and stop. The routes (http/routes.ts) ask it; createIndexer (indexer.ts)
 * puts the two together.
 */
export type Lifecycle = {
  queue: ChangeQueue;
  engine: SearchEngine;
  metrics: ReturnType<typeof createMetrics>;
  /** Keys and settings, a rebuild of empty indexes, the stored changes, then a reconcile; retried by the caller until it succeeds. */
  start: () => Promise<void>;
  reconcileNow: () => Promise<ReconcileReport>;
  reindex: () => Promise<ReindexReport>;
  /** Whether a reindex is running now. */
  reindexing: () => boolean;
  stop: () => Promise<void>;
  state: IndexerState;
};

/**
 * Which code built the documents: the transform's source, what it reads from the cms, the shared
 * image picking it uses, the search settings and the shared search vocabulary and normaliser the
 * keywords are made with. When any changes, the next start rebuilds every index.
 */
export function indexVersion(): string {
  const transform = readFileSync(new URL('./transform/activity-to-document.ts', import.meta.url), 'utf8');
  return createHash('sha256')
    .update(transform)
    .update(JSON.stringify(activityPopulate))
    .update(String(pictureImage))
    .update(JSON.stringify(searchSettings))
    .update(JSON.stringify([searchDictionary, professionInterests, professionAliases, irregularForms, kindKeywords]))
    .update(String(searchForm))
    .digest('hex')
    .slice(0, 16);
}

/** Another indexer instance runs this task now (shared queue); it is not an error of this one. */
export class BusyElsewhere extends Error {}

export const describePhases = (p: FullSyncPhases) =>
  `titles ${p.vocabularyMs} ms, read ${p.rows} rows ${p.readMs} ms (transform ${p.transformMs} ms of it), indexing after the read ${p.indexMs} ms; indexer CPU ${p.indexerCpuMs} ms`;

export const log = (message: string) => console.log(`[indexer] ${new Date().toISOString()} ${message}`);

export function createLifecycle(config: IndexerConfig, deps: { fetch?: typeof fetch } = {}): Lifecycle {
  const cms = new StrapiClient(config.cmsUrl, deps.fetch);
  const engine = new SearchEngine(config.meiliUrl, config.meiliMasterKey, config.indexPrefix);
  const pages = createPageRefresher({ ...config.proxyRefresh, log });
  const sync = async (keys: string[]) => {
    const started = performance.now();
    const { activities } = await syncChanges(cms, pages.watch(engine), keys);
    pages.flush();
    log(
      `synced ${keys.length} change(s), ${activities} activit${activities === 1 ? 'y' : 'ies'}, in ${Math.round(performance.now() - started)} ms`,
    );
  };
  // One machine: a SQLite file. More than one indexer instance: a shared queue in PostgreSQL.
  const queue: ChangeQueue = config.queueUrl
    ? new PostgresChangeQueue(config.queueUrl, sync)
    : new SqliteChangeQueue(config.queueFile, sync);
  // Changes are stored from the first request on, but run only once the indexes exist.
  queue.pause();
  const state: IndexerState = {
    searchKey: null,
    ready: false,
    lastError: null,
    lastReconcile: null,
    reindex: null,
    lastReindexMs: null,
  };
  const metrics = createMetrics(queue, state);
  let reconciling: Promise<ReconcileReport> | null = null;
  let reindexing: Promise<ReindexReport> | null = null;
  let timer: NodeJS.Timeout | null = null;

  /**
   * Compares the cms with the indexes and queues a repair for every difference. With a shared
   * queue only one instance reconciles at a time; the others answer with the last report they know.
   */
  function reconcileNow(): Promise<ReconcileReport> {
    reconciling ??= (async () => {
      try {
        const done = await queue.alone('reconcile', async () => {
          const { report, documentIds } = await reconcile(cms, engine);
          await queue.pushMany(
            documentIds.map((id) => changeKey('activity', id)),
            'reconcile',
          );
          return report;
        });
        if (!done) {
          log('reconcile: another indexer instance is reconciling; skipped here');
          if (state.lastReconcile) return state.lastReconcile;
          throw new BusyElsewhere('another indexer instance is reconciling now; try again shortly');
        }
        const report = done;
        state.lastReconcile = report;
        metrics.repairs.inc({ kind: 'missing' }, report.missing);
        metrics.repairs.inc({ kind: 'outdated' }, report.outdated);
        metrics.repairs.inc({ kind: 'extra' }, report.extra);
        log(
          `reconcile: ${report.published} published, ${report.missing} missing, ${report.outdated} outdated, ${report.extra} extra; ${report.repaired} activities queued (${report.durationMs} ms)`,
        );
        return report;
      } catch (err) {
        metrics.reconcileFailures.inc();
        throw err;
      } finally {
        reconciling = null;
      }
    })();
    return reconciling;
  }

  /**
   * Zero-downtime rebuild: fresh indexes are filled and swapped in while searches go on. Changes
   * the queue applied to the old indexes meanwhile are queued again after the swap, and a
   * reconcile, started after it, catches anything else.
   */
  function reindex(): Promise<ReindexReport> {
    if (reindexing) return reindexing;
    const report: ReindexReport = {
      startedAt: new Date().toISOString(),
      finishedAt: null,
      durationMs: null,
      documents: null,
      perLocale: null,
      phases: null,
      error: null,
    };
    state.reindex = report;
    const touched = new Set<string>();
    queue.onProcessed = (keys) => keys.forEach((k) => touched.add(k));
    reindexing = (async () => {
      const started = performance.now();
      try {
        const result = await queue.alone('reindex', async () => {
          await engine.prepare(locales);
          return fullSync(cms, engine);
        });
        if (!result) throw new BusyElsewhere('another indexer instance is reindexing now; try again when it is done');
        report.documents = result.documents;
        report.perLocale = result.perLocale;
        report.phases = result.phases;
        report.durationMs = Math.round(performance.now() - started);
        state.lastReindexMs = report.durationMs;
        log(
          `reindex: ${result.documents} activities in ${report.durationMs} ms (${Object.entries(result.perLocale)
            .map(([l, n]) => `${l} ${n}`)
            .join(', ')}; ${describePhases(result.phases)})`,
        );
      } catch (err) {
        report.error = (err as Error).message;
        if (err instanceof BusyElsewhere) report.busyElsewhere = true;
        log(`reindex failed: ${report.error}`);
      } finally {
        queue.onProcessed = null;
        await queue.pushMany([...touched], 'reindex').catch((err) => log(`requeue after reindex failed: ${err}`));
        report.finishedAt = new Date().toISOString();
        reindexing = null;
      }
      // The reindex is done at the swap; the comparison that catches what no change told us about
      // runs after it, and an operator waiting for the reindex does not wait for it.
      if (!report.error)
        reconcileNow().catch((err) => log(`reconcile after reindex failed: ${(err as Error).message}`));
      return report;
    })();
    return reindexing;
  }

  async function start() {
    const keys = await engine.provisionKeys();
    state.searchKey = keys.search;
    await engine.prepare(locales);
    // A new (or wiped) Meilisearch, or documents built by another version of the transform or
    // settings (reconcile compares dates, not content): one bulk rebuild.
    // Instances that start together decide one after the other (the second sees the first's work).
    const version = indexVersion();
    const decided = await queue.alone('reindex', async () => {
      const counts = await Promise.all(locales.map((l) => engine.count(l)));
      const previous = await queue.getState('indexVersion');
      if (counts.some((n) => n === 0) || previous !== version) {
        const result = await fullSync(cms, engine);
        log(
          `full sync (${previous === version ? 'empty index' : 'transform or settings changed'}): ${result.documents} activities; ${describePhases(result.phases)}`,
        );
      }
      await queue.setState('indexVersion', version);
      return true;
    });
    if (!decided) throw new Error('another indexer instance is building the indexes; waiting for it');
    // Changes accepted earlier (stored in the queue) first, then a comparison for what no delivery
    // told us about.
    queue.start();
    await queue.idle(600_000);
    await reconcileNow().catch((err) => {
      if (!(err instanceof BusyElsewhere)) throw err;
    });
    await queue.idle(600_000);
    state.ready = true;
    state.lastError = null;
    if (config.reconcileIntervalSeconds > 0 && !timer) {
      timer = setInterval(() => {
        if (!reindexing)
          reconcileNow().catch((err) => {
            if (!(err instanceof BusyElsewhere)) log(`periodic reconcile failed: ${(err as Error).message}`);
          });
      }, config.reconcileIntervalSeconds * 1000);
      timer.unref();
    }
  }

  async function stop() {
    if (timer) clearInterval(timer);
    await queue.close();
  }

  return { queue, engine, metrics, start, reconcileNow, reindex, reindexing: () => reindexing !== null, stop, state };
}
