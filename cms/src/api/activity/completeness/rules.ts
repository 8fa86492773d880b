// How complete an activity's page is for families. Pure; the overview lists what is missing.

export type CompletenessItem =
  'photo' | 'schedule' | 'accessibility' | 'languages' | 'translations' | 'place' | 'description';

const LABELS: Record<CompletenessItem, string> = {
  photo: 'een foto',
  schedule: 'dagen en tijden of data',
  accessibility: 'toegankelijkheid',
  languages: 'de talen die jullie spreken',
  translations: 'een vertaling',
  place: 'een plek',
  description: 'een langere uitleg',
};

export function completeness(activity: {
  images?: unknown[] | null;
  scheduleType?: string | null;
  sessions?: unknown[] | null;
  startDate?: string | null;
  accessibility?: unknown[] | null;
  languages?: unknown[] | null;
  places?: unknown[] | null;
  description?: string | null;
  /** Locales this activity has text in, besides Dutch. */
  translatedLocales?: string[];
}): { score: number; missing: CompletenessItem[]; missingText: string[] } {
  const checks: [CompletenessItem, boolean][] = [
    ['photo', (activity.images?.length ?? 0) > 0],
    [
      'schedule',
      activity.scheduleType === 'doorlopend' || (activity.sessions?.length ?? 0) > 0 || Boolean(activity.startDate),
    ],
    ['accessibility', (activity.accessibility?.length ?? 0) > 0],
    ['languages', (activity.languages?.length ?? 0) > 0],
    ['translations', (activity.translatedLocales?.length ?? 0) > 0],
    ['place', (activity.places?.length ?? 0) > 0],
    ['description', (activity.description?.trim().length ?? 0) >= 40],
  ];
  const missing = checks.filter(([, ok]) => !ok).map(([item]) => item);
  return {
    score: Math.round((100 * (checks.length - missing.length)) / checks.length),
    missing,
    missingText: missing.map((m) => LABELS[m]),
  };
}
