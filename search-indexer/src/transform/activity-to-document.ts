import {
  agesBetween,
  defaultLocale,
  editionsForAges,
  isInsideMunicipality,
  resources,
  wijken,
  type Activity,
  type Locale,
  type SearchDocument,
} from '@droomkaart/shared';

const stadsdeelOfWijk = new Map(wijken.map((w) => [w.slug, w.stadsdeel]));

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function toTimestamp(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/**
 * Words people type that the title may not contain: theme and kind labels in Dutch and in the
 * reader's language, so "sport" or "bijles" finds offers named otherwise.
 */
function keywordsFor(activity: Activity, locale: string): string[] {
  const labels = (lng: string) => [
    ...activity.themes.map((t) => resources[lng as Locale]?.[`theme.${t.slug}`]),
    resources[lng as Locale]?.[`kind.${activity.kind}`],
  ];
  return unique([...labels(defaultLocale), ...labels(locale)].filter((w): w is string => Boolean(w)));
}

/** The related documents whose text an activity's search document shows. */
export function referencesOf(activity: Activity): string[] {
  return unique([
    ...(activity.organisation ? [`organisation:${activity.organisation.documentId}`] : []),
    ...activity.places.flatMap((p) => [`place:${p.documentId}`, ...(p.wijk ? [`wijk:${p.wijk.documentId}`] : [])]),
    ...activity.themes.map((t) => `theme:${t.documentId}`),
  ]);
}

/** The newest `updatedAt` of the activity and the documents it shows (ms since epoch). */
export function sourceUpdatedAt(activity: Pick<Activity, 'updatedAt' | 'organisation' | 'places' | 'themes'>): number {
  const stamps = [
    activity.updatedAt,
    activity.organisation?.updatedAt,
    ...activity.places.flatMap((p) => [p.updatedAt, p.wijk?.updatedAt]),
    ...activity.themes.map((t) => t.updatedAt),
  ].map(toTimestamp);
  return Math.max(0, ...stamps.filter((t): t is number => t !== null));
}

/** Pure: one published activity, as read from the cms, to its search document in `locale`. */
export function toSearchDocument(activity: Activity, locale: string): SearchDocument {
  const places = activity.places
    .filter((p) => typeof p.lat === 'number' && typeof p.lng === 'number' && isInsideMunicipality(p.lat, p.lng))
    .map((p) => ({
      name: p.name,
      wijk: p.wijk?.slug ?? null,
      wijkName: p.wijk?.name ?? null,
      stadsdeel: p.wijk ? (stadsdeelOfWijk.get(p.wijk.slug) ?? p.wijk.stadsdeel) : null,
      lat: p.lat as number,
      lng: p.lng as number,
    }));
  const first = places[0];
  // Dutch theme names are the editors' (the cms), other languages come from the translations.
  const themeNames = activity.themes.map((t) => (locale === defaultLocale ? t.name : (resources[locale as Locale]?.[`theme.${t.slug}`] ?? t.name)));
  return {
    id: activity.documentId,
    documentId: activity.documentId,
    locale,
    fallback: activity.locale !== locale,
    title: activity.title,
    slug: activity.slug,
    summary: activity.summary,
    kind: activity.kind,
    offerType: activity.offerType,
    audience: activity.audience,
    themes: activity.themes.map((t) => t.slug),
    themeNames,
    ageMin: activity.ageMin,
    ageMax: activity.ageMax,
    ages: agesBetween(activity.ageMin, activity.ageMax),
    editions: editionsForAges(activity.ageMin, activity.ageMax),
    costType: activity.costType,
    free: activity.costType === 'gratis' || activity.costType === 'gratis-via-regeling',
    price: activity.price ?? null,
    days: unique((activity.sessions ?? []).map((s) => s.day)),
    languages: activity.languages ?? [],
    accessibility: unique([...(activity.accessibility ?? []), ...activity.places.flatMap((p) => p.accessibility ?? [])]),
    howToJoin: activity.howToJoin,
    organisation: activity.organisation?.slug ?? null,
    organisationName: activity.organisation?.name ?? null,
    places,
    wijk: unique(places.map((p) => p.wijk).filter((w): w is string => Boolean(w))),
    stadsdeel: unique(places.map((p) => p.stadsdeel).filter((s): s is string => Boolean(s))),
    ...(first ? { _geo: { lat: first.lat, lng: first.lng } } : {}),
    keywords: keywordsFor(activity, locale),
    refs: referencesOf(activity),
    lastReviewedAt: toTimestamp(activity.lastReviewedAt),
    updatedAt: toTimestamp(activity.updatedAt) ?? 0,
    sourceUpdatedAt: sourceUpdatedAt(activity),
  };
}

/**
 * The document each site locale shows for one activity: its own translation, or the Dutch text
 * flagged as fallback. Locales with neither get null (remove from that index).
 */
export function documentsPerLocale(
  versions: Partial<Record<string, Activity>>,
  siteLocales: readonly string[],
): Record<string, SearchDocument | null> {
  const out: Record<string, SearchDocument | null> = {};
  for (const locale of siteLocales) {
    const source = versions[locale] ?? versions[defaultLocale];
    out[locale] = source ? toSearchDocument(source, locale) : null;
  }
  return out;
}
