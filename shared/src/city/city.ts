import { z } from 'zod';
import almere from './almere.json' with { type: 'json' };

const LatLng = z.tuple([z.number(), z.number()]);

export const EditionSchema = z.object({
  id: z.enum(['kind', 'jong']),
  name: z.string(),
  ageMin: z.number().int().min(0).max(18),
  ageMax: z.number().int().min(0).max(18),
  /** Path segment after the locale: '' for the default edition, e.g. '036' for the teen edition. */
  path: z.string(),
  colours: z.object({ primary: z.string(), accent: z.string(), surface: z.string() }),
});
export type Edition = z.infer<typeof EditionSchema>;

export const CityConfigSchema = z.object({
  municipality: z.object({
    name: z.string(),
    slug: z.string(),
    bbox: z.object({ south: z.number(), west: z.number(), north: z.number(), east: z.number() }),
  }),
  defaultLocale: z.string(),
  locales: z.array(z.string()).min(1),
  editions: z.array(EditionSchema).min(1),
  stadsdelen: z.array(
    z.object({
      name: z.string(),
      slug: z.string(),
      centroid: LatLng,
      wijken: z.array(z.object({ name: z.string(), slug: z.string(), centroid: LatLng })),
    }),
  ),
  partnersNamedInProgrammeDocuments: z.array(z.string()),
});
export type CityConfig = z.infer<typeof CityConfigSchema>;

/** The city this instance serves; validated once at import so a broken config fails loudly. */
export const city: CityConfig = CityConfigSchema.parse(almere);

export type Wijk = CityConfig['stadsdelen'][number]['wijken'][number] & { stadsdeel: string };

export const wijken: Wijk[] = city.stadsdelen.flatMap((s) => s.wijken.map((w) => ({ ...w, stadsdeel: s.slug })));

export function isInsideMunicipality(lat: number, lng: number, bbox = city.municipality.bbox): boolean {
  return lat >= bbox.south && lat <= bbox.north && lng >= bbox.west && lng <= bbox.east;
}

/** Editions whose age range overlaps [ageMin, ageMax]. */
export function editionsForAges(ageMin: number, ageMax: number): Edition['id'][] {
  return city.editions.filter((e) => ageMin <= e.ageMax && ageMax >= e.ageMin).map((e) => e.id);
}
