import {
  httpServerTimeouts,
  isPlaceholderSecret,
  rejectedSecrets,
  secretRefusal,
  type HttpServerTimeouts,
} from '@droomkaart/shared';
import { z } from 'zod';

const EnvSchema = z.object({
  CMS_URL: z.string().url().default('http://127.0.0.1:1337'),
  MEILI_URL: z.string().url().default('http://127.0.0.1:7700'),
  MEILI_MASTER_KEY: z.string().min(16, 'MEILI_MASTER_KEY must be at least 16 bytes'),
  INDEXER_PORT: z.coerce.number().int().positive().default(4000),
  INDEXER_HOST: z.string().default('127.0.0.1'),
  INDEXER_WEBHOOK_SECRET: z.string().min(16, 'INDEXER_WEBHOOK_SECRET must be at least 16 characters'),
  /** Bearer secret of the operator endpoints (`POST /admin/reindex`, `POST /admin/reconcile`). */
  INDEXER_ADMIN_SECRET: z.string().min(16, 'INDEXER_ADMIN_SECRET must be at least 16 characters'),
  /** The durable change queue (SQLite file): one indexer instance. */
  INDEXER_QUEUE_FILE: z.string().min(1).default('.data/indexer/queue.db'),
  /** The change queue in PostgreSQL instead (pg-boss), shared by several indexer instances. */
  INDEXER_QUEUE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'INDEXER_QUEUE_URL must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Seconds between reconciles with the cms (0: only at start-up). */
  INDEXER_RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
  /** Page refresh at the proxy (proxy/refresh.ts): the site addresses to refresh, comma-separated; empty: off. */
  PROXY_REFRESH_URL: z
    .string()
    .default('')
    .refine(
      (v) => v.split(',').every((u) => !u.trim() || /^https?:\/\/[^\s]+$/.test(u.trim())),
      'PROXY_REFRESH_URL must be http(s) addresses, comma-separated',
    ),
  PROXY_REFRESH_SECRET: z.string().default(''),
  /** Index name prefix; tests use their own so they never touch another run's indexes. */
  INDEX_PREFIX: z
    .string()
    .regex(/^activities(_[a-z0-9]+)*$/)
    .default('activities'),
});

/** Every secret the indexer reads. */
export const INDEXER_SECRETS = ['MEILI_MASTER_KEY', 'INDEXER_WEBHOOK_SECRET', 'INDEXER_ADMIN_SECRET'] as const;

export type IndexerConfig = {
  cmsUrl: string;
  meiliUrl: string;
  meiliMasterKey: string;
  port: number;
  host: string;
  /** INDEXER_WEBHOOK_SECRET: the bearer secret the cms's change outbox relay sends to `POST /changes`. */
  webhookSecret: string;
  adminSecret: string;
  queueFile: string;
  /** Set: the queue lives in this PostgreSQL database (postgres/queue.ts) and queueFile is unused. */
  queueUrl: string | null;
  reconcileIntervalSeconds: number;
  indexPrefix: string;
  /** Page refresh at the proxy after a sync (proxy/refresh.ts); no urls: off. */
  proxyRefresh: { urls: string[]; secret: string };
  /** The HTTP server's timeouts (HTTP_HEADERS/REQUEST/KEEP_ALIVE_TIMEOUT_SECONDS, @droomkaart/shared). */
  httpTimeouts: HttpServerTimeouts;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): IndexerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`search-indexer configuration is incomplete: ${problems}`);
  }
  const e = parsed.data;
  // The rule of every service (@droomkaart/shared): no missing, placeholder or weak secrets in production.
  const unset = env.NODE_ENV === 'production' ? rejectedSecrets(env, { required: INDEXER_SECRETS }) : [];
  if (unset.length > 0) throw new Error(secretRefusal('search-indexer', unset));
  const refreshUrls = e.PROXY_REFRESH_URL.split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (refreshUrls.length > 0 && (isPlaceholderSecret(e.PROXY_REFRESH_SECRET) || e.PROXY_REFRESH_SECRET.length < 16))
    throw new Error(
      'search-indexer configuration is incomplete: PROXY_REFRESH_SECRET must be at least 16 characters when PROXY_REFRESH_URL is set',
    );
  let httpTimeouts: HttpServerTimeouts;
  try {
    httpTimeouts = httpServerTimeouts(env);
  } catch (err) {
    throw new Error(`search-indexer configuration is incomplete: ${(err as Error).message}`);
  }
  return {
    cmsUrl: e.CMS_URL,
    meiliUrl: e.MEILI_URL,
    meiliMasterKey: e.MEILI_MASTER_KEY,
    port: e.INDEXER_PORT,
    host: e.INDEXER_HOST,
    webhookSecret: e.INDEXER_WEBHOOK_SECRET,
    adminSecret: e.INDEXER_ADMIN_SECRET,
    queueFile: e.INDEXER_QUEUE_FILE,
    queueUrl: e.INDEXER_QUEUE_URL ?? null,
    reconcileIntervalSeconds: e.INDEXER_RECONCILE_INTERVAL_SECONDS,
    indexPrefix: e.INDEX_PREFIX,
    proxyRefresh: { urls: refreshUrls, secret: e.PROXY_REFRESH_SECRET },
    httpTimeouts,
  };
}
