/**
 * Runs document syncs in batches, in arrival order. A key that is already waiting is not added
 * twice (re-reading a document once covers every change posted before the read); a key pushed
 * while its batch runs goes into the next batch, because the running read may predate the change.
 * A failing batch is retried with backoff until it succeeds. In memory for now.
 */
export class KeyedQueue {
  private waiting: string[] = [];
  private running = false;
  private inFlight = 0;
  private failures = 0;
  private readonly work: (keys: string[]) => Promise<void>;
  private readonly retryDelayMs: (attempt: number) => number;
  private readonly batchSize: number;
  lastError: string | null = null;
  lastProcessedAt: Date | null = null;

  constructor(
    work: (keys: string[]) => Promise<void>,
    options: { retryDelayMs?: (attempt: number) => number; batchSize?: number } = {},
  ) {
    this.work = work;
    this.retryDelayMs = options.retryDelayMs ?? ((attempt) => Math.min(30_000, 250 * 2 ** attempt));
    this.batchSize = options.batchSize ?? 100;
  }

  /** Keys waiting or being processed. */
  get length(): number {
    return this.waiting.length + this.inFlight;
  }

  push(key: string): void {
    if (!this.waiting.includes(key)) this.waiting.push(key);
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
        const batch = this.waiting.splice(0, this.batchSize);
        this.inFlight = batch.length;
        try {
          await this.work(batch);
          this.failures = 0;
          this.lastError = null;
          this.lastProcessedAt = new Date();
        } catch (err) {
          this.lastError = (err as Error).message;
          console.error(`[indexer] sync of ${batch.length} document(s) failed: ${this.lastError}; retrying`);
          // Put the batch back in front, leaving out keys that were pushed again meanwhile.
          this.waiting = [...batch, ...this.waiting.filter((k) => !batch.includes(k))];
          await new Promise((r) => setTimeout(r, this.retryDelayMs(this.failures++)));
        } finally {
          this.inFlight = 0;
        }
      }
    } finally {
      this.running = false;
    }
  }
}
