import {
  CARD_IMAGE_FALLBACK_WIDTH,
  CARD_IMAGE_MAX_WIDTH,
  documentSchedule,
  pictureImage,
  type PictureImage,
  type SearchDocument,
} from '@droomkaart/shared';
import type { ListedActivity } from '../cms/public-api.ts';
import type { CardSource } from './card-model.ts';

export type CardHit = CardSource &
  Pick<SearchDocument, 'organisationName' | 'places'> & {
    image?: PictureImage | null;
  };

/** Pure: an activity read from the cms in the shape the catalogue's cards show (as its search document has it). */
export function cardHit({ activity, fallback }: ListedActivity): CardHit {
  return {
    title: activity.title,
    slug: activity.slug,
    summary: activity.summary,
    ageMin: activity.ageMin,
    ageMax: activity.ageMax,
    costType: activity.costType,
    price: activity.price ?? null,
    organisationName: activity.organisation?.name ?? null,
    fallback,
    kind: activity.kind,
    themes: (activity.themes ?? []).map((t) => t.slug),
    // As search-indexer's activity-to-document writes them.
    ...documentSchedule(activity),
    // As the search document has it (search-indexer cardImage): the first image, card versions only.
    image:
      (activity.images ?? [])
        .map((m) => pictureImage(m, CARD_IMAGE_MAX_WIDTH, CARD_IMAGE_FALLBACK_WIDTH))
        .find((i) => i !== null) ?? null,
    places: activity.places.map((p) => ({
      name: p.name,
      wijk: p.wijk?.slug ?? null,
      wijkName: p.wijk?.name ?? null,
      stadsdeel: p.wijk?.stadsdeel ?? null,
      lat: p.lat ?? 0,
      lng: p.lng ?? 0,
    })),
  };
}
