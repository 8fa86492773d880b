import { z } from 'zod';
import { activityKinds, audiences, costTypes, days, offerTypes } from '../taxonomy/vocabularies.js';
import { PictureImageSchema } from '../images/media.js';
import { placesStatuses } from '../workspace/vocabularies.js';

// The search document: one activity in one locale as the indexer writes it to Meilisearch
// (index `activities_<locale>`, see settings.ts) and the site reads it back.

export const SearchDocumentSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  locale: z.string(),
  /** True when this locale has no translation and the Dutch text is shown instead. */
  fallback: z.boolean(),
  title: z.string(),
  slug: z.string(),
  summary: z.string(),
  kind: z.enum(activityKinds),
  offerType: z.enum(offerTypes),
  audience: z.enum(audiences),
  themes: z.array(z.string()),
  themeNames: z.array(z.string()),
  ageMin: z.number().int(),
  ageMax: z.number().int(),
  ages: z.array(z.number().int()),
  editions: z.array(z.string()),
  costType: z.enum(costTypes),
  free: z.boolean(),
  price: z.number().nullable(),
  days: z.array(z.enum(days)),
  /**
   * The weekly sessions for the cards' "ma, wo 15:30–16:30" (times HH:MM). Absent in documents
   * written before it existed.
   */
  sessions: z.array(z.object({ day: z.enum(days), start: z.string(), end: z.string() })).optional(),
  /** A one-off's date or a period's first and last day (YYYY-MM-DD), for the cards; else null. */
  dates: z.object({ start: z.string(), end: z.string().nullable() }).nullable().optional(),
  languages: z.array(z.string()),
  accessibility: z.array(z.string()),
  howToJoin: z.string(),
  organisation: z.string().nullable(),
  organisationName: z.string().nullable(),
  places: z.array(
    z.object({
      name: z.string(),
      wijk: z.string().nullable(),
      wijkName: z.string().nullable(),
      stadsdeel: z.string().nullable(),
      lat: z.number(),
      lng: z.number(),
    }),
  ),
  wijk: z.array(z.string()),
  stadsdeel: z.array(z.string()),
  _geo: z.object({ lat: z.number(), lng: z.number() }).optional(),
  /**
   * The activity's first image for the catalogue's cards, only the AVIF and WebP versions a small
   * card needs (see CARD_IMAGE_MAX_WIDTH), so documents stay small; null without an image.
   */
  image: PictureImageSchema.nullable(),
  keywords: z.array(z.string()),
  /**
   * The search forms of the summary's words (searchForm, normalise.ts): the catalogue sends the
   * query in that form, so a word in the summary is found in any of its forms. Absent in
   * documents written before it existed.
   */
  summaryForms: z.array(z.string()).optional(),
  /**
   * The documents this one shows text of (`organisation:<documentId>`, `place:…`, `wijk:…`,
   * `theme:…`), so a rename of any of them finds every activity to re-index.
   */
  refs: z.array(z.string()),
  lastReviewedAt: z.number().nullable(),
  /**
   * Until when the activity may be shown (ms): its freshness limit (shownUntil below). The site's
   * search filters on it at query time, so an activity past its limit leaves search results at
   * once, without a re-index. Absent in documents written before it existed.
   */
  shownUntil: z.number().optional(),
  /** Places as the provider last said (issue 18); shown to coordinators through effectivePlacesStatus. */
  placesStatus: z.enum(placesStatuses).optional(),
  placesConfirmedAt: z.number().nullable().optional(),
  updatedAt: z.number(),
  /**
   * The newest `updatedAt` of the activity and every document in `refs` (ms). Reconcile compares
   * it with the cms, so a rename missed while the indexer was down is found too.
   */
  sourceUpdatedAt: z.number(),
});
export type SearchDocument = z.infer<typeof SearchDocumentSchema>;

/**
 * The widest version of an activity's image the search documents carry (px). A card shows it at
 * about 110 CSS px (site: lib/activity/images.ts), so this covers screens up to about 5× density.
 */
export const CARD_IMAGE_MAX_WIDTH = 640;
/** The JPEG/PNG a card shows in a browser without AVIF and WebP: the smallest at least this wide. */
export const CARD_IMAGE_FALLBACK_WIDTH = 320;

type ScheduleSource = {
  scheduleType?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  sessions?: readonly { day: SearchDocument['days'][number]; startTime: string; endTime: string }[] | null;
};

/**
 * Pure: an activity's `sessions` and `dates` as its search document and its card carry them: weekly
 * times as HH:MM, and the dates only for a one-off or a period. The indexer writes them into the
 * document; the site's cards read from the cms (lib/catalogue/cards.ts) use the same.
 */
export function documentSchedule(
  activity: ScheduleSource,
): Required<Pick<SearchDocument, 'sessions'>> & Pick<SearchDocument, 'dates'> {
  return {
    sessions: (activity.sessions ?? []).map((s) => ({
      day: s.day,
      start: s.startTime.slice(0, 5),
      end: s.endTime.slice(0, 5),
    })),
    dates:
      (activity.scheduleType === 'eenmalig' || activity.scheduleType === 'periode') && activity.startDate
        ? { start: activity.startDate, end: activity.endDate ?? null }
        : null,
  };
}

/** Months without a review after which an activity is no longer shown (cms: FRESHNESS_UNPUBLISH_MONTHS). */
export const SHOWN_MONTHS_AFTER_REVIEW = 9;

/**
 * Pure: the moment (ms) an activity stops being shown: `months` after its last review, or the day
 * after its `validUntil` (YYYY-MM-DD, UTC), whichever comes first. Never reviewed: 0 (not shown).
 * The cms's freshnessState calls it "expired" from this moment on.
 */
export function shownUntil(
  activity: { lastReviewedAt?: string | Date | null; validUntil?: string | null },
  months: number = SHOWN_MONTHS_AFTER_REVIEW,
): number {
  if (!activity.lastReviewedAt) return 0;
  const reviewed = new Date(activity.lastReviewedAt);
  if (Number.isNaN(reviewed.getTime())) return 0;
  reviewed.setUTCMonth(reviewed.getUTCMonth() + months);
  const limit = reviewed.getTime();
  const valid = activity.validUntil ? Date.parse(`${activity.validUntil.slice(0, 10)}T00:00:00Z`) : NaN;
  return Number.isNaN(valid) ? limit : Math.min(limit, valid + 86_400_000);
}
