import { z } from 'zod';
import { placesStatuses } from '../workspace/vocabularies.js';
import {
  AGE_MAX,
  AGE_MIN,
  accessibilityFeatures,
  activityKinds,
  applicants,
  audiences,
  costTypes,
  days,
  howToJoin,
  offerTypes,
  organisationKinds,
  scheduleTypes,
  spokenLanguages,
  themeSlugs,
} from '../taxonomy/vocabularies.js';
import { MediaSchema, mediaFields, type Media } from '../images/media.js';

// Entity schemas describe content as the cms REST API returns it (Strapi 5, flattened, with
// `documentId`). The cms, the indexer and the site all validate with these, so a field renamed
// in one place fails in the others' tests.

const documentId = z.string().min(1);
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const time = z.string().regex(/^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/);
const nullableText = z.string().nullish();

/**
 * A list of uploaded images; a file the schema does not accept (no size, a broken entry) is left
 * out instead of failing the whole activity.
 */
const imageList = z
  .array(z.unknown())
  .transform((list): Media[] =>
    list.flatMap((m) => {
      const parsed = MediaSchema.safeParse(m);
      return parsed.success ? [parsed.data] : [];
    }),
  )
  .nullish();

export const ThemeSchema = z.object({
  documentId,
  name: z.string().min(1),
  slug: z.enum(themeSlugs),
  icon: nullableText,
  order: z.number().int().nullish(),
  updatedAt: z.string().optional(),
});
export type Theme = z.infer<typeof ThemeSchema>;

export const WijkSchema = z.object({
  documentId,
  name: z.string().min(1),
  slug,
  stadsdeel: slug,
  lat: z.number().nullish(),
  lng: z.number().nullish(),
  updatedAt: z.string().optional(),
});
export type WijkEntity = z.infer<typeof WijkSchema>;

export const PlaceSchema = z.object({
  documentId,
  name: z.string().min(1),
  address: nullableText,
  postcode: nullableText,
  lat: z.number().nullish(),
  lng: z.number().nullish(),
  accessibility: z.array(z.enum(accessibilityFeatures)).nullish(),
  directions: nullableText,
  wijk: WijkSchema.nullish(),
  updatedAt: z.string().optional(),
});
export type Place = z.infer<typeof PlaceSchema>;

export const OrganisationSchema = z.object({
  documentId,
  name: z.string().min(1),
  slug,
  kind: z.enum(organisationKinds),
  description: nullableText,
  website: z.string().url().nullish(),
  email: z.string().email().nullish(),
  phone: nullableText,
  whatsapp: nullableText,
  contactPublic: z.boolean().nullish(),
  allianceMember: z.boolean().nullish(),
  subsidised: z.boolean().nullish(),
  approved: z.boolean().nullish(),
  updatedAt: z.string().optional(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const SessionSchema = z.object({
  day: z.enum(days),
  startTime: time,
  endTime: time,
});
export type Session = z.infer<typeof SessionSchema>;

export const ActivitySchema = z
  .object({
    documentId,
    locale: z.string(),
    title: z.string().min(1).max(120),
    slug,
    kind: z.enum(activityKinds),
    offerType: z.enum(offerTypes),
    summary: z.string().min(1).max(200),
    description: nullableText,
    audience: z.enum(audiences),
    ageMin: z.number().int().min(AGE_MIN).max(AGE_MAX),
    ageMax: z.number().int().min(AGE_MIN).max(AGE_MAX),
    costType: z.enum(costTypes),
    price: z.number().min(0).nullish(),
    costNote: nullableText,
    /** For a regeling: who applies for it. */
    applicant: z.enum(applicants).nullish().catch(null),
    /** The regelingen (activities of kind regeling) that pay for this activity; lenient for reads. */
    paidBy: z
      .array(
        z
          .object({
            documentId: z.string().optional(),
            title: z.string(),
            slug: z.string(),
            applicant: z.enum(applicants).nullish().catch(null),
          })
          .passthrough(),
      )
      .nullish()
      .catch(null)
      .transform((v) => v ?? []),
    scheduleType: z.enum(scheduleTypes),
    startDate: z.string().nullish(),
    endDate: z.string().nullish(),
    sessions: z.array(SessionSchema.extend({ id: z.number().optional() })).nullish(),
    /** Days (YYYY-MM-DD) a weekly or period activity does not take place; lenient for reads. */
    exceptionDates: z
      .array(z.string())
      .nullish()
      .catch(null)
      .transform((v) => (v ?? []).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))),
    languages: z.array(z.enum(spokenLanguages)).nullish(),
    accessibility: z.array(z.enum(accessibilityFeatures)).nullish(),
    howToJoin: z.enum(howToJoin),
    joinUrl: z.string().url().nullish(),
    joinPhone: nullableText,
    whatToBring: nullableText,
    /** Photos or illustrations; the first is the activity's picture (page and cards). */
    images: imageList,
    lastReviewedAt: z.string().nullish(),
    validUntil: z.string().nullish(),
    /** Places free (issue 18); counts as onbekend 30 days after placesConfirmedAt (effectivePlacesStatus). */
    placesStatus: z.enum(placesStatuses).nullish(),
    placesConfirmedAt: z.string().nullish(),
    updatedAt: z.string(),
    publishedAt: z.string().nullish(),
    themes: z.array(ThemeSchema).default([]),
    places: z.array(PlaceSchema).default([]),
    organisation: OrganisationSchema.nullish(),
  })
  .refine((a) => a.ageMin <= a.ageMax, { message: 'age.range', path: ['ageMax'] })
  .refine((a) => !a.startDate || !a.endDate || a.startDate <= a.endDate, {
    message: 'schedule.endBeforeStart',
    path: ['endDate'],
  });
export type Activity = z.infer<typeof ActivitySchema>;

/** The populate clause that returns an activity in the shape of ActivitySchema. */
export const activityPopulate = {
  themes: true,
  sessions: true,
  organisation: true,
  places: { populate: { wijk: true } },
  images: { fields: [...mediaFields] },
} as const;

/**
 * The activity page's populate: also the regelingen that pay for it (title, slug, who applies), only
 * those of approved organisations. Not for lists or the indexer, which do not show them.
 */
export const activityPagePopulate = {
  ...activityPopulate,
  paidBy: { fields: ['title', 'slug', 'applicant'], filters: { organisation: { approved: { $eq: true } } } },
} as const;
