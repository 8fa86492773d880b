import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { locales } from '@droomkaart/shared';
import type { IndexerConfig } from '../config.ts';
import { markupFreeJson } from '../json.ts';
import { BusyElsewhere, log, type Lifecycle } from '../lifecycle.ts';
import { authorised, decide } from '../webhook.ts';

/**
 * The indexer's HTTP side: health, metrics, the search-only key, the cms webhook (stored in the
 * queue before the answer) and the operator's reindex and reconcile. The work itself is the
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

  // The webhook's answers may repeat what was posted (a content type, an id): as markup-free JSON.
  const echo = (c: Context, data: unknown, status: 202 | 400) =>
    c.body(markupFreeJson(data), status, { 'content-type': 'application/json' });

  app.post(
    '/webhooks/strapi',
    bodyLimit({ maxSize: 1024 * 1024, onError: (c) => c.json({ error: 'payload too large' }, 413) }),
    async (c) => {
      if (!authorised(c.req.header('authorization'), config.webhookSecret)) {
        metrics.webhooks.inc({ outcome: 'unauthorised' });
        return c.json({ error: 'unauthorised' }, 401);
      }
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        metrics.webhooks.inc({ outcome: 'invalid' });
        return c.json({ error: 'invalid JSON' }, 400);
      }
      const decision = decide(body);
      if (decision.kind === 'invalid') {
        metrics.webhooks.inc({ outcome: 'invalid' });
        return echo(c, { error: decision.reason }, 400);
      }
      if (decision.kind === 'ignore') {
        metrics.webhooks.inc({ outcome: 'ignored' });
        return echo(c, { ignored: decision.reason }, 202);
      }
      // Stored (on disk, or in PostgreSQL) before the answer: an acknowledged change is never lost.
      try {
        await queue.push(decision.key, decision.event);
      } catch (err) {
        metrics.webhooks.inc({ outcome: 'unstored' });
        log(`${decision.event} ${decision.key}: not stored (${(err as Error).message})`);
        return c.json({ error: 'queue unavailable' }, 503);
      }
      metrics.webhooks.inc({ outcome: 'queued' });
      log(`${decision.event} ${decision.key}: queued`);
      return echo(c, { queued: decision.key }, 202);
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
    return c.json(report, report.error ? 500 : 200);
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
