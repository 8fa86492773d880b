import { createHash } from 'node:crypto';

/**
 * How often one key (an IP address, a phone number) may do something within a window: a sliding
 * window of timestamps per key, in memory. Memory is enough for one site process: a restart
 * forgets the counts, which only makes the limits kinder for a moment. With several site
 * processes each counts on its own (the effective limit is per process); see docs/site.md.
 * Keys are hashed, so no phone number or address is kept in clear.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private lastSweep = 0;

  readonly limit: number;
  readonly windowMs: number;
  private readonly maxKeys: number;

  constructor(limit: number, windowMs: number, maxKeys = 50_000) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.maxKeys = maxKeys;
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
  allows(raw: string, now = Date.now()): boolean {
    if (this.limit <= 0) return true;
    return this.recent(this.key(raw), now).length < this.limit;
  }

  /** Counts one hit for `raw`. */
  hit(raw: string, now = Date.now()): void {
    if (this.limit <= 0) return;
    this.sweep(now);
    const key = this.key(raw);
    const list = this.recent(key, now);
    list.push(now);
    this.hits.set(key, list);
  }

  /** Counts a hit if under the limit; false (and not counted) when over it. */
  take(raw: string, now = Date.now()): boolean {
    if (!this.allows(raw, now)) return false;
    this.hit(raw, now);
    return true;
  }

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
