import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { IndexerConfig } from './config.ts';
import { SearchEngine, type SearchKey } from './meilisearch/search-engine.ts';
import { KeyedQueue } from './queue.ts';
import { StrapiClient } from './strapi/client.ts';
import { fullSync, syncActivities } from './sync.ts';
import { authorised, decide } from './webhook.ts';
import { locales } from '@droomkaart/shared';

export type Indexer = {
  app: Hono;
  queue: KeyedQueue;
  engine: SearchEngine;
  /** Provisions keys and settings, then a full sync; retried by the caller until it succeeds. */
  start: () => Promise<void>;
  state: { searchKey: SearchKey | null; lastFullSync: Date | null; lastFullSyncDocuments: number | null; ready: boolean; lastError: string | null };
};

export function createIndexer(config: IndexerConfig, deps: { fetch?: typeof fetch } = {}): Indexer {
  const cms = new StrapiClient(config.cmsUrl, deps.fetch);
  const engine = new SearchEngine(config.meiliUrl, config.meiliMasterKey, config.indexPrefix);
  const queue = new KeyedQueue(async (documentIds) => {
    const started = performance.now();
    await syncActivities(cms, engine, documentIds);
    console.log(`[indexer] synced ${documentIds.length} document(s) in ${Math.round(performance.now() - started)} ms`);
  });
  const state: Indexer['state'] = { searchKey: null, lastFullSync: null, lastFullSyncDocuments: null, ready: false, lastError: null };

  const app = new Hono();

  app.get('/health', async (c) => {
    const meilisearch = await engine.healthy();
    const ok = state.ready && meilisearch;
    return c.json(
      {
        status: ok ? 'ok' : 'starting',
        meilisearch: meilisearch ? 'available' : 'unavailable',
        queue: { length: queue.length, lastProcessedAt: queue.lastProcessedAt?.toISOString() ?? null, lastError: queue.lastError },
        lastSync: state.lastFullSync?.toISOString() ?? null,
        lastSyncDocuments: state.lastFullSyncDocuments,
        lastError: state.lastError,
      },
      ok ? 200 : 503,
    );
  });

  // The search-only key is public by design (the browser gets it); serving it lets the site
  // start without copying keys around.
  app.get('/search-key', (c) => {
    if (!state.searchKey) return c.json({ error: 'not ready' }, 503);
    return c.json({ key: state.searchKey.key, indexPrefix: config.indexPrefix, locales });
  });

  app.post('/webhooks/strapi', bodyLimit({ maxSize: 1024 * 1024, onError: (c) => c.json({ error: 'payload too large' }, 413) }), async (c) => {
    if (!authorised(c.req.header('authorization'), config.webhookSecret)) return c.json({ error: 'unauthorised' }, 401);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'invalid JSON' }, 400);
    }
    const decision = decide(body);
    if (decision.kind === 'invalid') return c.json({ error: decision.reason }, 400);
    if (decision.kind === 'ignore') return c.json({ ignored: decision.reason }, 202);
    queue.push(decision.documentId);
    console.log(`[indexer] ${new Date().toISOString()} ${decision.event} ${decision.documentId}: queued`);
    return c.json({ queued: decision.documentId }, 202);
  });

  async function start() {
    const keys = await engine.provisionKeys();
    state.searchKey = keys.search;
    await engine.prepare(locales);
    const result = await fullSync(cms, engine);
    state.lastFullSync = new Date();
    state.lastFullSyncDocuments = result.documents;
    state.ready = true;
    state.lastError = null;
    console.log(`[indexer] full sync: ${result.documents} activities (${Object.entries(result.perLocale).map(([l, n]) => `${l} ${n}`).join(', ')})`);
  }

  return { app, queue, engine, start, state };
}
