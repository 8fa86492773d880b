import type { DreamOutbox, OutboxRow } from './outbox.ts';

// Delivers the outbox to the cms: `POST /api/dreams` with the create-only intake token and the
// row id as idempotency key (the cms returns the same dream for a key it has seen, so a dream sent
// twice, after a timeout or a crash, is stored once). 201 → delivered (content erased here);
// 400 → the cms refuses the content: rejected, kept for a person, counted in /health; anything
// else (network, 5xx, 401/403 token problems) → retried with exponential backoff, for ever.
// While the cms fails, one dream at a time probes it; when it answers again, every waiting dream
// is sent at once. Logs say counts and ids, never content.

export type Outcome =
  | { kind: 'delivered'; documentId: string | null }
  | { kind: 'rejected'; reason: string }
  | { kind: 'retry'; reason: string };

/** A value of the cms's error answer as text; anything but a string or number reads as the fallback. */
const plain = (value: unknown, fallback: string): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;

/** Pure: what an answer of the cms means for a dream. */
export function classify(status: number, body: unknown): Outcome {
  const b = body as {
    data?: { documentId?: unknown };
    error?: { message?: unknown; details?: { errors?: { path?: unknown[]; message?: unknown }[] } };
  } | null;
  if (status === 200 || status === 201) {
    const id = b?.data?.documentId;
    return { kind: 'delivered', documentId: typeof id === 'string' ? id : null };
  }
  if (status === 400) {
    const fields = (b?.error?.details?.errors ?? []).map((e) => `${plain(e.path?.[0], '?')}: ${plain(e.message, '')}`);
    return {
      kind: 'rejected',
      reason: `400 ${fields.length > 0 ? fields.join('; ') : plain(b?.error?.message, 'bad request')}`,
    };
  }
  return { kind: 'retry', reason: `HTTP ${status}` };
}

/** Pure: the wait before the next try after `failures` failures in a row (with ±20 % jitter). */
export function backoffMs(failures: number, maxMs: number, random = Math.random, baseMs = 1000): number {
  const plain = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(plain * (0.8 + random() * 0.4));
}

export type DeliveryOptions = {
  cmsUrl: string;
  intakeToken: string;
  concurrency?: number;
  batchSize?: number;
  maxBackoffMs?: number;
  timeoutMs?: number;
  keepDeliveredMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
  log?: (line: string) => void;
};

export class DreamDelivery {
  private running = false;
  private stopped = false;
  private wake: (() => void) | null = null;
  private failures = 0;
  private pauseUntil = 0;
  private lastPrune = 0;
  private warnedToken = false;
  delivered = 0;
  rejected = 0;
  lastError: string | null = null;
  lastDeliveredAt: number | null = null;

  private readonly outbox: DreamOutbox;
  private readonly options: DeliveryOptions;
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private readonly log: (line: string) => void;

  constructor(outbox: DreamOutbox, options: DeliveryOptions) {
    this.outbox = outbox;
    this.options = options;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((line) => console.log(`[site] dream outbox: ${line}`));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopped = false;
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  /** A new dream is in the outbox: deliver it now, unless the cms is failing (then it waits its turn). */
  notify(): void {
    if (this.now() >= this.pauseUntil) this.wake?.();
  }

  /** True while the cms is not answering (dreams wait in the outbox). */
  get failing(): boolean {
    return this.failures > 0;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        if (this.wake === done) this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      timer.unref?.();
      this.wake = done;
    });
  }

  private async loop(): Promise<void> {
    try {
      while (!this.stopped) {
        const now = this.now();
        if (now < this.pauseUntil) {
          await this.sleep(this.pauseUntil - now);
          continue;
        }
        this.maybePrune(now);
        const rows = this.outbox.claimDue(this.failing ? 1 : (this.options.batchSize ?? 20));
        if (rows.length === 0) {
          const next = this.outbox.nextDueAt();
          await this.sleep(next === null ? 60_000 : Math.min(60_000, Math.max(50, next - this.now())));
          continue;
        }
        await this.deliverAll(rows);
      }
    } catch (err) {
      // The outbox itself failed (disk): log without content and start over after a pause.
      this.lastError = (err as Error).message;
      this.log(`worker error: ${this.lastError}; restarting in 5 s`);
      await this.sleep(5000);
      this.running = false;
      if (!this.stopped) this.start();
      return;
    }
    this.running = false;
  }

  private async deliverAll(rows: OutboxRow[]): Promise<void> {
    const queue = [...rows];
    const outcomes: Outcome[] = [];
    const workers = Array.from({ length: Math.min(this.options.concurrency ?? 4, queue.length) }, async () => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        const outcome = await this.deliverOne(row);
        outcomes.push(outcome);
        this.record(row, outcome);
      }
    });
    await Promise.all(workers);
    const retried = outcomes.filter((o) => o.kind === 'retry');
    if (retried.length > 0) {
      this.failures += 1;
      const wait = backoffMs(this.failures, this.options.maxBackoffMs ?? 60_000);
      this.pauseUntil = this.now() + wait;
      if (this.failures === 1 || this.failures % 10 === 0) {
        this.log(
          `cms not reached (${retried[0].kind === 'retry' ? retried[0].reason : ''}); ${this.outbox.stats().pending} dream(s) wait; next try in ${Math.round(wait / 1000)} s`,
        );
      }
    } else if (outcomes.some((o) => o.kind === 'delivered')) {
      if (this.failing) {
        this.log(`cms reached again after ${this.failures} failed tries; sending the waiting dreams`);
        this.outbox.expediteAll();
      }
      this.failures = 0;
      this.pauseUntil = 0;
    }
  }

  private record(row: OutboxRow, outcome: Outcome): void {
    if (outcome.kind === 'delivered') {
      this.outbox.markDelivered(row.id, outcome.documentId);
      this.delivered += 1;
      this.lastDeliveredAt = this.now();
    } else if (outcome.kind === 'rejected') {
      this.outbox.markRejected(row.id, outcome.reason);
      this.rejected += 1;
      this.log(`the cms refused dream ${row.id} (${outcome.reason}); kept as rejected for a person to look at`);
    } else {
      this.lastError = outcome.reason;
      const wait = backoffMs(this.failures + 1, this.options.maxBackoffMs ?? 60_000);
      this.outbox.markRetry(row.id, this.now() + wait, outcome.reason);
      if ((outcome.reason === 'HTTP 401' || outcome.reason === 'HTTP 403') && !this.warnedToken) {
        this.warnedToken = true;
        this.log(
          `the cms refused the intake token (${outcome.reason}): check DREAM_INTAKE_TOKEN; dreams wait in the outbox`,
        );
      }
    }
  }

  private async deliverOne(row: OutboxRow): Promise<Outcome> {
    if (!row.payload) return { kind: 'rejected', reason: 'no content in the outbox row' };
    if (!this.options.intakeToken) return { kind: 'retry', reason: 'DREAM_INTAKE_TOKEN not set' };
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(row.payload) as Record<string, unknown>;
    } catch {
      return { kind: 'rejected', reason: 'unreadable outbox row' };
    }
    try {
      const res = await this.fetch(`${this.options.cmsUrl}/api/dreams`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.intakeToken}` },
        body: JSON.stringify({ data: { ...data, channel: 'website', idempotencyKey: row.id } }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      const body = (await res.json().catch(() => null)) as unknown;
      return classify(res.status, body);
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      return { kind: 'retry', reason: e.cause?.code ?? e.name ?? 'network error' };
    }
  }

  private maybePrune(now: number): void {
    if (now - this.lastPrune < 3_600_000) return;
    this.lastPrune = now;
    const keep = this.options.keepDeliveredMs ?? 30 * 86_400_000;
    const gone = this.outbox.prune(keep);
    if (gone > 0) this.log(`forgot ${gone} delivered row(s) older than ${Math.round(keep / 86_400_000)} days`);
  }
}
