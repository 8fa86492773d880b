import { UID } from '../content-types';

/**
 * What search shows comes from activities and the organisations, places, wijken and themes they
 * show. A change to one of those is a change key, `activity:<documentId>` or `organisation:…`,
 * `place:…`, `wijk:…`, `theme:…` (the search-indexer's `changes.ts` reads the same keys: a
 * dependent key stands for every activity that shows it). Every other content type (dreams,
 * referrals, users, audit entries, …) has no key: nothing of it is in search.
 */
export const changeTypeOf: Readonly<Record<string, ChangeType>> = {
  [UID.activity]: 'activity',
  [UID.organisation]: 'organisation',
  [UID.place]: 'place',
  [UID.wijk]: 'wijk',
  [UID.theme]: 'theme',
};

export type ChangeType = 'activity' | 'organisation' | 'place' | 'wijk' | 'theme';

export function changeKey(type: ChangeType, documentId: string): string {
  return `${type}:${documentId}`;
}

/** The Document Service actions that write. */
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/**
 * Pure: the change key a Document Service action leaves in the outbox, or null when search need
 * not hear of it. `documentId` is the one in the params, or for a create the one Strapi gave.
 */
export function changeKeyFor(
  uid: string,
  action: string,
  params: { documentId?: unknown; status?: unknown },
  documentId: string | null | undefined,
): string | null {
  const type = changeTypeOf[uid];
  if (!type || !WRITES.has(action) || !documentId) return null;
  if (type === 'activity') {
    // Saving or discarding a draft changes nothing public; publish, unpublish and delete do, and
    // so does a create or update that publishes at once.
    if ((action === 'create' || action === 'update') && params.status !== 'published') return null;
    if (action === 'discardDraft') return null;
    return changeKey(type, documentId);
  }
  // A new organisation, place, wijk or theme is not shown by any activity yet.
  if (action === 'create') return null;
  return changeKey(type, documentId);
}

export type OutboxRow = { id: number; key: string };

/**
 * Pure: the next delivery from the oldest rows. One entry per key, in the order of its oldest row
 * (so changes to one document keep their order, and a key changed five times is sent once), and
 * the ids it covers: only those rows are deleted after the indexer said yes. A row written while
 * the delivery ran has a higher id and is sent again, because the indexer may have read before it.
 */
export function nextDelivery(rows: readonly OutboxRow[]): { keys: string[]; ids: number[] } {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const row of [...rows].sort((a, b) => a.id - b.id)) {
    if (seen.has(row.key)) continue;
    seen.add(row.key);
    keys.push(row.key);
  }
  return { keys, ids: rows.map((r) => r.id) };
}

/**
 * Pure: how long to wait after `failures` failed deliveries in a row: 0.5 s doubling, at most 5 s,
 * so changes reach an indexer that is back within seconds (a refused connection costs nothing).
 */
export function retryDelayMs(failures: number, random = Math.random): number {
  const base = Math.min(5_000, 500 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.75 + random() / 2));
}
