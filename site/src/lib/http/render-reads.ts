import { AsyncLocalStorage } from 'node:async_hooks';

// Which cached cms reads a page render used (lib/cms/public-api.ts records each one), so the page cache
// (lib/http/page-cache.ts) can later ask those reads again, cheaply, and keep the page when every answer
// is still the very same value: no render when nothing the page shows has changed.

export type RecordedRead = {
  key: string;
  /** The answer the render got (a frozen value from lib/cms/cache.ts, compared by identity). */
  value: unknown;
  /** Asks the cache again (from memory while fresh; the cms when due). */
  reread: () => Promise<unknown>;
};

const current = new AsyncLocalStorage<RecordedRead[]>();

/** Runs a render, collecting the reads it makes into `reads`. */
export function recordingReads<T>(reads: RecordedRead[], render: () => Promise<T>): Promise<T> {
  return current.run(reads, render);
}

/** Called by every cached read: adds it to the render that is running, if any. */
export function recordRead(read: RecordedRead): void {
  current.getStore()?.push(read);
}

/** True when every read still gives the same value; false when one changed or failed. */
export async function readsUnchanged(reads: readonly RecordedRead[]): Promise<boolean> {
  try {
    const again = await Promise.all(reads.map((r) => r.reread()));
    return again.every((value, i) => value === reads[i].value);
  } catch {
    return false;
  }
}
