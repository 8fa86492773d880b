import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const good = { MEILI_MASTER_KEY: 'a'.repeat(32), INDEXER_WEBHOOK_SECRET: 'b'.repeat(32), INDEXER_ADMIN_SECRET: 'c'.repeat(32) };

describe('loadConfig', () => {
  it('uses the contract defaults', () => {
    expect(loadConfig(good)).toMatchObject({ port: 4000, cmsUrl: 'http://127.0.0.1:1337', meiliUrl: 'http://127.0.0.1:7700', indexPrefix: 'activities', queueFile: '.data/indexer/queue.db', reconcileIntervalSeconds: 300 });
  });

  it('names every missing secret', () => {
    const error = (() => {
      try {
        loadConfig({});
      } catch (err) {
        return (err as Error).message;
      }
    })();
    for (const name of ['MEILI_MASTER_KEY', 'INDEXER_WEBHOOK_SECRET', 'INDEXER_ADMIN_SECRET']) expect(error).toContain(name);
  });

  it('refuses placeholder secrets in production', () => {
    expect(() => loadConfig({ ...good, NODE_ENV: 'production', INDEXER_WEBHOOK_SECRET: 'change-me-change-me' })).toThrow(/production/);
    expect(() => loadConfig({ ...good, NODE_ENV: 'production', INDEXER_ADMIN_SECRET: 'change-me-change-me' })).toThrow(/production/);
  });
});
