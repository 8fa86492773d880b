import { readFileSync } from 'node:fs';

/**
 * When the indexer queued each activity key a delivery of the cms's change outbox brought
 * (epoch ms, oldest first), from its log line `[indexer] <time> outbox: N change(s) queued: <keys>`.
 */
export function queuedTimes(logFile: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    const m = /^\[indexer\] (\S+) outbox: \d+ change\(s\) queued: (.*)$/.exec(line);
    if (!m) continue;
    const at = Date.parse(m[1]);
    for (const key of m[2].split(' ')) {
      if (!key.startsWith('activity:')) continue;
      const id = key.slice('activity:'.length);
      out.set(id, [...(out.get(id) ?? []), at]);
    }
  }
  return out;
}

/**
 * Pure: one edit's time split in two: from `from` (epoch ms) until the indexer queued its key
 * (the way through the change outbox; below 0 when the relay delivered at commit, before the
 * admin API answered) and from there until it was findable (the indexer's sync and Meilisearch).
 */
export function splitAt(
  queued: number[] | undefined,
  from: number,
  total: number,
): { toIndexer: number; toFindable: number } | null {
  const at = queued?.find((t) => t >= from - 1000);
  return at === undefined ? null : { toIndexer: at - from, toFindable: total - (at - from) };
}
