import { serve } from '@hono/node-server';
import { answerClientError } from '@droomkaart/shared';
import { createIndexer } from './indexer.ts';
import { loadConfig } from './config.ts';

const config = loadConfig();
const indexer = createIndexer(config);

// Slow clients (headers or a body at 1 byte/s) are cut off: Node's defaults would wait 60 s for
// headers and 300 s for a whole request (HTTP_*_TIMEOUT_SECONDS, README).
const server = serve(
  { fetch: indexer.app.fetch, port: config.port, hostname: config.host, serverOptions: config.httpTimeouts },
  (info) => {
    console.log(`[indexer] listening on http://${info.address}:${info.port}`);
  },
);
// Headers too large or too slow: 431 or 408 with a clean close, not a reset (@droomkaart/shared).
server.on('clientError', answerClientError);

// Start-up waits for Meilisearch and the cms; changes the cms delivers meanwhile are stored and run
// once the indexes are ready.
void (async () => {
  for (let attempt = 0; ; attempt++) {
    try {
      await indexer.start();
      return;
    } catch (err) {
      indexer.state.lastError = (err as Error).message;
      if (attempt % 10 === 0) console.warn(`[indexer] start-up not done yet: ${indexer.state.lastError}`);
      await new Promise((r) => setTimeout(r, Math.min(5_000, 250 * 2 ** Math.min(attempt, 5))));
    }
  }
})();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // Changes still queued stay in the queue (file or PostgreSQL) and run after the next start.
    server.close();
    void indexer.stop().finally(() => process.exit(0));
  });
}
