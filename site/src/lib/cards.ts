import type { SearchDocument } from '@droomkaart/shared';
import type { ListedActivity } from './cms.ts';

export type CardHit = Pick<SearchDocument, 'title' | 'slug' | 'summary' | 'ageMin' | 'ageMax' | 'costType' | 'price' | 'places' | 'organisationName' | 'fallback'>;

/** Pure: an activity read from the cms in the shape the catalogue's cards show. */
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
    places: activity.places.map((p) => ({ name: p.name, wijk: p.wijk?.slug ?? null, wijkName: p.wijk?.name ?? null, stadsdeel: p.wijk?.stadsdeel ?? null, lat: p.lat ?? 0, lng: p.lng ?? 0 })),
  };
}
