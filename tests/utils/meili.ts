import { Meilisearch } from 'meilisearch';
import type { SearchDocument } from '@droomkaart/shared';

export function meiliAdmin(url: string, masterKey: string) {
  return new Meilisearch({ host: url, apiKey: masterKey });
}

/** Polls until `predicate` holds for the documents with this documentId, or fails after timeoutMs. */
export async function waitForDocument(
  client: Meilisearch,
  index: string,
  documentId: string,
  predicate: (hits: SearchDocument[]) => boolean,
  timeoutMs = 10_000,
): Promise<SearchDocument[]> {
  const deadline = Date.now() + timeoutMs;
  let hits: SearchDocument[] = [];
  while (Date.now() < deadline) {
    try {
      const res = await client.index<SearchDocument>(index).search('', { filter: [`documentId = "${documentId}"`] });
      hits = res.hits;
      if (predicate(hits)) return hits;
    } catch {
      // index not there yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `index ${index}: condition on ${documentId} not met within ${timeoutMs} ms; last hits: ${JSON.stringify(hits.map((h) => h.title))}`,
  );
}
