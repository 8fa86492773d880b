import { Meilisearch, MeilisearchApiError, type Key, type Settings } from 'meilisearch';
import { INDEXER_KEY_UID, SEARCH_KEY_UID, indexName, searchSettings, type SearchDocument } from '@droomkaart/shared';

const TASK_TIMEOUT = 60_000;

export type SearchKey = { key: string; indexes: string[] };
export type IndexedVersion = { sourceUpdatedAt: number | null; fallback: boolean };

/** A rebuild under way (SearchEngine.startRebuild): add documents per locale, then finish. */
export type IndexRebuild = {
  /** Sends documents to the locale's `_next` index; does not wait for Meilisearch. */
  add: (locale: string, docs: SearchDocument[]) => void;
  /** Waits for every addition, swaps all the indexes in at once and drops the old ones. */
  finish: () => Promise<void>;
};

/** Everything the indexer does to Meilisearch, per locale index `<prefix>_<locale>`. */
export class SearchEngine {
  private client: Meilisearch;
  private readonly url: string;
  /** Only for the keys: a start-up that failed after provisioning asks again with it. */
  private readonly master: Meilisearch;
  readonly prefix: string;

  constructor(url: string, masterKey: string, prefix: string) {
    this.url = url;
    this.prefix = prefix;
    this.master = new Meilisearch({ host: url, apiKey: masterKey });
    this.client = this.master;
  }

  index(locale: string): string {
    return indexName(locale, this.prefix);
  }

  async healthy(): Promise<boolean> {
    try {
      return (await this.client.health()).status === 'available';
    } catch {
      return false;
    }
  }

  /** A key with exactly these rights; one left from an older definition is replaced. */
  private async ensureKey(uid: string, description: string, actions: string[], indexes: string[]): Promise<Key> {
    const same = (a: string[], b: string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
    try {
      const existing = await this.master.getKey(uid);
      if (same(existing.actions, actions) && same(existing.indexes, indexes)) return existing;
      await this.master.deleteKey(uid);
    } catch (err) {
      if (!(err instanceof MeilisearchApiError) || err.response?.status !== 404) throw err;
    }
    return this.master.createKey({ uid, name: description, description, actions: actions, indexes, expiresAt: null });
  }

  /**
   * Keys derive from fixed uids, so they are the same on every start. The search-only key is the
   * one the site and the browser get; it can only search activity indexes.
   */
  async provisionKeys(): Promise<{ search: SearchKey; indexer: SearchKey }> {
    const search = await this.ensureKey(
      SEARCH_KEY_UID,
      'Droomkaart site: search activities only',
      ['search'],
      ['activities_*'],
    );
    const indexer = await this.ensureKey(
      INDEXER_KEY_UID,
      'Droomkaart search-indexer',
      ['documents.*', 'indexes.*', 'settings.*', 'tasks.*', 'stats.get'],
      [
        // Not limited to activities_*: Meilisearch hides swap tasks from index-scoped keys, so the
        // indexer could not wait for its own swaps. It still has no key or dump rights.
        '*',
      ],
    );
    // Later calls use the indexer's own key; the master key is needed only to provision.
    this.client = new Meilisearch({ host: this.url, apiKey: indexer.key });
    return {
      search: { key: search.key, indexes: search.indexes },
      indexer: { key: indexer.key, indexes: indexer.indexes },
    };
  }

  private async ensureIndex(uid: string): Promise<void> {
    try {
      await this.client.getIndex(uid);
    } catch (err) {
      if (!(err instanceof MeilisearchApiError) || err.response?.status !== 404) throw err;
      await this.wait(this.client.createIndex(uid, { primaryKey: 'id' }));
    }
  }

  private async wait(promise: {
    waitTask: (o: { timeout: number; interval: number }) => Promise<{ status: string; error?: unknown; uid: number }>;
  }) {
    const task = await promise.waitTask({ timeout: TASK_TIMEOUT, interval: 25 });
    if (task.status === 'failed') throw new Error(`Meilisearch task ${task.uid} failed: ${JSON.stringify(task.error)}`);
    return task;
  }

  async prepare(locales: readonly string[]): Promise<void> {
    for (const locale of locales) {
      await this.ensureIndex(this.index(locale));
      await this.wait(this.client.index(this.index(locale)).updateSettings(searchSettings as unknown as Settings));
    }
  }

  async upsert(locale: string, docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    await this.wait(this.client.index(this.index(locale)).addDocuments(docs, { primaryKey: 'id' }));
  }

  async remove(locale: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.wait(this.client.index(this.index(locale)).deleteDocuments(ids));
  }

  /** A zero-downtime rebuild of one locale (see startRebuild). */
  async rebuild(locale: string, docs: SearchDocument[], batchSize = 5000): Promise<void> {
    const rebuild = await this.startRebuild([locale]);
    // In parts: one request must stay under Meilisearch's payload limit (100 MB).
    for (let i = 0; i < docs.length; i += batchSize) rebuild.add(locale, docs.slice(i, i + batchSize));
    await rebuild.finish();
  }

  /**
   * Zero-downtime rebuild of several locale indexes side by side: each gets a fresh
   * `<index>_next` with the settings; documents are sent as they are ready, without waiting on
   * Meilisearch in between (it batches the queued additions of one index into one run); finish()
   * waits for them all, swaps every pair in one atomic task and drops the old indexes. Searches
   * keep answering from the old indexes until the swap.
   */
  async startRebuild(locales: readonly string[]): Promise<IndexRebuild> {
    const pairs = locales.map((locale) => ({ locale, live: this.index(locale), next: `${this.index(locale)}_next` }));
    await Promise.all(pairs.map(({ live }) => this.ensureIndex(live)));
    const enqueued = (task: Promise<{ taskUid: number }>) => task.then(({ taskUid }) => taskUid);
    // Queued one after the other (Meilisearch runs its queue in order), waited for together.
    const uids: number[] = [];
    for (const { next } of pairs) {
      uids.push(await enqueued(this.client.deleteIndex(next)));
      uids.push(await enqueued(this.client.createIndex(next, { primaryKey: 'id' })));
      uids.push(await enqueued(this.client.index(next).updateSettings(searchSettings as unknown as Settings)));
    }
    // Deleting a `_next` that is not there fails harmlessly; the creation and settings must not.
    for (const [i, uid] of uids.entries()) {
      const task = await this.client.tasks.waitForTask(uid, { timeout: TASK_TIMEOUT, interval: 25 });
      if (task.status === 'failed' && i % 3 !== 0)
        throw new Error(`Meilisearch task ${task.uid} failed: ${JSON.stringify(task.error)}`);
    }
    const additions: Promise<number>[] = [];
    const nextOf = new Map(pairs.map((p) => [p.locale, p.next]));
    return {
      add: (locale, docs) => {
        const next = nextOf.get(locale);
        if (!next) throw new Error(`no rebuild started for locale ${locale}`);
        if (docs.length === 0) return;
        const task = enqueued(this.client.index(next).addDocuments(docs, { primaryKey: 'id' }));
        // Awaited in finish(); a failed request is reported there, not as an unhandled rejection.
        task.catch(() => undefined);
        additions.push(task);
      },
      finish: async () => {
        // One wait at a time: the queue runs in order, and polling every task at once would
        // only take time from Meilisearch's indexing.
        for (const uid of await Promise.all(additions)) await this.waitFor(uid, 50);
        await this.wait(
          this.client.swapIndexes(pairs.map(({ live, next }) => ({ indexes: [live, next], rename: false }))),
        );
        await Promise.all(pairs.map(({ next }) => this.wait(this.client.deleteIndex(next))));
      },
    };
  }

  private async waitFor(uid: number, interval: number): Promise<void> {
    const task = await this.client.tasks.waitForTask(uid, { timeout: TASK_TIMEOUT * 5, interval });
    if (task.status === 'failed') throw new Error(`Meilisearch task ${task.uid} failed: ${JSON.stringify(task.error)}`);
  }

  /** What reconcile compares, for every document in a locale index. */
  async listIndexed(locale: string, pageSize = 1000): Promise<Map<string, IndexedVersion>> {
    const out = new Map<string, IndexedVersion>();
    const index = this.client.index(this.index(locale));
    for (let offset = 0; ; offset += pageSize) {
      const page = await index.getDocuments<Pick<SearchDocument, 'id' | 'sourceUpdatedAt' | 'fallback'>>({
        fields: ['id', 'sourceUpdatedAt', 'fallback'],
        limit: pageSize,
        offset,
      });
      for (const d of page.results)
        out.set(String(d.id), {
          sourceUpdatedAt: typeof d.sourceUpdatedAt === 'number' ? d.sourceUpdatedAt : null,
          fallback: d.fallback === true,
        });
      if (page.results.length < pageSize) return out;
    }
  }

  /** documentIds of the activities, in any locale index, whose document shows `ref`. */
  async findByRef(ref: string, locales: readonly string[]): Promise<string[]> {
    const ids = new Set<string>();
    const filter = `refs = ${JSON.stringify(ref)}`;
    await Promise.all(
      locales.map(async (locale) => {
        const index = this.client.index(this.index(locale));
        for (let offset = 0; ; offset += 1000) {
          const page = await index.getDocuments<{ id: string }>({ filter, fields: ['id'], limit: 1000, offset });
          for (const d of page.results) ids.add(String(d.id));
          if (page.results.length < 1000) return;
        }
      }),
    );
    return [...ids];
  }

  /** The page addresses (slug, organisation slug) of documents in a locale index, for a page refresh. */
  async pagesOf(locale: string, ids: string[]): Promise<Pick<SearchDocument, 'slug' | 'organisation'>[]> {
    if (ids.length === 0) return [];
    const page = await this.client
      .index(this.index(locale))
      .getDocuments<Pick<SearchDocument, 'slug' | 'organisation'>>({
        filter: `documentId IN ${JSON.stringify(ids)}`,
        fields: ['slug', 'organisation'],
        limit: ids.length,
      });
    return page.results;
  }

  async count(locale: string): Promise<number> {
    return (await this.client.index(this.index(locale)).getStats()).numberOfDocuments;
  }
}
