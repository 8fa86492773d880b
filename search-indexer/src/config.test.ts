import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const good = { MEILI_MASTER_KEY: 'a'.repeat(32), INDEXER_WEBHOOK_SECRET: 'b'.repeat(32) };

describe('loadConfig', () => {
  it('uses the contract defaults', () => {
    expect(loadConfig(good)).toMatchObject({ port: 4000, cmsUrl: 'http://127.0.0.1:1337', meiliUrl: 'http://127.0.0.1:7700', indexPrefix: 'activities' });
  });

  it('names every missing secret', () => {
    expect(() => loadConfig({})).toThrow(/MEILI_MASTER_KEY.*INDEXER_WEBHOOK_SECRET|INDEXER_WEBHOOK_SECRET.*MEILI_MASTER_KEY/);
  });

  it('refuses placeholder secrets in production', () => {
    expect(() => loadConfig({ ...good, NODE_ENV: 'production', INDEXER_WEBHOOK_SECRET: 'change-me-change-me' })).toThrow(/production/);
  });
});
