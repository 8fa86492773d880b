/**
 * A change key names what to bring in line: `activity:<documentId>`, or a document an activity
 * shows text of (`organisation:…`, `place:…`, `wijk:…`, `theme:…`), which stands for every
 * activity that shows it. Keys are what the durable queue stores.
 */
export const dependentTypes = ['organisation', 'place', 'wijk', 'theme'] as const;
export type DependentType = (typeof dependentTypes)[number];
export type ChangeType = 'activity' | DependentType;

/** The cms content types whose changes reach the index, and the key type of each. */
export const contentTypeOf: Record<string, ChangeType> = {
  'api::activity.activity': 'activity',
  'api::organisation.organisation': 'organisation',
  'api::place.place': 'place',
  'api::wijk.wijk': 'wijk',
  'api::theme.theme': 'theme',
};

export function changeKey(type: ChangeType, documentId: string): string {
  return `${type}:${documentId}`;
}

export function parseChangeKey(key: string): { type: ChangeType; documentId: string } | null {
  const i = key.indexOf(':');
  const type = key.slice(0, i) as ChangeType;
  if (i <= 0 || !(type === 'activity' || (dependentTypes as readonly string[]).includes(type))) return null;
  return { type, documentId: key.slice(i + 1) };
}
