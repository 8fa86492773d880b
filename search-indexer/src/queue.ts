/**
 * Runs jobs one at a time per key, in arrival order, coalescing repeats of a key that is still
 * waiting (re-reading a document once covers every change posted before the read). In memory
 * for now; failures are retried with backoff.
 */
export class KeyedQueue {
  private waiting: string[] = [];
  private running = false;
  private failures = 0;
  lastError: string | null = null;
  lastProcessedAt: Date | null = null;

  private readonly work: (key: string) => Promise<void>;
  private readonly retryDelayMs: (attempt: number) => number;

  constructor(work: (key: string) => Promise<void>, retryDelayMs = (attempt: number) => Math.min(30_000, 250 * 2 ** attempt)) {
    this.work = work;
    this.retryDelayMs = retryDelayMs;
  }

  get length(): number {
    return this.waiting.length;
  }

  push(key: string): void {
    // Coalesce only with a job that has not started: a job already running may have read the
    // document before this change, so the key must run again.
    const pending = this.running ? this.waiting.slice(1) : this.waiting;
    if (!pending.includes(key)) this.waiting.push(key);
    void this.drain();
  }

  /** Resolves when nothing is waiting (used by tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running || this.waiting.length > 0) await new Promise((r) => setTimeout(r, 20));
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const key = this.waiting[0];
        try {
          await this.work(key);
          this.waiting.shift();
          this.failures = 0;
          this.lastError = null;
          this.lastProcessedAt = new Date();
        } catch (err) {
          this.lastError = (err as Error).message;
          console.error(`[indexer] ${key}: ${this.lastError}; retrying`);
          await new Promise((r) => setTimeout(r, this.retryDelayMs(this.failures++)));
        }
      }
    } finally {
      this.running = false;
    }
  }
}
