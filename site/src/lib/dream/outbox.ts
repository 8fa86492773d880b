import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

// The letterbox's outbox: every accepted dream is a row in a local SQLite file, written (and
// fsync'd: WAL with synchronous=FULL) before the child sees "ontvangen". The delivery worker
// (delivery.ts) sends pending rows to the cms until the cms confirms. Once the cms has a
// dream, its content is erased here: only the id, status and times stay, so personal data does not
// linger on the web server. A dream the cms refuses (400) keeps its content, marked rejected, for
// a person to look at (see docs/site.md); it is never retried on its own.

export type OutboxStatus = 'pending' | 'delivered' | 'rejected';

export type OutboxRow = {
  id: string;
  status: OutboxStatus;
  payload: string | null;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  deliveredAt: number | null;
  documentId: string | null;
  lastError: string | null;
};

export type OutboxStats = {
  pending: number;
  rejected: number;
  delivered: number;
  /** Seconds since the oldest pending dream was accepted; 0 when none waits. */
  oldestPendingSeconds: number;
};

type Raw = Record<string, unknown>;
const toRow = (r: Raw): OutboxRow => ({
  id: String(r.id),
  status: r.status as OutboxStatus,
  payload: (r.payload as string | null) ?? null,
  createdAt: Number(r.created_at),
  attempts: Number(r.attempts),
  nextAttemptAt: Number(r.next_attempt_at),
  deliveredAt: r.delivered_at == null ? null : Number(r.delivered_at),
  documentId: (r.document_id as string | null) ?? null,
  lastError: (r.last_error as string | null) ?? null,
});

export class DreamOutbox {
  private readonly db: DatabaseSync;
  private readonly now: () => number;

  constructor(file: string, options: { now?: () => number } = {}) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new DatabaseSync(file);
    this.now = options.now ?? Date.now;
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      PRAGMA busy_timeout = 5000;
      CREATE TABLE IF NOT EXISTS dream_outbox (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'rejected')),
        payload TEXT,
        created_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        lease_until INTEGER NOT NULL DEFAULT 0,
        delivered_at INTEGER,
        document_id TEXT,
        last_error TEXT
      );
      CREATE INDEX IF NOT EXISTS dream_outbox_due ON dream_outbox (status, next_attempt_at);
    `);
  }

  /**
   * Stores a dream durably. Returns false when a dream with this id is already here (the same form
   * sent twice): it is one dream, stored once.
   */
  add(id: string, payload: unknown): boolean {
    const at = this.now();
    const result = this.db
      .prepare(
        `INSERT INTO dream_outbox (id, status, payload, created_at, next_attempt_at) VALUES (?, 'pending', ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      )
      .run(id, JSON.stringify(payload), at, at);
    return Number(result.changes) === 1;
  }

  /**
   * Claims up to `limit` pending dreams that are due, for `leaseMs`: another worker (a second site
   * process on the same file) skips them until the lease runs out. A crash mid-delivery only
   * delays a dream by the lease; the cms' idempotency key makes a second delivery harmless.
   */
  claimDue(limit: number, leaseMs = 30_000): OutboxRow[] {
    const now = this.now();
    const rows = this.db
      .prepare(
        `UPDATE dream_outbox SET lease_until = ?
         WHERE id IN (SELECT id FROM dream_outbox WHERE status = 'pending' AND next_attempt_at <= ? AND lease_until <= ? ORDER BY next_attempt_at, created_at LIMIT ?)
         RETURNING *`,
      )
      .all(now + leaseMs, now, now, limit) as Raw[];
    return rows.map(toRow).sort((a, b) => a.createdAt - b.createdAt);
  }

  /** The cms has it: erase the content, keep id, status and times. */
  markDelivered(id: string, documentId: string | null): void {
    this.db
      .prepare(
        `UPDATE dream_outbox SET status = 'delivered', payload = NULL, delivered_at = ?, document_id = ?, lease_until = 0, last_error = NULL WHERE id = ?`,
      )
      .run(this.now(), documentId, id);
  }

  /** The cms refused the content (400): keep it for a person, never retry on its own. */
  markRejected(id: string, reason: string): void {
    this.db
      .prepare(
        `UPDATE dream_outbox SET status = 'rejected', lease_until = 0, attempts = attempts + 1, last_error = ? WHERE id = ?`,
      )
      .run(reason.slice(0, 500), id);
  }

  /** Not delivered this time (cms down, 5xx, token): try again at `nextAttemptAt`. */
  markRetry(id: string, nextAttemptAt: number, reason: string): void {
    this.db
      .prepare(
        `UPDATE dream_outbox SET attempts = attempts + 1, next_attempt_at = ?, lease_until = 0, last_error = ? WHERE id = ?`,
      )
      .run(nextAttemptAt, reason.slice(0, 200), id);
  }

  /** The cms answers again: every pending dream is due now. */
  expediteAll(): void {
    this.db
      .prepare(`UPDATE dream_outbox SET next_attempt_at = ? WHERE status = 'pending' AND next_attempt_at > ?`)
      .run(this.now(), this.now());
  }

  /** A rejected dream back in the queue, after a person fixed the cause (CLI). */
  retry(id: string): boolean {
    const result = this.db
      .prepare(
        `UPDATE dream_outbox SET status = 'pending', next_attempt_at = ?, lease_until = 0 WHERE id = ? AND status = 'rejected'`,
      )
      .run(this.now(), id);
    return Number(result.changes) === 1;
  }

  /** Erases a rejected dream (after a person handled it by hand). */
  discard(id: string): boolean {
    const result = this.db.prepare(`DELETE FROM dream_outbox WHERE id = ? AND status = 'rejected'`).run(id);
    return Number(result.changes) === 1;
  }

  get(id: string): OutboxRow | null {
    const row = this.db.prepare('SELECT * FROM dream_outbox WHERE id = ?').get(id) as Raw | undefined;
    return row ? toRow(row) : null;
  }

  list(status: OutboxStatus, limit = 100): OutboxRow[] {
    return (
      this.db
        .prepare('SELECT * FROM dream_outbox WHERE status = ? ORDER BY created_at LIMIT ?')
        .all(status, limit) as Raw[]
    ).map(toRow);
  }

  /** When the next pending dream is due (ms), or null when none waits. */
  nextDueAt(): number | null {
    const row = this.db
      .prepare(`SELECT MIN(MAX(next_attempt_at, lease_until)) AS at FROM dream_outbox WHERE status = 'pending'`)
      .get() as { at: number | null };
    return row.at == null ? null : Number(row.at);
  }

  stats(): OutboxStats {
    const counts = Object.fromEntries(
      (
        this.db.prepare('SELECT status, COUNT(*) AS n FROM dream_outbox GROUP BY status').all() as {
          status: string;
          n: number;
        }[]
      ).map((r) => [r.status, Number(r.n)]),
    );
    const oldest = this.db.prepare(`SELECT MIN(created_at) AS at FROM dream_outbox WHERE status = 'pending'`).get() as {
      at: number | null;
    };
    return {
      pending: counts.pending ?? 0,
      rejected: counts.rejected ?? 0,
      delivered: counts.delivered ?? 0,
      oldestPendingSeconds: oldest.at == null ? 0 : Math.max(0, Math.round((this.now() - Number(oldest.at)) / 1000)),
    };
  }

  /** Forgets delivered rows (no content left) older than `olderThanMs`. */
  prune(olderThanMs: number): number {
    const result = this.db
      .prepare(`DELETE FROM dream_outbox WHERE status = 'delivered' AND delivered_at < ?`)
      .run(this.now() - olderThanMs);
    return Number(result.changes);
  }

  close(): void {
    this.db.close();
  }
}
