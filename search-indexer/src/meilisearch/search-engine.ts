import { Meilisearch, MeilisearchApiError, type Key, type Settings } from 'meilisearch';
import { INDEXER_KEY_UID, SEARCH_KEY_UID, indexName, searchSettings, type SearchDocument } from '@droomkaart/shared';

const TASK_TIMEOUT = 60_000;

export type SearchKey = { key: string; indexes: string[] };
export type IndexedVersion = { sourceUpdatedAt: number | null; fallback: boolean };

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

  /**
   * Zero-downtime rebuild of one locale: fill `<index>_next` with the settings, swap it in
   * atomically, drop the old one. Searches keep answering from the old index until the swap.
   */
  async rebuild(locale: string, docs: SearchDocument[], batchSize = 1000): Promise<void> {
    const live = this.index(locale);
    const next = `${live}_next`;
    await this.ensureIndex(live);
    await this.wait(this.client.deleteIndex(next)).catch(() => undefined);
    await this.wait(this.client.createIndex(next, { primaryKey: 'id' }));
    await this.wait(this.client.index(next).updateSettings(searchSettings as unknown as Settings));
    // Enqueue every batch, then wait for them all: Meilisearch works through its queue without
    // a round trip per batch.
    const tasks = [];
    for (let i = 0; i < docs.length; i += batchSize)
      tasks.push(this.client.index(next).addDocuments(docs.slice(i, i + batchSize), { primaryKey: 'id' }));
    for (const task of tasks) await this.wait(task);
    await this.wait(this.client.swapIndexes([{ indexes: [live, next], rename: false }]));
    await this.wait(this.client.deleteIndex(next));
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

  async count(locale: string): Promise<number> {
    return (await this.client.index(this.index(locale)).getStats()).numberOfDocuments;
  }
}
