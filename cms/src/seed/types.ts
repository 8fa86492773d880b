// Shapes of the demo data, keyed by slug so the generator stays pure; the seeder turns slugs into
// cms relations.
import type { Activity, Organisation, Place } from '@droomkaart/shared';

export type SeedOrganisation = Omit<Organisation, 'documentId'>;

export type SeedPlace = Omit<Place, 'documentId' | 'wijk'> & {
  /** Stable key within the seed (also used as a slug-like id). */
  key: string;
  /** Slug of the wijk (from the city configuration). */
  wijk: string;
  /** Slug of the organisation that owns the place. */
  organisation: string;
};

/** Text of an activity in one locale. */
export type SeedActivityText = {
  title: string;
  summary: string;
  description?: string;
  whatToBring?: string;
  costNote?: string;
};

export type SeedActivity = Omit<
  Activity,
  | 'documentId'
  | 'locale'
  | 'updatedAt'
  | 'publishedAt'
  | 'themes'
  | 'places'
  | 'organisation'
  | 'paidBy'
  | 'title'
  | 'summary'
  | 'description'
  | 'whatToBring'
  | 'costNote'
> & {
  /** Dutch (default locale) text. */
  nl: SeedActivityText;
  /** Translations present for some activities only (en, ar, tr, pl, uk). */
  translations: Partial<Record<'en' | 'ar' | 'tr' | 'pl' | 'uk', SeedActivityText>>;
  themes: string[];
  places: string[];
  organisation: string;
  /** Slugs of the regelingen that pay for it (connected after every activity exists). */
  paidBy: string[];
};

export type DemoData = {
  organisations: SeedOrganisation[];
  places: SeedPlace[];
  activities: SeedActivity[];
};
