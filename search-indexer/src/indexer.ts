import type { Hono } from 'hono';
import type { IndexerConfig } from './config.ts';
import { createRoutes } from './http/routes.ts';
import { createLifecycle, type Lifecycle } from './lifecycle.ts';

export type { IndexerState, ReindexReport } from './lifecycle.ts';

export type Indexer = Pick<Lifecycle, 'queue' | 'engine' | 'start' | 'reconcileNow' | 'reindex' | 'stop' | 'state'> & {
  app: Hono;
};

/** The indexer: its lifecycle (queue, sync, reconcile, reindex) behind its HTTP routes. */
export function createIndexer(config: IndexerConfig, deps: { fetch?: typeof fetch } = {}): Indexer {
  const lifecycle = createLifecycle(config, deps);
  const app = createRoutes(config, lifecycle);
  const { queue, engine, start, reconcileNow, reindex, stop, state } = lifecycle;
  return { app, queue, engine, start, reconcileNow, reindex, stop, state };
}
