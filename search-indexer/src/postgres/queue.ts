import pg from 'pg';
import { PgBoss, type Job, type Queue } from 'pg-boss';
import type { ChangeQueue, QueueStats } from '../queue.ts';

/** The pg-boss queue the change keys go through, and the schema pg-boss keeps its tables in. */
export const queueName = 'indexer-changes';
export const bossSchema = 'indexer_queue';

/** What one job carries: the change key and the event that brought it. */
export type ChangeJob = { key: string; event: string };

/**
 * The queue's rules, in pg-boss words. `singleton` with the change key as `singletonKey`: a key is
 * active on at most one worker of all instances at a time, so two syncs of one document never
 * race. Changes are added with `upsert` by key, which keeps at most one waiting job per key (five
 * edits of one offer in a row wait as one job), and adds a new one when the key is running: that
 * run may have read the cms before the change, so the key runs again afterwards. A failed sync is
 * retried with backoff, practically without end (nothing is dropped). A worker that dies mid-batch
 * stops its heartbeat; after `heartbeatSeconds` the jobs it held are retried elsewhere.
 */
export function queueOptions(): Omit<Queue, 'name'> {
  return {
    policy: 'singleton',
    notify: true,
    retryLimit: 1_000_000,
    retryDelay: 1,
    retryBackoff: true,
    retryDelayMax: 30,
    heartbeatSeconds: 10,
    expireInSeconds: 15 * 60,
    // A change waits as long as it must: the cms or Meilisearch may be down for a long weekend.
    retentionSeconds: 30 * 24 * 3600,
    deleteAfterSeconds: 3600,
  };
}

/** The distinct keys of a batch, in the order they were accepted. */
export function keysOf(jobs: Pick<Job<ChangeJob>, 'data'>[]): string[] {
  return [...new Set(jobs.map((j) => j.data.key))];
}

/** The advisory lock number of a task name (reindex, reconcile), the same on every instance. */
export function lockId(name: string): number {
  let h = 0x811c9dc5;
  for (const c of `droomkaart-indexer:${name}`) {
    h ^= c.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * The change queue in PostgreSQL (`INDEXER_QUEUE_URL`), for more than one indexer instance: pg-boss
 * stores the jobs and hands them out (see `queueOptions` for the rules), reindex and reconcile
 * take a PostgreSQL advisory lock so they never run twice at once across instances, and the state
 * notes are a small table next to pg-boss's.
 */
export class PostgresChangeQueue implements ChangeQueue {
  private readonly boss: PgBoss;
  private readonly url: string;
  private readonly work: (keys: string[]) => Promise<void>;
  private readonly batchSize: number;
  private opening: Promise<void> | null = null;
  private bossStarted = false;
  private workerId: string | null = null;
  private starting: Promise<void> | null = null;
  private closed = false;
  processed = 0;
  failures = 0;
  lastError: string | null = null;
  lastProcessedAt: Date | null = null;
  onProcessed: ((keys: string[]) => void) | null = null;

  constructor(url: string, work: (keys: string[]) => Promise<void>, options: { batchSize?: number } = {}) {
    this.url = url;
    this.work = work;
    this.batchSize = options.batchSize ?? 100;
    const boss = new PgBoss({
      connectionString: url,
      schema: bossSchema,
      useListenNotify: true,
      // Expired heartbeats and retries are looked at every few seconds, not every minute.
      superviseIntervalSeconds: 2,
      monitorIntervalSeconds: 2,
      instanceName: 'search-indexer',
    });
    boss.on('error', (err: Error) => console.error(`[indexer] queue: ${err.message}`));
    this.boss = boss;
    // The first caller sees the reason; this only keeps an early failure from being unhandled.
    this.ready().catch(() => undefined);
  }

  /**
   * pg-boss started, its queue and the state table there. Instances that start together take
   * turns (a transaction advisory lock: two `CREATE TABLE IF NOT EXISTS` at once can collide in
   * PostgreSQL's catalogue). A failed attempt (PostgreSQL not up yet) is tried again by the next caller.
   */
  private ready(): Promise<void> {
    this.opening ??= (async () => {
      if (!this.bossStarted) {
        await this.boss.start();
        this.bossStarted = true;
      }
      await this.boss.createQueue(queueName, queueOptions());
      // One statement (a DO block runs in a transaction of its own), so a failure leaves no
      // transaction open on the pooled connection.
      await this.boss
        .getDb()
        .executeSql(
          `DO $$ BEGIN PERFORM pg_advisory_xact_lock(${lockId('state-table')}); CREATE TABLE IF NOT EXISTS ${bossSchema}.indexer_state (name text PRIMARY KEY, value text NOT NULL); END $$`,
        );
    })().catch((err: unknown) => {
      this.opening = null;
      throw err;
    });
    return this.opening;
  }

  async push(key: string, event: string): Promise<void> {
    await this.pushMany([key], event);
  }

  async pushMany(keys: string[], event: string): Promise<void> {
    await this.ready();
    const unique = [...new Set(keys)];
    // A few at a time: a reconcile may hand over thousands of keys.
    for (let i = 0; i < unique.length; i += 16) {
      await Promise.all(
        unique
          .slice(i, i + 16)
          .map((key) => this.boss.upsert(queueName, { key, event } satisfies ChangeJob, { singletonKey: key })),
      );
    }
    if (this.workerId) this.boss.notifyWorker(this.workerId);
  }

  async stats(): Promise<QueueStats> {
    await this.ready();
    const rows = await this.query<{ length: number; oldest: number }>(
      `SELECT count(DISTINCT singleton_key)::int AS length,
              COALESCE(EXTRACT(EPOCH FROM now() - min(created_on)), 0)::float8 AS oldest
         FROM ${bossSchema}.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`,
      [queueName],
    );
    return {
      length: rows[0].length,
      oldestPendingSeconds: Math.max(0, rows[0].oldest),
      processed: this.processed,
      failures: this.failures,
      lastError: this.lastError,
      lastProcessedAt: this.lastProcessedAt?.toISOString() ?? null,
    };
  }

  async getState(name: string): Promise<string | null> {
    await this.ready();
    const rows = await this.query<{ value: string }>(`SELECT value FROM ${bossSchema}.indexer_state WHERE name = $1`, [
      name,
    ]);
    return rows[0]?.value ?? null;
  }

  /** A statement on pg-boss's own connection pool. */
  private async query<R>(sql: string, values: unknown[]): Promise<R[]> {
    const { rows }: { rows: unknown[] } = await this.boss.getDb().executeSql(sql, values);
    return rows as R[];
  }

  async setState(name: string, value: string): Promise<void> {
    await this.ready();
    await this.boss
      .getDb()
      .executeSql(
        `INSERT INTO ${bossSchema}.indexer_state (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
        [name, value],
      );
  }

  start(): void {
    this.starting ??= (async () => {
      await this.ready();
      if (this.closed || this.workerId) return;
      this.workerId = await this.boss.work<ChangeJob>(
        queueName,
        // NOTIFY wakes the workers for new changes; the poll finds retries that became due and
        // jobs an instance that died left behind (NOTIFY tells of neither).
        {
          batchSize: this.batchSize,
          pollingIntervalSeconds: 1,
          notifyPollingIntervalSeconds: 1,
          burstWhenBatchFull: true,
        },
        async (jobs) => {
          const keys = keysOf(jobs);
          try {
            await this.work(keys);
          } catch (err) {
            this.failures++;
            this.lastError = (err as Error).message;
            console.error(`[indexer] sync of ${keys.length} change(s) failed: ${this.lastError}; pg-boss retries it`);
            throw err;
          }
          this.lastError = null;
          this.processed += keys.length;
          this.lastProcessedAt = new Date();
          this.onProcessed?.(keys);
        },
      );
    })().finally(() => {
      this.starting = null;
    });
    this.starting.catch((err: Error) => console.error(`[indexer] queue worker did not start: ${err.message}`));
  }

  pause(): void {
    const id = this.workerId;
    this.workerId = null;
    if (id) void this.boss.offWork(queueName, { id }).catch(() => undefined);
  }

  async idle(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { length } = await this.stats();
      if (length === 0) return;
      if (Date.now() > deadline)
        throw new Error(`queue not idle after ${timeoutMs} ms (${length} waiting; last error: ${this.lastError})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * A session advisory lock on a connection of its own, held while the task runs: when this
   * process dies, PostgreSQL ends the session and the lock goes with it.
   */
  async alone<T>(name: string, task: () => Promise<T>): Promise<T | null> {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1) AS got', [lockId(name)]);
      if (!rows[0].got) return null;
      try {
        return await task();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [lockId(name)]).catch(() => undefined);
      }
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.opening?.catch(() => undefined);
    // Jobs this instance holds go back to the queue; they run again here or elsewhere.
    await this.boss.stop({ graceful: false, close: true, timeout: 2_000 }).catch(() => undefined);
  }
}
