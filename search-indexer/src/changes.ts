/**
 * A change key names what to bring in line: `activity:<documentId>`, or a document an activity
 * shows text of (`organisation:…`, `place:…`, `wijk:…`, `theme:…`), which stands for every
 * activity that shows it. The cms's change outbox (cms/src/change-outbox) sends them, and they are
 * what the durable queue stores.
 */
export const dependentTypes = ['organisation', 'place', 'wijk', 'theme'] as const;
export type DependentType = (typeof dependentTypes)[number];
export type ChangeType = 'activity' | DependentType;

export function changeKey(type: ChangeType, documentId: string): string {
  return `${type}:${documentId}`;
}

export function parseChangeKey(key: string): { type: ChangeType; documentId: string } | null {
  const i = key.indexOf(':');
  const type = key.slice(0, i) as ChangeType;
  if (i <= 0 || !(type === 'activity' || (dependentTypes as readonly string[]).includes(type))) return null;
  return { type, documentId: key.slice(i + 1) };
}

/** Most keys one delivery of the cms's change outbox may carry (it sends 500 by default). */
export const MAX_KEYS_PER_DELIVERY = 5000;

/**
 * Pure: the keys of a delivery from the cms's change outbox, `{ "keys": ["activity:…", …] }`, or
 * why it is refused. Every key must name an activity or a document activities show; the cms only
 * sends such keys, so anything else means a wrong sender and nothing of the delivery is queued.
 */
export function readDelivery(body: unknown): { keys: string[] } | { error: string } {
  const keys = (body as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) return { error: 'keys missing: send { "keys": ["activity:<documentId>", …] }' };
  if (keys.length > MAX_KEYS_PER_DELIVERY) return { error: `at most ${MAX_KEYS_PER_DELIVERY} keys per delivery` };
  for (const key of keys) {
    if (typeof key !== 'string' || key.length > 255 || !parseChangeKey(key) || !parseChangeKey(key)!.documentId)
      return { error: `not a change key: ${String(key).slice(0, 80)}` };
  }
  return { keys: [...new Set(keys as string[])] };
}
