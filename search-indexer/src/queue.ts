import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export type QueueStats = {
  /** Distinct keys waiting (a key changed five times counts once). */
  length: number;
  /** Seconds since the oldest change still waiting was accepted; 0 when empty. */
  oldestPendingSeconds: number;
  processed: number;
  failures: number;
  lastError: string | null;
  lastProcessedAt: string | null;
};

type Batch = { key: string; maxSeq: number }[];

/**
 * The durable change queue as the lifecycle uses it. Two stores keep it: a local SQLite file (the
 * default, one indexer per queue: `SqliteChangeQueue` below) and PostgreSQL through pg-boss when
 * `INDEXER_QUEUE_URL` is set, so several indexer instances share the work
 * (`PostgresChangeQueue`, postgres/queue.ts). Both promise the same: an accepted change is stored
 * before `push` resolves, a key runs on one worker at a time and again when it changed while it
 * ran, failed work is retried with backoff, and nothing is dropped.
 */
export interface ChangeQueue {
  push(key: string, event: string): Promise<void>;
  pushMany(keys: string[], event: string): Promise<void>;
  stats(): Promise<QueueStats>;
  /** A small durable note next to the queue (e.g. which transform built the indexes). */
  getState(name: string): Promise<string | null>;
  setState(name: string, value: string): Promise<void>;
  /** Begins processing what is stored (also what an earlier process left behind). */
  start(): void;
  /** Keeps accepting changes but runs none until `start` (used until the indexes exist). */
  pause(): void;
  /** Resolves when nothing is waiting and nothing runs (on every instance). */
  idle(timeoutMs?: number): Promise<void>;
  /**
   * Runs `task` unless another holder of this queue runs a task of that name now (reindex,
   * reconcile): its result, or `null` when it was skipped.
   */
  alone<T>(name: string, task: () => Promise<T>): Promise<T | null>;
  close(): Promise<void>;
  /** Called with the keys of every batch this instance finished. */
  onProcessed: ((keys: string[]) => void) | null;
  readonly processed: number;
  readonly failures: number;
}

/**
 * A durable queue of changes, one row per accepted change, in a local SQLite file. `push` writes
 * the row (fsync'd) before it returns, so a change the webhook acknowledged survives a crash or a
 * restart. Work runs in batches of distinct keys, oldest first: a batch re-reads the current
 * state, so several changes to one key need one run, and the rows it covered are deleted only
 * after the run succeeded. A change accepted while its key's batch runs keeps its row (its
 * sequence number is higher) and runs again, because the running read may predate it. A failing
 * batch is retried with backoff until it succeeds; nothing is dropped.
 */
export class SqliteChangeQueue implements ChangeQueue {
  private readonly db: DatabaseSync;
  private readonly work: (keys: string[]) => Promise<void>;
  private readonly retryDelayMs: (attempt: number) => number;
  private readonly batchSize: number;
  private readonly now: () => number;
  private running = false;
  private paused = false;
  private closed = false;
  private consecutiveFailures = 0;
  private wake: (() => void) | null = null;
  private readonly tasks = new Set<string>();
  processed = 0;
  failures = 0;
  lastError: string | null = null;
  lastProcessedAt: Date | null = null;
  /** Called with the keys of every batch that succeeded. */
  onProcessed: ((keys: string[]) => void) | null = null;

  constructor(
    file: string,
    work: (keys: string[]) => Promise<void>,
    options: { retryDelayMs?: (attempt: number) => number; batchSize?: number; now?: () => number } = {},
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new DatabaseSync(file);
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      CREATE TABLE IF NOT EXISTS changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL,
        event TEXT NOT NULL,
        accepted_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS changes_key ON changes (key, seq);
      CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
    this.work = work;
    this.retryDelayMs =
      options.retryDelayMs ?? ((attempt) => Math.min(10_000, 250 * 2 ** attempt) * (0.75 + Math.random() / 2));
    this.batchSize = options.batchSize ?? 100;
    this.now = options.now ?? Date.now;
  }

  /** Stores the change durably, then starts work on it. */
  async push(key: string, event: string): Promise<void> {
    this.pushSync([key], event);
  }

  async pushMany(keys: string[], event: string): Promise<void> {
    this.pushSync(keys, event);
  }

  private pushSync(keys: string[], event: string): void {
    if (keys.length === 0) return;
    const insert = this.db.prepare('INSERT INTO changes (key, event, accepted_at) VALUES (?, ?, ?)');
    const at = this.now();
    this.db.exec('BEGIN');
    try {
      for (const key of keys) insert.run(key, event, at);
      this.db.exec('COMMIT');
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
    this.kick();
  }

  get length(): number {
    return (this.db.prepare('SELECT COUNT(DISTINCT key) AS n FROM changes').get() as { n: number }).n;
  }

  async stats(): Promise<QueueStats> {
    return this.statsNow();
  }

  statsNow(): QueueStats {
    const oldest = (this.db.prepare('SELECT MIN(accepted_at) AS t FROM changes').get() as { t: number | null }).t;
    return {
      length: this.length,
      oldestPendingSeconds: oldest === null ? 0 : Math.max(0, (this.now() - oldest) / 1000),
      processed: this.processed,
      failures: this.failures,
      lastError: this.lastError,
      lastProcessedAt: this.lastProcessedAt?.toISOString() ?? null,
    };
  }

  async getState(name: string): Promise<string | null> {
    return (
      (this.db.prepare('SELECT value FROM state WHERE name = ?').get(name) as { value: string } | undefined)?.value ??
      null
    );
  }

  async setState(name: string, value: string): Promise<void> {
    this.db
      .prepare('INSERT INTO state (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value')
      .run(name, value);
  }

  start(): void {
    this.paused = false;
    this.kick();
  }

  pause(): void {
    this.paused = true;
  }

  async idle(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.running || this.length > 0) {
      if (Date.now() > deadline)
        throw new Error(`queue not idle after ${timeoutMs} ms (${this.length} waiting; last error: ${this.lastError})`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** One process holds the file, so a task name running here is the only lock needed. */
  async alone<T>(name: string, task: () => Promise<T>): Promise<T | null> {
    if (this.tasks.has(name)) return null;
    this.tasks.add(name);
    try {
      return await task();
    } finally {
      this.tasks.delete(name);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.(); // ends a backoff sleep
    this.db.close();
  }

  private kick(): void {
    void this.drain();
  }

  private nextBatch(): Batch {
    return this.db
      .prepare('SELECT key, MAX(seq) AS maxSeq FROM changes GROUP BY key ORDER BY MIN(seq) LIMIT ?')
      .all(this.batchSize) as Batch;
  }

  private async drain(): Promise<void> {
    if (this.running || this.paused || this.closed) return;
    this.running = true;
    try {
      for (;;) {
        if (this.paused || this.closed) return;
        const batch = this.nextBatch();
        if (batch.length === 0) return;
        const keys = batch.map((b) => b.key);
        try {
          await this.work(keys);
        } catch (err) {
          this.failures++;
          this.lastError = (err as Error).message;
          const delay = this.retryDelayMs(this.consecutiveFailures++);
          console.error(
            `[indexer] sync of ${keys.length} change(s) failed: ${this.lastError}; retrying in ${delay} ms`,
          );
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, delay);
            this.wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          this.wake = null;
          continue;
        }
        if (this.closed) return;
        const remove = this.db.prepare('DELETE FROM changes WHERE key = ? AND seq <= ?');
        this.db.exec('BEGIN');
        for (const { key, maxSeq } of batch) remove.run(key, maxSeq);
        this.db.exec('COMMIT');
        this.consecutiveFailures = 0;
        this.lastError = null;
        this.processed += keys.length;
        this.lastProcessedAt = new Date();
        this.onProcessed?.(keys);
      }
    } finally {
      this.running = false;
    }
  }
}
