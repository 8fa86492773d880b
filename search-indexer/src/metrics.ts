import { Counter, Gauge, Registry } from 'prom-client';
import type { ChangeQueue } from './queue.ts';
import type { ReconcileReport } from './reconcile.ts';

/**
 * Prometheus metrics of the indexer (`GET /metrics`). Queue figures are read from the queue at
 * scrape time; counters are bumped where things happen.
 */
export function createMetrics(
  queue: ChangeQueue,
  state: { lastReconcile: ReconcileReport | null; lastReindexMs: number | null },
) {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'search-indexer' });
  const prefix = 'droomkaart_indexer_';
  new Gauge({
    name: `${prefix}queue_length`,
    help: 'Distinct changes waiting in the durable queue.',
    registers: [registry],
    async collect() {
      this.set((await queue.stats()).length);
    },
  });
  new Gauge({
    name: `${prefix}queue_oldest_pending_seconds`,
    help: 'Age of the oldest change still waiting (0 when the queue is empty).',
    registers: [registry],
    async collect() {
      this.set((await queue.stats()).oldestPendingSeconds);
    },
  });
  new Gauge({
    name: `${prefix}changes_processed`,
    help: 'Changes brought into the index since start.',
    registers: [registry],
    collect() {
      this.set(queue.processed);
    },
  });
  new Gauge({
    name: `${prefix}sync_failures`,
    help: 'Failed sync attempts since start (each is retried).',
    registers: [registry],
    collect() {
      this.set(queue.failures);
    },
  });
  new Gauge({
    name: `${prefix}last_reconcile_timestamp_seconds`,
    help: 'When the last reconcile finished (0: none yet).',
    registers: [registry],
    collect() {
      this.set(state.lastReconcile ? Date.parse(state.lastReconcile.at) / 1000 : 0);
    },
  });
  new Gauge({
    name: `${prefix}last_reindex_duration_seconds`,
    help: 'Duration of the last full reindex (0: none yet).',
    registers: [registry],
    collect() {
      this.set(state.lastReindexMs === null ? 0 : state.lastReindexMs / 1000);
    },
  });
  const deliveries = new Counter({
    name: `${prefix}deliveries_total`,
    help: "Deliveries of the cms's change outbox received, by outcome.",
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const repairs = new Counter({
    name: `${prefix}reconcile_repairs_total`,
    help: 'Index entries reconcile found wrong, by kind.',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const reconcileFailures = new Counter({
    name: `${prefix}reconcile_failures_total`,
    help: 'Reconciles that could not finish.',
    registers: [registry],
  });
  return { registry, deliveries, repairs, reconcileFailures };
}
