import type { Core } from '@strapi/strapi';
import { cmsEnv } from '../env';
import { requireSecret } from '../utils/secrets';
import { nextDelivery, retryDelayMs, type OutboxRow } from './changes';

/** The change outbox's table (outbox.ts makes it). */
export const OUTBOX_TABLE = 'change_outbox';

/** A poll this many intervals late is read before fresh rows. */
const POLL_OVERDUE = 5;

export type RelayOptions = {
  /** The indexer's `POST /changes`. */
  url: string;
  secret: string;
  pollMs: number;
  batchSize: number;
  fetch?: typeof fetch;
};

/**
 * Delivers the change outbox to the search-indexer and deletes the rows only after the indexer
 * answered 2xx (it has then stored the keys in its durable queue). Two ways in:
 * - right after a commit, the rows that transaction wrote (handed over in memory, so a burst of
 *   edits does not wait for a read of the table, which on SQLite queues behind the editors'
 *   transactions);
 * - every `pollMs`, the oldest rows of the table: those a crash, an indexer outage or another cms
 *   instance left.
 * Each delivery sends a key once, in the order of its oldest row. A failed delivery is retried
 * with backoff (then from the table); nothing is dropped. Deleting delivered rows runs beside the
 * deliveries, off the way to search. Two cms instances may deliver the same rows at once: that is
 * harmless, because the indexer's queue merges equal keys and every sync re-reads the cms
 * (delivery is idempotent), and a row deleted twice is deleted once. So no row is claimed.
 */
class Relay {
  private running = false;
  private again = false;
  private pollDue = true;
  private lastPollAt = 0;
  private failures = 0;
  private retryAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Committed rows not yet delivered, oldest first. */
  private fresh: OutboxRow[] = [];
  /** Delivered rows still to delete. */
  private delivered = new Set<number>();
  private deleting = false;

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly options: RelayOptions,
  ) {}

  start() {
    this.timer = setInterval(() => {
      this.pollDue = true;
      this.wake();
    }, this.options.pollMs);
    this.timer.unref();
    this.wake();
  }

  stop() {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
  }

  committed(rows: OutboxRow[]) {
    // While a failed delivery waits, the next try reads the table, oldest first.
    if (Date.now() >= this.retryAt) this.fresh.push(...rows);
    this.wake();
  }

  wake() {
    if (this.stopped || Date.now() < this.retryAt) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.run();
  }

  private async run() {
    this.running = true;
    try {
      do {
        this.again = false;
        while (!this.stopped && (await this.deliverOnce()));
      } while (this.again && !this.stopped);
      if (this.failures > 0) this.strapi.log.info('[change-outbox] the indexer takes changes again');
      this.failures = 0;
      this.retryAt = 0;
    } catch (err) {
      this.failures++;
      const delay = retryDelayMs(this.failures);
      this.retryAt = Date.now() + delay;
      // Once per outage, then now and then: the poll keeps trying.
      if (this.failures === 1 || this.failures % 50 === 0)
        this.strapi.log.warn(
          `[change-outbox] delivery to the indexer failed (${this.failures}x): ${(err as Error).message}; rows kept, next try in ${delay} ms`,
        );
    } finally {
      this.running = false;
    }
  }

  /** One delivery; true when more rows may be waiting. */
  private async deliverOnce(): Promise<boolean> {
    let rows: OutboxRow[];
    let more = false;
    // Rows handed over at commit go first: reading the table waits for the database (on SQLite
    // behind every editor's open transaction, up to a second in a burst), and they need no read.
    // The table is read when nothing fresh waits, or when its poll is overdue, so rows a crash,
    // a failed delivery or another instance left are never starved by a steady stream.
    const pollOverdue = this.pollDue && Date.now() - this.lastPollAt >= POLL_OVERDUE * this.options.pollMs;
    if (this.pollDue && (this.fresh.length === 0 || pollOverdue)) {
      this.pollDue = false;
      this.lastPollAt = Date.now();
      const read = (await this.strapi.db
        .connection(OUTBOX_TABLE)
        .select('id', 'key')
        .orderBy('id')
        .limit(this.options.batchSize)) as OutboxRow[];
      more = read.length === this.options.batchSize;
      this.pollDue = more;
      // It holds the committed rows still in memory too: they go in this delivery.
      const readIds = new Set(read.map((r) => Number(r.id)));
      this.fresh = this.fresh.filter((r) => !readIds.has(r.id));
      rows = read.map((r) => ({ id: Number(r.id), key: r.key })).filter((r) => !this.delivered.has(r.id));
      if (rows.length === 0) return more || this.fresh.length > 0;
    } else if (this.fresh.length > 0) {
      rows = this.fresh.splice(0, this.options.batchSize);
    } else return false;
    const { keys, ids } = nextDelivery(rows);
    const post = () =>
      (this.options.fetch ?? fetch)(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.secret}` },
        body: JSON.stringify({ keys }),
        signal: AbortSignal.timeout(10_000),
      });
    try {
      // A kept-alive connection the indexer just closed fails at once ("fetch failed"): one
      // immediate second try on a new connection, before any backoff.
      const res = await post().catch((err: Error) => (err.name === 'TypeError' ? post() : Promise.reject(err)));
      if (!res.ok) throw new Error(`the indexer answered ${res.status}`);
    } catch (err) {
      // The rows are in the table: the next try reads them from there.
      this.fresh = [];
      this.pollDue = true;
      throw err;
    }
    for (const id of ids) this.delivered.add(id);
    void this.deleteDelivered();
    return more || this.pollDue || this.fresh.length > 0;
  }

  /** Deletes delivered rows; a failure keeps them for the next round (they are not sent again meanwhile). */
  private async deleteDelivered() {
    if (this.deleting) return;
    this.deleting = true;
    try {
      while (this.delivered.size > 0) {
        const ids = [...this.delivered].slice(0, 500);
        await this.strapi.db.connection(OUTBOX_TABLE).whereIn('id', ids).del();
        for (const id of ids) this.delivered.delete(id);
      }
    } catch (err) {
      this.strapi.log.warn(`[change-outbox] delivered rows not deleted yet: ${(err as Error).message}`);
    } finally {
      this.deleting = false;
    }
  }
}

let relay: Relay | null = null;

/** After a commit that wrote outbox rows: deliver them now rather than at the next poll. */
export function committed(rows: OutboxRow[]): void {
  relay?.committed(rows);
}

/** Pure: the relay's settings from the environment, or why it cannot run. */
export function relayOptions(
  env: Record<string, string | undefined>,
  secret: string,
): RelayOptions | { error: string } {
  const base = env.INDEXER_URL;
  if (!base || !secret) return { error: 'INDEXER_URL or INDEXER_WEBHOOK_SECRET not set: changes wait in the outbox.' };
  const number = (v: string | undefined, fallback: number) => (v?.trim() ? Number(v) : fallback);
  return {
    url: new URL('/changes', base).toString(),
    secret,
    pollMs: Math.round(number(env.CHANGE_OUTBOX_POLL_SECONDS, 1) * 1000),
    batchSize: Math.max(1, Math.round(number(env.CHANGE_OUTBOX_BATCH_SIZE, 500))),
  };
}

/**
 * At bootstrap: starts this instance's relay, and removes the Strapi webhook older versions
 * kept to the indexer (it would post every change a second time, and the indexer no longer
 * answers it).
 */
export async function startRelay(strapi: Core.Strapi): Promise<void> {
  await removeOldWebhook(strapi);
  const secret = requireSecret((name) => cmsEnv()[name] ?? '', 'INDEXER_WEBHOOK_SECRET');
  const options = relayOptions(cmsEnv(), secret);
  if ('error' in options) {
    strapi.log.warn(options.error);
    return;
  }
  relay?.stop();
  relay = new Relay(strapi, options);
  relay.start();
}

export function stopRelay(): void {
  relay?.stop();
  relay = null;
}

async function removeOldWebhook(strapi: Core.Strapi) {
  const store = strapi.get('webhookStore');
  const runner = strapi.get('webhookRunner');
  for (const webhook of await store.findWebhooks()) {
    if (webhook.name !== 'search-indexer') continue;
    runner.remove(webhook);
    await store.deleteWebhook(webhook.id);
    strapi.log.info('[change-outbox] removed the old search-indexer webhook: changes go through the outbox');
  }
}
