import { z } from 'zod';
import { setPlaceNames } from '../search/query.js';
import { cityConfigPath, readCityFile } from './source.js';

const LatLng = z.tuple([z.number(), z.number()]);
const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower case letters, digits and hyphens');

/**
 * The site's own first path segments after the locale: an edition's path may not be one of them,
 * or its home would never be reached.
 */
export const RESERVED_EDITION_PATHS = [
  'aanmelding',
  'activiteiten',
  'actueel',
  'bijwerken',
  'droom',
  'gezin',
  'kaart',
  'organisaties',
  'privacy',
  'regelingen',
  'werkplek',
] as const;

/** The texts every edition has in every locale of the city file (`edition.<id>.<key>`). */
export const EDITION_TEXT_KEYS = [
  'name',
  'tagline',
  'intro',
  'step1',
  'step2',
  'step3',
  'dreamTitle',
  'dreamText',
] as const;

/** Pure: the WCAG contrast ratio of two colours (#rrggbb). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The contrast an edition's colours need (WCAG 2.2 AA, with room): the header's white text on the
 * primary colour, also under the current page's lighter highlight, and the dark text (#111) of the
 * letterbox button on the accent colour.
 */
export const MIN_CONTRAST = { primaryWithWhite: 6.5, accentWithText: 4.5 } as const;

export const EditionSchema = z.object({
  /** Data, not a fixed list: stored with each dream, in the edition cookie and in `?editie=`. */
  id: z.string().regex(/^[a-z][a-z0-9-]{0,19}$/, 'a short id: lower case letters, digits and hyphens'),
  name: z.string().min(1),
  /**
   * Which of the two sets of texts the edition speaks with (dream form, stories, descriptions):
   * 'kind' to children and their parents, 'jong' to teenagers themselves.
   */
  tone: z.enum(['kind', 'jong']),
  ageMin: z.number().int().min(0).max(18),
  ageMax: z.number().int().min(0).max(18),
  /** Path segment after the locale: '' for the default edition, e.g. '036' for the teen edition. */
  path: z
    .string()
    .regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/, "'' or one path segment")
    .refine((p) => !(RESERVED_EDITION_PATHS as readonly string[]).includes(p), 'a path the site uses itself'),
  colours: z.object({
    primary: z
      .string()
      .regex(/^#[0-9a-f]{6}$/i)
      .refine(
        (c) => contrastRatio(c, '#ffffff') >= MIN_CONTRAST.primaryWithWhite,
        `too light: white text on it needs a contrast of ${MIN_CONTRAST.primaryWithWhite}`,
      ),
    accent: z
      .string()
      .regex(/^#[0-9a-f]{6}$/i)
      .refine(
        (c) => contrastRatio(c, '#111111') >= MIN_CONTRAST.accentWithText,
        `too dark: dark text on it needs a contrast of ${MIN_CONTRAST.accentWithText}`,
      ),
    surface: z.string().regex(/^#[0-9a-f]{6}$/i),
  }),
});
export type Edition = z.infer<typeof EditionSchema>;
export type EditionId = Edition['id'];

export const CityConfigSchema = z
  .object({
    municipality: z.object({
      name: z.string().min(1),
      slug: Slug,
      /** The name where a locale writes it in its own script (e.g. ar, uk); the name otherwise. */
      names: z.record(z.string(), z.string().min(1)).default({}),
      /** The telephone area code of the city, for examples and demo numbers ("036"). */
      phoneAreaCode: z.string().regex(/^0\d{1,3}$/),
      bbox: z.object({ south: z.number(), west: z.number(), north: z.number(), east: z.number() }),
    }),
    defaultLocale: z.string(),
    locales: z.array(z.string()).min(1),
    editions: z.array(EditionSchema).min(1),
    stadsdelen: z
      .array(
        z.object({
          name: z.string().min(1),
          slug: Slug,
          centroid: LatLng,
          wijken: z.array(z.object({ name: z.string().min(1), slug: Slug, centroid: LatLng })).min(1),
        }),
      )
      .min(1),
    partnersNamedInProgrammeDocuments: z.array(z.string()),
    /**
     * The city's own texts per locale, added to the i18n resources: the editions' names and texts
     * (`edition.<id>.*`) and their catalogue labels (`catalogue.edition.<id>`). `{{city}}` works here too.
     */
    texts: z.record(z.string(), z.record(z.string(), z.string())),
  })
  .superRefine((c, ctx) => {
    const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path });
    const ids = c.editions.map((e) => e.id);
    if (new Set(ids).size !== ids.length) issue('edition ids must differ', ['editions']);
    const paths = c.editions.map((e) => e.path);
    if (new Set(paths).size !== paths.length) issue('edition paths must differ', ['editions']);
    if (paths.filter((p) => p === '').length !== 1) issue("exactly one edition has the path ''", ['editions']);
    c.editions.forEach((e, i) => {
      if (e.ageMin > e.ageMax) issue('ageMin is above ageMax', ['editions', i]);
    });
    const slugs = [...c.stadsdelen.map((s) => s.slug), ...c.stadsdelen.flatMap((s) => s.wijken.map((w) => w.slug))];
    const seen = new Set<string>();
    for (const s of slugs) {
      if (seen.has(s)) issue(`slug '${s}' is used twice`, ['stadsdelen']);
      seen.add(s);
    }
    const b = c.municipality.bbox;
    if (b.south >= b.north || b.west >= b.east) issue('the bounding box is empty', ['municipality', 'bbox']);
    c.stadsdelen.forEach((s, i) => {
      for (const [lat, lng] of [s.centroid, ...s.wijken.map((w) => w.centroid)])
        if (lat < b.south || lat > b.north || lng < b.west || lng > b.east)
          issue(`${s.name}: a centroid lies outside the bounding box`, ['stadsdelen', i]);
    });
    for (const locale of c.locales) {
      const texts = c.texts[locale];
      if (!texts) {
        issue(`no texts for locale '${locale}'`, ['texts']);
        continue;
      }
      for (const e of c.editions)
        for (const key of [...EDITION_TEXT_KEYS.map((k) => `edition.${e.id}.${k}`), `catalogue.edition.${e.id}`])
          if (!texts[key]) issue(`missing text '${key}'`, ['texts', locale]);
    }
  });
export type CityConfig = z.infer<typeof CityConfigSchema>;

/** Pure: a checked city configuration, or an error that says what is wrong and in which file. */
export function parseCityConfig(raw: unknown, file = 'the default city file'): CityConfig {
  const result = CityConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `  - ${i.path.join('.') || '(top)'}: ${i.message}`).join('\n');
  throw new Error(`CITY_CONFIG: ${file} is no valid city configuration:\n${problems}`);
}

/**
 * The city this instance serves: the file in CITY_CONFIG, Almere's by default. Checked once at
 * import, so a broken city file stops every package at start with what is wrong.
 */
export const city: CityConfig = parseCityConfig(readCityFile(), cityConfigPath());

// The query rewrite keeps the city's place names as typed (search/query.ts).
setPlaceNames([city.municipality.name, ...city.stadsdelen.flatMap((s) => [s.name, ...s.wijken.map((w) => w.name)])]);

/** The city's name as a locale writes it. */
export function cityName(locale: string): string {
  return city.municipality.names[locale] ?? city.municipality.name;
}

export type Wijk = CityConfig['stadsdelen'][number]['wijken'][number] & { stadsdeel: string };

export const wijken: Wijk[] = city.stadsdelen.flatMap((s) => s.wijken.map((w) => ({ ...w, stadsdeel: s.slug })));

/** The edition at the site's root (path ''); the others have a home of their own, e.g. /nl/036. */
export const defaultEdition: Edition = city.editions.find((e) => e.path === '')!;

export const editionIds: readonly EditionId[] = city.editions.map((e) => e.id);

export function isEditionId(value: unknown): value is EditionId {
  return typeof value === 'string' && editionIds.includes(value);
}

export function isInsideMunicipality(lat: number, lng: number, bbox = city.municipality.bbox): boolean {
  return lat >= bbox.south && lat <= bbox.north && lng >= bbox.west && lng <= bbox.east;
}

/** Editions whose age range overlaps [ageMin, ageMax]. */
export function editionsForAges(ageMin: number, ageMax: number): Edition['id'][] {
  return city.editions.filter((e) => ageMin <= e.ageMax && ageMax >= e.ageMin).map((e) => e.id);
}

/** An edition id as stored, or the default edition's when it names none (data from before a change of city file). */
export function editionIdOrDefault(value: unknown): EditionId {
  return isEditionId(value) ? value : defaultEdition.id;
}

/** A stadsdeel's name without the city's name in front, as people say it ("Almere Haven" → "Haven"). */
export function shortDistrictName(name: string): string {
  const prefix = `${city.municipality.name} `;
  return name.startsWith(prefix) && name.length > prefix.length ? name.slice(prefix.length) : name;
}
