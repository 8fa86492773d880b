import { city } from './city.js';
import { cityDate } from './clock.js';
import { z } from 'zod';
import data from './funding-schemes.json' with { type: 'json' };

// The funding schemes (regelingen) a referral can be paid by, as configurable data
// (funding-schemes.json, issue 18 point 5). Validated once at import, like the city file.

const MonthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD')
  .refine((v) => {
    const at = new Date(`2023-${v}T12:00:00Z`);
    return !Number.isNaN(at.getTime()) && at.toISOString().slice(5, 10) === v;
  }, 'a day every year has');

export const fundingLimitKinds = ['sport', 'cultuur', 'spullen', 'school'] as const;

export const FundingSchemeSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  name: z.string().min(2),
  /** Who applies: an intermediair (a coordinator or another professional), or the parent. */
  appliedBy: z.enum(['intermediair', 'ouder']),
  /** First day of a season (MM-DD); the season ends the day before, a year later. */
  seasonStart: MonthDay,
  /** From this day (MM-DD) in a season, the workspace lists children who need an application for the next. */
  renewalFrom: MonthDay,
  /** Yearly limits per child, in euros (example values in the demo data). */
  limits: z.array(z.object({ kind: z.enum(fundingLimitKinds), amountPerYear: z.number().positive() })).min(1),
});
export type FundingScheme = z.infer<typeof FundingSchemeSchema>;

export const FundingSchemesSchema = z.object({
  schemes: z
    .array(FundingSchemeSchema)
    .min(1)
    .refine((list) => new Set(list.map((s) => s.slug)).size === list.length, 'scheme slugs are unique'),
});

/** The schemes this instance knows; a broken file fails loudly at start. `{city}` in a name is the city's. */
export const fundingSchemes: FundingScheme[] = FundingSchemesSchema.parse(data).schemes.map((s) => ({
  ...s,
  name: s.name.replaceAll('{city}', city.municipality.name),
}));

export const fundingScheme = (slug: string): FundingScheme | undefined => fundingSchemes.find((s) => s.slug === slug);

/** Today (or a moment) as YYYY-MM-DD in Amsterdam: seasons change on a calendar day there. */
export function amsterdamDate(at: Date | string): string {
  if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
  return cityDate(typeof at === 'string' ? new Date(at) : at);
}

/**
 * Pure: the season a date falls in, as "2026-2027", for a season that starts on `seasonStart`
 * (MM-DD; 08-01 for 1 August to 31 July). A date (YYYY-MM-DD) is read as it is, a moment in Amsterdam.
 */
export function seasonOf(at: Date | string, seasonStart = '08-01'): string {
  const date = amsterdamDate(at);
  const year = Number(date.slice(0, 4));
  const first = date.slice(5) >= seasonStart ? year : year - 1;
  return `${first}-${first + 1}`;
}

/** Pure: the season after "2026-2027" ("2027-2028"); null for something that is not a season. */
export function nextSeason(season: string): string | null {
  const m = /^(\d{4})-(\d{4})$/.exec(season);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) return null;
  return `${m[2]}-${Number(m[2]) + 1}`;
}

/** Pure: whether the renewal window of a season is open on `at`: from `renewalFrom` until the season ends. */
export function renewalOpen(at: Date | string, scheme: Pick<FundingScheme, 'seasonStart' | 'renewalFrom'>): boolean {
  const date = amsterdamDate(at);
  const first = Number(seasonOf(date, scheme.seasonStart).slice(0, 4));
  // The renewal day that falls inside this season (after its start, before its end).
  const year = scheme.renewalFrom >= scheme.seasonStart ? first : first + 1;
  return date >= `${year}-${scheme.renewalFrom}`;
}
