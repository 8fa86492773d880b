import { createHash } from 'node:crypto';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { sharedCounter } from './shared.ts';

/** A count kept outside this process (limits/shared.ts), and how to wait until it can be used. */
export type SharedCounter = { counter: RateLimiterAbstract; ready: Promise<void> };
export type SharedCounterFactory = (options: { name: string; limit: number; windowMs: number }) => SharedCounter;

/**
 * How often one key (an IP address, a phone number) may do something within a window.
 * - One site process (LIMITS_DATABASE_URL empty): a sliding window of timestamps per key, in
 *   memory. A restart forgets the counts, which only makes the limits kinder for a moment.
 * - Several site processes (LIMITS_DATABASE_URL set): one count per key in a PostgreSQL table that
 *   every process shares (rate-limiter-flexible, a fixed window), so the limit holds across them;
 *   while that database cannot be reached, each process counts in memory on its own.
 * Keys are hashed, so no phone number or address is kept in clear, in memory or in the table.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private lastSweep = 0;
  private readonly shared: SharedCounter | null;

  readonly limit: number;
  readonly windowMs: number;
  private readonly maxKeys: number;

  /**
   * `name`: what the limiter counts (its rows in the shared table start with it). `shared`: where
   * several processes count together; by default the site's own (null when LIMITS_DATABASE_URL is empty).
   */
  constructor(
    limit: number,
    windowMs: number,
    options: { name?: string; maxKeys?: number; shared?: SharedCounterFactory | null } = {},
  ) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.maxKeys = options.maxKeys ?? 50_000;
    const factory = options.shared === undefined ? sharedCounter() : options.shared;
    this.shared =
      factory && limit > 0 ? factory({ name: options.name ?? 'site-limit', limit, windowMs: windowMs }) : null;
  }

  private key(raw: string): string {
    return createHash('sha256').update(raw).digest('base64url').slice(0, 22);
  }

  private recent(key: string, now: number): number[] {
    const list = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length === 0) this.hits.delete(key);
    else this.hits.set(key, list);
    return list;
  }

  /** True when `raw` is still under its limit at `now` (nothing is counted). */
  async allows(raw: string, now = Date.now()): Promise<boolean> {
    if (this.limit <= 0) return true;
    if (this.shared) {
      await this.shared.ready;
      const res = await this.shared.counter.get(this.key(raw));
      return !res || res.consumedPoints < this.limit;
    }
    return this.allowsNow(raw, now);
  }

  private allowsNow(raw: string, now: number): boolean {
    return this.recent(this.key(raw), now).length < this.limit;
  }

  /** Counts one hit for `raw`. */
  async hit(raw: string, now = Date.now()): Promise<void> {
    if (this.limit <= 0) return;
    if (this.shared) {
      await this.shared.ready;
      // Past the limit consume() rejects; the count is what matters here.
      await this.shared.counter.consume(this.key(raw)).catch(() => undefined);
      return;
    }
    this.hitNow(raw, now);
  }

  private hitNow(raw: string, now: number): void {
    this.sweep(now);
    const key = this.key(raw);
    const list = this.recent(key, now);
    list.push(now);
    this.hits.set(key, list);
  }

  /** Counts a hit if under the limit; false when over it. */
  async take(raw: string, now = Date.now()): Promise<boolean> {
    if (this.limit <= 0) return true;
    if (this.shared) {
      await this.shared.ready;
      // One statement counts and answers, so two processes cannot both take the last hit.
      return this.shared.counter.consume(this.key(raw)).then(
        () => true,
        (err: unknown) => {
          if (err instanceof Error) throw err;
          return false;
        },
      );
    }
    // In memory without a pause between the check and the count: no other request comes between.
    if (!this.allowsNow(raw, now)) return false;
    this.hitNow(raw, now);
    return true;
  }

  /** Keys counted in memory (the shared table is not counted here). */
  get size(): number {
    return this.hits.size;
  }

  /** Drops keys whose window has passed; when a flood fills memory, forgets the oldest keys. */
  private sweep(now: number) {
    if (now - this.lastSweep < this.windowMs / 10 && this.hits.size < this.maxKeys) return;
    this.lastSweep = now;
    for (const key of [...this.hits.keys()]) this.recent(key, now);
    // Map keeps insertion order: the first keys are the ones that started counting longest ago.
    for (const key of this.hits.keys()) {
      if (this.hits.size < this.maxKeys) break;
      this.hits.delete(key);
    }
  }
}
