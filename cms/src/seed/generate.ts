// Deterministic demo data for the city (in-city.ts): organisations, places and activities. Pure (no I/O, no
// clock, no Math.random), so tests and benchmarks get the same data every time. The default 260
// activities are hand-written and distinct (templates.ts, extras.ts); beyond them, for benchmarks of
// 10,000 and 100,000 activities, they repeat as variants in other places ("Title (Wijk)").
import { accessibilityFeatures, city, days, isInsideMunicipality, wijken } from '@droomkaart/shared';
import { organisationSeeds as writtenOrganisations } from './organisations';
import { defaultTemplates as writtenTemplates } from './extras';
import { inCity, shortDistrictName } from './in-city';
import { textFor, type Template } from './templates';
import type { DemoData, SeedActivity, SeedOrganisation, SeedPlace } from './types';

const TRANSLATED_LOCALES = ['en', 'ar', 'tr', 'pl', 'uk'] as const;
const STREETS = [
  'Marktplein',
  'Schoolstraat',
  'Parkweg',
  'Sportlaan',
  'Havenkade',
  'Kerkgracht',
  'Bolderweg',
  'Muziekweg',
  'Stationsstraat',
  'Lindelaan',
  'Waterlandseweg',
  'Spoordreef',
];
const WEEKDAYS: (typeof days)[number][] = days.filter((d) => d !== 'zo');

/** mulberry32: a tiny seeded PRNG. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' en ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function isoDate(base: string, plusDays: number): string {
  const d = new Date(`${base}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d.toISOString().slice(0, 10);
}

const organisationSeeds = inCity(writtenOrganisations);
const defaultTemplates = inCity(writtenTemplates);
const shortStadsdeel = (slug: string) => shortDistrictName(city.stadsdelen.find((s) => s.slug === slug).name);

const areaCode = city.municipality.phoneAreaCode;

function buildOrganisations(): { organisations: SeedOrganisation[]; tags: Map<string, string[]> } {
  const tags = new Map<string, string[]>();
  const organisations = organisationSeeds.map((o, i) => {
    const slug = slugify(o.name);
    for (const tag of o.tags) tags.set(tag, [...(tags.get(tag) ?? []), slug]);
    return {
      name: o.name,
      slug,
      kind: o.kind,
      description: o.description,
      website: `https://example.org/${slug}`,
      email: `info@${slug}.example`,
      phone: `${areaCode}-5${String(100000 + ((i * 7919) % 899999)).slice(0, 9 - areaCode.length)}`,
      whatsapp: `+316${String(10000000 + ((i * 104729) % 89999999)).slice(0, 8)}`,
      contactPublic: true,
      allianceMember: o.allianceMember ?? false,
      subsidised: i % 5 !== 4,
      approved: true,
    } satisfies SeedOrganisation;
  });
  return { organisations, tags };
}

function buildPlaces(
  organisations: SeedOrganisation[],
  random: () => number,
): { places: SeedPlace[]; byOrganisation: Map<string, string[]> } {
  const places: SeedPlace[] = [];
  const byOrganisation = new Map<string, string[]>();
  let rotation = 0;
  const add = (orgIndex: number, wijk: (typeof wijken)[number], name: string) => {
    const org = organisations[orgIndex];
    const n = places.length;
    let lat: number;
    let lng: number;
    do {
      // Within about 300 m of the wijk's centroid, and always inside the municipality.
      lat = Number((wijk.centroid[0] + (random() - 0.5) * 0.005).toFixed(5));
      lng = Number((wijk.centroid[1] + (random() - 0.5) * 0.008).toFixed(5));
    } while (!isInsideMunicipality(lat, lng));
    const key = `${org.slug}-${wijk.slug}`;
    places.push({
      key,
      name,
      address: `${STREETS[n % STREETS.length]} ${1 + ((n * 37) % 180)}`,
      postcode: `13${String(10 + ((n * 13) % 90)).padStart(2, '0')} ${String.fromCharCode(65 + (n % 26))}${String.fromCharCode(65 + ((n * 7) % 26))}`,
      lat,
      lng,
      accessibility: accessibilityFeatures.filter((_, f) => (n + f) % 3 === 0),
      directions:
        n % 2 === 0
          ? 'Bus stopt vlakbij. Fietsenstalling bij de ingang.'
          : 'Ingang aan de achterkant, volg de bordjes.',
      wijk: wijk.slug,
      organisation: org.slug,
    });
    byOrganisation.set(org.slug, [...(byOrganisation.get(org.slug) ?? []), key]);
  };
  organisationSeeds.forEach((seed, i) => {
    if (seed.citywide) {
      // One place in every stadsdeel, each in a different wijk.
      city.stadsdelen.forEach((s, j) => {
        const wijk = wijken.filter((w) => w.stadsdeel === s.slug)[(i + j) % s.wijken.length];
        add(i, wijk, `${seed.placeName} ${j === 0 ? wijk.name : shortStadsdeel(s.slug)}`);
      });
    } else {
      // Spread the other organisations over all wijken.
      const wijk = wijken[(rotation++ * 11) % wijken.length];
      add(i, wijk, `${seed.placeName} ${wijk.name}`);
    }
  });
  return { places, byOrganisation };
}

function languagesFor(template: Template, i: number): SeedActivity['languages'] {
  if (template.languages) return template.languages;
  if (i % 7 === 0) return ['nl', 'en'];
  if (i % 11 === 0) return ['nl', 'ar'];
  if (i % 13 === 0) return ['nl', 'tr'];
  if (i % 17 === 0) return ['nl', 'pl', 'uk'];
  return ['nl'];
}

/** The Christmas holiday of the demo year (schools in regio midden). */
const CHRISTMAS_HOLIDAY = ['2026-12-19', '2027-01-03'] as const;

const christmasByDay = new Map<string, string[]>();
/** Pure: the days of the Christmas holiday a weekly session falls on (its exception dates); a fresh list each call. */
export function christmasExceptions(day: (typeof days)[number]): string[] {
  const known = christmasByDay.get(day);
  if (known) return [...known];
  const out: string[] = [];
  const want = (days.indexOf(day) + 1) % 7; // JS: Sunday 0
  for (let date: string = CHRISTMAS_HOLIDAY[0]; date <= CHRISTMAS_HOLIDAY[1]; date = isoDate(date, 1)) {
    if (new Date(`${date}T12:00:00Z`).getUTCDay() === want) out.push(date);
  }
  christmasByDay.set(day, out);
  return [...out];
}

const templateSlugs = new Map<string, string>();
/** The slug of a template's first variant (the one without a wijk in its title); memoized. */
function templateSlug(key: string): string {
  let slug = templateSlugs.get(key);
  if (slug === undefined) {
    const template = defaultTemplates.find((t) => t.key === key);
    if (!template) throw new Error(`no template '${key}'`);
    templateSlugs.set(key, (slug = slugify(template.nl.title)));
  }
  return slug;
}

function scheduleFor(
  template: Template,
  i: number,
  variant: number,
): Pick<SeedActivity, 'scheduleType' | 'startDate' | 'endDate' | 'sessions'> {
  switch (template.schedule) {
    case 'wekelijks': {
      // Variants beyond the hand-written set move to later weekdays (Sunday stays Sunday).
      const shift = (day: (typeof days)[number]) =>
        variant === 0 || day === 'zo' ? day : WEEKDAYS[(WEEKDAYS.indexOf(day) + variant) % WEEKDAYS.length];
      const sessionDays = [...new Set((template.days ?? [template.day ?? 'wo']).map(shift))];
      const [start, end] = template.time ?? ['14:00', '15:00'];
      return {
        scheduleType: 'wekelijks',
        startDate: null,
        endDate: null,
        sessions: sessionDays.map((day) => ({ day, startTime: `${start}:00.000`, endTime: `${end}:00.000` })),
      };
    }
    case 'eenmalig':
      return { scheduleType: 'eenmalig', startDate: isoDate('2027-01-09', (i * 7) % 300), endDate: null, sessions: [] };
    case 'periode': {
      const start = isoDate('2026-12-07', (i * 5) % 120);
      return { scheduleType: 'periode', startDate: start, endDate: isoDate(start, 42), sessions: [] };
    }
    default:
      return { scheduleType: 'doorlopend', startDate: null, endDate: null, sessions: [] };
  }
}

export function generateDemoData(options: { activityCount?: number; seed?: number; now?: Date } = {}): DemoData {
  const count = options.activityCount ?? 260;
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const random = prng(options.seed ?? 2017);
  const { organisations, tags } = buildOrganisations();
  const { places, byOrganisation } = buildPlaces(organisations, random);
  const placeByKey = new Map(places.map((p) => [p.key, p]));
  const wijkName = new Map(wijken.map((w) => [w.slug, w.name]));

  const activities: SeedActivity[] = [];
  for (let i = 0; i < count; i++) {
    const template = defaultTemplates[i % defaultTemplates.length];
    const variant = Math.floor(i / defaultTemplates.length);
    const pool = tags.get(template.org);
    if (!pool?.length) throw new Error(`no organisation offers '${template.org}'`);
    const organisation = template.organisation ?? pool[(variant + i) % pool.length];
    const own = byOrganisation.get(organisation);
    if (!own) throw new Error(`'${template.nl.title}': no organisation '${organisation}'`);
    const first = (variant * 3 + i) % own.length;
    const placeKeys = Array.from(
      { length: Math.min(template.placeCount ?? 1, own.length) },
      (_, n) => own[(first + n) % own.length],
    );
    const place = placeByKey.get(placeKeys[0]);
    const where = wijkName.get(place.wijk);
    const [costType, price] = template.cost;
    const title = variant === 0 ? template.nl.title : `${template.nl.title} (${where})`;
    const schedule = scheduleFor(template, i, variant);
    const translations: SeedActivity['translations'] = {};
    if (variant === 0) {
      for (const locale of TRANSLATED_LOCALES) {
        const text = textFor(template, locale);
        if (text) translations[locale] = text;
      }
    }
    activities.push({
      nl: {
        title,
        summary: template.nl.summary,
        description: `Voorbeeld: ${template.nl.summary} Heb je vragen? Bel of app gerust.`,
        whatToBring: template.nl.whatToBring,
        costNote:
          // Which regeling pays is the activity's paidBy (the page names it); the note does not name another.
          costType === 'gratis-via-regeling'
            ? 'Je hoeft niets voor te schieten. Je coördinator helpt met aanvragen.'
            : costType === 'korting'
              ? 'Met korting via de stadspas.'
              : undefined,
      },
      translations,
      slug: variant === 0 ? slugify(template.nl.title) : `${slugify(template.nl.title)}-${place.wijk}-${variant}`,
      kind: template.kind,
      offerType: template.offerType,
      audience: template.audience,
      ageMin: template.ages[0],
      ageMax: template.ages[1],
      costType,
      price: price ?? null,
      ...schedule,
      exceptionDates: template.christmasBreak
        ? [...new Set(schedule.sessions.flatMap((s) => christmasExceptions(s.day)))].sort()
        : [],
      applicant: template.applicant ?? null,
      languages: languagesFor(template, i),
      accessibility: place.accessibility ?? [],
      howToJoin: template.join,
      joinUrl: template.join === 'aanmelden' && i % 2 === 0 ? `https://example.org/${organisation}/aanmelden` : null,
      joinPhone:
        template.join === 'aanmelden' && i % 2 === 1 ? organisations.find((o) => o.slug === organisation).phone : null,
      // Reviewed up to about 8 months before the seed: fresh, reminded and stale ones, none past the
      // freshness limit yet (that hides an activity on read), so every demo activity is on the site.
      lastReviewedAt: `${isoDate(today, -((i * 11) % 250))}T10:00:00.000Z`,
      validUntil: i % 5 === 0 ? '2027-12-31' : null,
      themes: template.themes,
      places: placeKeys,
      organisation,
      paidBy: (template.paidBy ?? []).map(templateSlug),
    });
  }
  return { organisations, places, activities };
}
