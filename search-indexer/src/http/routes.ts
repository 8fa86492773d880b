import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { locales } from '@droomkaart/shared';
import type { IndexerConfig } from '../config.ts';
import { markupFreeJson } from '../json.ts';
import { BusyElsewhere, log, type Lifecycle } from '../lifecycle.ts';
import { readDelivery } from '../changes.ts';
import { authorised } from './auth.ts';

/**
 * The indexer's HTTP side: health, metrics, the search-only key, the deliveries of the cms's
 * change outbox (stored in the queue before the answer) and the operator's reindex and reconcile. The work itself is the
 * lifecycle's (lifecycle.ts).
 */
export function createRoutes(config: IndexerConfig, lifecycle: Lifecycle): Hono {
  const { engine, queue, state, metrics } = lifecycle;
  const app = new Hono();

  app.get('/health', async (c) => {
    const meilisearch = await engine.healthy();
    const q = await queue.stats().catch(() => null);
    const ok = state.ready && meilisearch && q !== null;
    return c.json(
      {
        status: ok ? 'ok' : state.ready ? 'degraded' : 'starting',
        meilisearch: meilisearch ? 'available' : 'unavailable',
        ...(q ? {} : { queueStore: 'unavailable' }),
        queue: q,
        lastSync: q?.lastProcessedAt ?? state.lastReconcile?.at ?? null,
        lastReconcile: state.lastReconcile,
        reindex: state.reindex ? { ...state.reindex, running: lifecycle.reindexing() } : null,
        lastError: state.lastError,
      },
      ok ? 200 : 503,
    );
  });

  app.get('/metrics', async (c) => {
    c.header('content-type', metrics.registry.contentType);
    return c.body(await metrics.registry.metrics());
  });

  // The search-only key is public by design (the browser gets it); serving it lets the site
  // start without copying keys around.
  app.get('/search-key', (c) => {
    if (!state.searchKey) return c.json({ error: 'not ready' }, 503);
    return c.json({ key: state.searchKey.key, indexPrefix: config.indexPrefix, locales });
  });

  // The answers may repeat what was posted (a key): as markup-free JSON.
  const echo = (c: Context, data: unknown, status: 202 | 400) =>
    c.body(markupFreeJson(data), status, { 'content-type': 'application/json' });

  // The cms's change outbox delivers here (cms/src/change-outbox/relay.ts): the keys are stored
  // in the queue before the 202, and only then does the cms delete its rows, so a change is never lost.
  // A key delivered twice (a retry, two cms instances) is merged by the queue.
  app.post(
    '/changes',
    bodyLimit({ maxSize: 1024 * 1024, onError: (c) => c.json({ error: 'payload too large' }, 413) }),
    async (c) => {
      if (!authorised(c.req.header('authorization'), config.webhookSecret)) {
        metrics.deliveries.inc({ outcome: 'unauthorised' });
        return c.json({ error: 'unauthorised' }, 401);
      }
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        metrics.deliveries.inc({ outcome: 'invalid' });
        return c.json({ error: 'invalid JSON' }, 400);
      }
      const delivery = readDelivery(body);
      if ('error' in delivery) {
        metrics.deliveries.inc({ outcome: 'invalid' });
        return echo(c, { error: delivery.error }, 400);
      }
      // Stored (on disk, or in PostgreSQL) before the answer: an acknowledged change is never lost.
      try {
        await queue.pushMany(delivery.keys, 'outbox');
      } catch (err) {
        metrics.deliveries.inc({ outcome: 'unstored' });
        log(`outbox: ${delivery.keys.length} change(s) not stored (${(err as Error).message})`);
        return c.json({ error: 'queue unavailable' }, 503);
      }
      metrics.deliveries.inc({ outcome: 'queued' });
      // The keys are named (up to 100), so an operator or the freshness benchmarks can follow a change.
      if (delivery.keys.length > 0)
        log(
          `outbox: ${delivery.keys.length} change(s) queued: ${delivery.keys.slice(0, 100).join(' ')}${delivery.keys.length > 100 ? ' …' : ''}`,
        );
      return echo(c, { queued: delivery.keys.length }, 202);
    },
  );

  const operator = (c: Context) => authorised(c.req.header('authorization'), config.adminSecret);

  app.post('/admin/reindex', async (c) => {
    if (!operator(c)) return c.json({ error: 'unauthorised' }, 401);
    if (!state.searchKey) return c.json({ error: 'not ready: the indexer is still starting' }, 503);
    if (lifecycle.reindexing()) return c.json({ error: 'a reindex is already running', reindex: state.reindex }, 409);
    const run = lifecycle.reindex();
    if (c.req.query('wait') !== 'true') return c.json({ started: true, reindex: state.reindex }, 202);
    const report = await run;
    return c.json(report, report.busyElsewhere ? 409 : report.error ? 500 : 200);
  });

  app.post('/admin/reconcile', async (c) => {
    if (!operator(c)) return c.json({ error: 'unauthorised' }, 401);
    if (!state.searchKey) return c.json({ error: 'not ready: the indexer is still starting' }, 503);
    try {
      return c.json(await lifecycle.reconcileNow(), 200);
    } catch (err) {
      if (err instanceof BusyElsewhere) return c.json({ error: err.message }, 409);
      return c.json({ error: (err as Error).message }, 502);
    }
  });

  return app;
}
