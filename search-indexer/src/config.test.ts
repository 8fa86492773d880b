import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const strong = () => randomBytes(24).toString('hex');
const good = { MEILI_MASTER_KEY: strong(), INDEXER_WEBHOOK_SECRET: strong(), INDEXER_ADMIN_SECRET: strong() };

describe('loadConfig', () => {
  it('uses the contract defaults', () => {
    expect(loadConfig(good)).toMatchObject({
      port: 4000,
      cmsUrl: 'http://127.0.0.1:1337',
      meiliUrl: 'http://127.0.0.1:7700',
      indexPrefix: 'activities',
      queueFile: '.data/indexer/queue.db',
      queueUrl: null,
      reconcileIntervalSeconds: 300,
    });
    expect(loadConfig(good).httpTimeouts).toMatchObject({
      headersTimeout: 10_000,
      requestTimeout: 30_000,
      keepAliveTimeout: 5_000,
    });
    expect(
      loadConfig({ ...good, HTTP_REQUEST_TIMEOUT_SECONDS: '3', HTTP_HEADERS_TIMEOUT_SECONDS: '2' }).httpTimeouts,
    ).toMatchObject({ headersTimeout: 2000, requestTimeout: 3000 });
    expect(() => loadConfig({ ...good, HTTP_REQUEST_TIMEOUT_SECONDS: 'never' })).toThrow(
      /HTTP_REQUEST_TIMEOUT_SECONDS=never/,
    );
  });

  it('keeps the queue in PostgreSQL only when INDEXER_QUEUE_URL is a postgres URL', () => {
    expect(loadConfig({ ...good, INDEXER_QUEUE_URL: '' }).queueUrl).toBeNull();
    expect(loadConfig({ ...good, INDEXER_QUEUE_URL: 'postgres://indexer@127.0.0.1:5432/queue' }).queueUrl).toBe(
      'postgres://indexer@127.0.0.1:5432/queue',
    );
    expect(() => loadConfig({ ...good, INDEXER_QUEUE_URL: 'mysql://127.0.0.1/queue' })).toThrow(/INDEXER_QUEUE_URL/);
  });

  it('names every missing secret', () => {
    const error = (() => {
      try {
        loadConfig({});
      } catch (err) {
        return (err as Error).message;
      }
    })();
    for (const name of ['MEILI_MASTER_KEY', 'INDEXER_WEBHOOK_SECRET', 'INDEXER_ADMIN_SECRET'])
      expect(error).toContain(name);
  });

  it('refuses placeholder secrets in production, naming each (the shared rule)', () => {
    expect(() =>
      loadConfig({ ...good, NODE_ENV: 'production', INDEXER_WEBHOOK_SECRET: 'change-me-change-me' }),
    ).toThrow(/production: INDEXER_WEBHOOK_SECRET is missing, still a placeholder/);
    expect(() => loadConfig({ ...good, NODE_ENV: 'production', INDEXER_ADMIN_SECRET: 'b'.repeat(32) })).toThrow(
      /INDEXER_ADMIN_SECRET .*too weak/,
    );
    expect(() => loadConfig({ ...good, NODE_ENV: 'production', INDEXER_ADMIN_SECRET: 'change-me-change-me' })).toThrow(
      /INDEXER_ADMIN_SECRET/,
    );
    expect(() =>
      loadConfig({
        ...good,
        NODE_ENV: 'production',
        MEILI_MASTER_KEY: 'tobemodified-master-key',
        INDEXER_ADMIN_SECRET: 'example-admin-secret',
      }),
    ).toThrow(
      'search-indexer refuses to start in production: MEILI_MASTER_KEY, INDEXER_ADMIN_SECRET are missing, still a placeholder',
    );
    expect(() => loadConfig({ ...good, NODE_ENV: 'production' })).not.toThrow();
    expect(() =>
      loadConfig({ ...good, NODE_ENV: 'development', INDEXER_ADMIN_SECRET: 'change-me-change-me' }),
    ).not.toThrow();
  });

  it('exits at start with the message (src/server.ts)', () => {
    const run = spawnSync(process.execPath, [join(import.meta.dirname, 'server.ts')], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        ...good,
        INDEXER_WEBHOOK_SECRET: 'change-me-change-me',
        INDEXER_PORT: '1',
        INDEXER_QUEUE_FILE: '/nonexistent/queue.db',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('search-indexer refuses to start in production: INDEXER_WEBHOOK_SECRET');
  });
});
