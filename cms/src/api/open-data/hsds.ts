// Open data: the sociale kaart as Open Referral HSDS 3.0 records. Pure functions from what the
// Document Service returns to what /api/hsds/... answers, tested without a server.
//
// Privacy rule of this module: every output field is named here; nothing is ever spread from a
// database row, so a field added to a content type (or a private one such as freshnessNotice) can
// never leak into open data by accident. Organisation contact details (e-mail, phone, WhatsApp, the
// sign-up phone) appear only when the organisation made them public (`contactPublic === true`).
import { city, days } from '@droomkaart/shared';
import { hsdsId } from './ids';
import { label, languageName } from './labels';
import { taxonomyTerm, termId, termName, type Taxonomy } from './taxonomies';
import { amsterdamDate, amsterdamOffsetMinutes, referenceDate, timeWithOffset } from './time';

export { label, languageName } from './labels';
export { taxonomyTermFilter } from './taxonomies';

export const HSDS_VERSION = '3.0';

type Day = (typeof days)[number];
type Maybe<T> = T | null | undefined;

export type SessionRow = { day: Day; startTime: string; endTime: string };
export type WijkRow = { name?: Maybe<string>; slug?: Maybe<string>; stadsdeel?: Maybe<string> };
export type PlaceRow = {
  documentId: string;
  name: string;
  address?: Maybe<string>;
  postcode?: Maybe<string>;
  lat?: Maybe<number>;
  lng?: Maybe<number>;
  accessibility?: Maybe<string[]>;
  directions?: Maybe<string>;
  updatedAt?: Maybe<string>;
  wijk?: Maybe<WijkRow>;
  organisation?: Maybe<{ documentId: string; approved?: Maybe<boolean> }>;
};
export type OrganisationRow = {
  documentId: string;
  name: string;
  description?: Maybe<string>;
  website?: Maybe<string>;
  email?: Maybe<string>;
  phone?: Maybe<string>;
  whatsapp?: Maybe<string>;
  contactPublic?: Maybe<boolean>;
  updatedAt?: Maybe<string>;
  logo?: Maybe<{ url?: Maybe<string> }>;
};
export type ThemeRow = { documentId?: string; name?: Maybe<string>; slug: string };
/** The localized text of an activity: its own locale's, or the Dutch as fallback. */
export type ActivityText = {
  title: string;
  slug: string;
  summary: string;
  description?: Maybe<string>;
  costNote?: Maybe<string>;
  whatToBring?: Maybe<string>;
  updatedAt?: Maybe<string>;
};
export type ActivityRow = ActivityText & {
  documentId: string;
  kind: string;
  offerType: string;
  audience: string;
  ageMin: number;
  ageMax: number;
  costType: string;
  price?: Maybe<number | string>;
  scheduleType: string;
  startDate?: Maybe<string>;
  endDate?: Maybe<string>;
  sessions?: Maybe<SessionRow[]>;
  languages?: Maybe<string[]>;
  accessibility?: Maybe<string[]>;
  howToJoin: string;
  joinUrl?: Maybe<string>;
  joinPhone?: Maybe<string>;
  lastReviewedAt?: Maybe<string>;
  validUntil?: Maybe<string>;
  updatedAt: string;
  organisation?: Maybe<OrganisationRow>;
  places?: Maybe<PlaceRow[]>;
  themes?: Maybe<ThemeRow[]>;
};

export type MappingContext = {
  /** The locale asked for; labels are in this language, texts where a translation exists. */
  locale: string;
  /** Public address of the site: the service `url` is the activity's page there. */
  siteUrl?: Maybe<string>;
  /** Public address of the cms, for logos stored as /uploads/... */
  mediaUrl?: Maybe<string>;
  /** Today in Amsterdam (YYYY-MM-DD): the day whose UTC offset running schedules carry. Default: now. */
  today?: Maybe<string>;
};

// Address parts that come from the city configuration (DESIGN §3), not from each place.
const MUNICIPALITY = city.municipality.name;
const COUNTRY = 'NL';
const STATE_PROVINCE = 'Flevoland';
const STADSDEEL_NAMES = new Map(city.stadsdelen.map((s) => [s.slug, s.name]));
const BYDAY: Record<Day, string> = { ma: 'MO', di: 'TU', wo: 'WE', do: 'TH', vr: 'FR', za: 'SA', zo: 'SU' };

// ---------------------------------------------------------------------------------------------
// Labels

function formatDate(isoDate: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${isoDate.slice(0, 10)}T00:00:00Z`),
    );
  } catch {
    return isoDate.slice(0, 10);
  }
}

function formatPrice(amount: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
  } catch {
    return amount.toFixed(2);
  }
}

/** "14:00:00.000" → "14:00" (HSDS opens_at/closes_at are HH:MM). */
export function shortTime(time: string): string {
  return time.slice(0, 5);
}

const text = (value: Maybe<string>): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

function price(row: Pick<ActivityRow, 'price'>): number | null {
  if (row.price === null || row.price === undefined || row.price === '') return null;
  const n = Number(row.price);
  return Number.isFinite(n) ? n : null;
}

// ---------------------------------------------------------------------------------------------
// Vocabularies as HSDS attributes / taxonomy terms, and filters by term id

function attribute(documentId: string, serviceId: string, taxonomy: Taxonomy, code: string, locale: string) {
  return {
    id: hsdsId('attribute', documentId, taxonomy, code),
    link_id: serviceId,
    link_type: taxonomy,
    link_entity: 'service',
    taxonomy_term_id: termId(taxonomy, code),
    taxonomy_term: taxonomyTerm(taxonomy, code, locale),
  };
}

function attributes(row: ActivityRow, serviceId: string, locale: string) {
  const term = (taxonomy: Taxonomy, code: string) => attribute(row.documentId, serviceId, taxonomy, code, locale);
  return [
    ...(row.themes ?? []).map((t) => term('theme', t.slug)),
    term('kind', row.kind),
    term('offer_type', row.offerType),
    term('audience', row.audience),
    term('cost_type', row.costType),
    ...(row.accessibility ?? []).map((f) => term('accessibility', f)),
  ];
}

// ---------------------------------------------------------------------------------------------
// Schedules

type Schedule = {
  id: string;
  service_id: string;
  valid_from?: string;
  valid_to?: string;
  dtstart?: string;
  until?: string;
  wkst?: string;
  freq?: 'WEEKLY';
  interval?: number;
  byday?: string;
  opens_at?: string;
  closes_at?: string;
  timezone?: number;
  description: string;
};

const dateOnly = (value: Maybe<string>) => (value ? value.slice(0, 10) : undefined);

/**
 * Pure: HSDS schedules of an activity. Weekly sessions become RRULE-style entries (freq WEEKLY,
 * byday, opens_at/closes_at), one per distinct time slot, with the period's start and end as
 * dtstart/until and valid_from/valid_to (or validUntil as valid_to when the period has no end).
 * A one-off date becomes one entry valid on that day; a period without sessions one entry with
 * its dates. Times are wall-clock times in Amsterdam, written with the UTC offset of the one-off
 * day, or for weekly entries of `today` while they run (else of their first or last day), with
 * `timezone` the same offset in hours (HSDS reads times without an offset as UTC).
 */
export function schedules(
  row: ActivityRow,
  serviceId: string,
  locale: string,
  today: string = amsterdamDate(new Date()),
): Schedule[] {
  const sessions = [...(row.sessions ?? [])].filter((s) => BYDAY[s.day]);
  const start = dateOnly(row.startDate);
  const end = dateOnly(row.endDate);
  const id = (n: number) => hsdsId('schedule', row.documentId, String(n));
  const times = (startTime: string, endTime: string, day: string) => ({
    opens_at: timeWithOffset(startTime, day),
    closes_at: timeWithOffset(endTime, day),
    timezone: amsterdamOffsetMinutes(day) / 60,
  });

  if (row.scheduleType === 'eenmalig' && start) {
    const s = sessions[0];
    const date = label(locale, 'activity.oneOff', { date: formatDate(start, locale) });
    return [
      {
        id: id(1),
        service_id: serviceId,
        valid_from: start,
        valid_to: start,
        dtstart: start,
        ...(s ? times(s.startTime, s.endTime, start) : {}),
        description: s ? `${date}, ${shortTime(s.startTime)}–${shortTime(s.endTime)}` : date,
      },
    ];
  }

  if (sessions.length > 0) {
    const slots = new Map<string, { startTime: string; endTime: string; days: Day[] }>();
    for (const s of sessions) {
      const key = `${shortTime(s.startTime)}-${shortTime(s.endTime)}`;
      const slot = slots.get(key) ?? { startTime: shortTime(s.startTime), endTime: shortTime(s.endTime), days: [] };
      if (!slot.days.includes(s.day)) slot.days.push(s.day);
      slots.set(key, slot);
    }
    const validTo = end ?? dateOnly(row.validUntil);
    return [...slots.values()]
      .sort(
        (a, b) =>
          Math.min(...a.days.map((d) => days.indexOf(d))) - Math.min(...b.days.map((d) => days.indexOf(d))) ||
          a.startTime.localeCompare(b.startTime),
      )
      .map((slot, i) => {
        const ordered = [...slot.days].sort((a, b) => days.indexOf(a) - days.indexOf(b));
        return {
          id: id(i + 1),
          service_id: serviceId,
          ...(start ? { valid_from: start, dtstart: start } : {}),
          ...(validTo ? { valid_to: validTo } : {}),
          ...(end ? { until: end } : {}),
          freq: 'WEEKLY' as const,
          interval: 1,
          wkst: 'MO',
          byday: ordered.map((d) => BYDAY[d]).join(','),
          ...times(slot.startTime, slot.endTime, referenceDate(today, start, validTo)),
          description: label(locale, 'activity.session', {
            day: ordered.map((d) => label(locale, `day.${d}`)).join(', '),
            start: slot.startTime,
            end: slot.endTime,
          }),
        };
      });
  }

  if (start || end) {
    const description =
      start && end
        ? label(locale, 'activity.period', { start: formatDate(start, locale), end: formatDate(end, locale) })
        : start
          ? label(locale, 'activity.from', { date: formatDate(start, locale) })
          : label(locale, 'activity.until', { date: formatDate(end, locale) });
    return [
      {
        id: id(1),
        service_id: serviceId,
        ...(start ? { valid_from: start, dtstart: start } : {}),
        ...(end ? { valid_to: end } : {}),
        description,
      },
    ];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// Costs

function costLabel(row: Pick<ActivityRow, 'costType' | 'price'>, locale: string): string {
  const amount = price(row);
  if (row.costType === 'betaald')
    return amount !== null
      ? label(locale, 'cost.betaald', { price: formatPrice(amount, locale) })
      : label(locale, 'cost.betaaldUnknown');
  return label(locale, `cost.${row.costType}`, {}, row.costType);
}

/** Pure: the free-text fees of an activity: what it costs, then the partner's note. */
export function feesDescription(
  row: Pick<ActivityRow, 'costType' | 'price'> & { costNote?: Maybe<string> },
  locale: string,
): string {
  return [costLabel(row, locale), text(row.costNote)].filter(Boolean).join(' ');
}

/**
 * Pure: HSDS cost options. Free and free-through-a-scheme cost the family 0 EUR; paid and
 * discounted carry the price when the partner gave one. The option names the cost type.
 */
export function costOptions(
  row: Pick<ActivityRow, 'costType' | 'price'> & { costNote?: Maybe<string> },
  documentId: string,
  locale: string,
) {
  const free = row.costType === 'gratis' || row.costType === 'gratis-via-regeling';
  const amount = free ? 0 : price(row);
  const option = termName('cost_type', row.costType, locale);
  return [
    {
      id: hsdsId('cost_option', documentId, '1'),
      service_id: hsdsId('service', documentId),
      option,
      ...(amount !== null ? { amount } : {}),
      currency: 'EUR',
      ...(text(row.costNote) ? { amount_description: text(row.costNote) } : {}),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Organisations, places, contact

/** Contact details are public only when the organisation said so; unknown means no. */
export function contactIsPublic(org: Maybe<Pick<OrganisationRow, 'contactPublic'>>): boolean {
  return org?.contactPublic === true;
}

/** A place is shown only when it has no organisation or an approved one. */
export function placeIsPublic(place: PlaceRow): boolean {
  return !place.organisation || place.organisation.approved === true;
}

function absoluteMedia(url: Maybe<string>, ctx: MappingContext): string | undefined {
  if (!url) return undefined;
  if (/^https?:\/\//.test(url)) return url;
  return ctx.mediaUrl ? `${ctx.mediaUrl.replace(/\/$/, '')}${url.startsWith('/') ? '' : '/'}${url}` : undefined;
}

type Phone = {
  id: string;
  organization_id?: string;
  service_id?: string;
  number: string;
  type: string;
  description?: string;
};

function organisationPhones(
  org: OrganisationRow,
  owner: { organization_id?: string; service_id?: string },
  /** What the phones are listed with, e.g. `organization:<documentId>`: part of their ids. */
  ownerKey: string,
): Phone[] {
  if (!contactIsPublic(org)) return [];
  const out: Phone[] = [];
  if (text(org.phone))
    out.push({ id: hsdsId('phone', ownerKey, 'phone'), ...owner, number: text(org.phone), type: 'voice' });
  if (text(org.whatsapp))
    out.push({
      id: hsdsId('phone', ownerKey, 'whatsapp'),
      ...owner,
      number: text(org.whatsapp),
      type: 'text',
      description: 'WhatsApp',
    });
  return out;
}

/** Pure: an organisation as an HSDS list item (one-to-one fields). */
export function organizationBasic(org: OrganisationRow, ctx: MappingContext) {
  const open = contactIsPublic(org);
  return {
    id: hsdsId('organization', org.documentId),
    name: org.name,
    description: text(org.description) ?? '',
    ...(open && text(org.email) ? { email: text(org.email) } : {}),
    ...(text(org.website) ? { website: text(org.website) } : {}),
    ...(absoluteMedia(org.logo?.url, ctx) ? { logo: absoluteMedia(org.logo?.url, ctx) } : {}),
  };
}

/** Pure: an organisation with its phones (when public) and its public places. */
export function organizationFull(org: OrganisationRow, places: PlaceRow[], ctx: MappingContext) {
  return {
    ...organizationBasic(org, ctx),
    phones: organisationPhones(
      org,
      { organization_id: hsdsId('organization', org.documentId) },
      `organization:${org.documentId}`,
    ),
    locations: places.filter(placeIsPublic).map((p) => location(p, ctx.locale)),
  };
}

/** Pure: a place as an HSDS physical location with its address and accessibility. */
export function location(place: PlaceRow, locale: string) {
  const id = hsdsId('location', place.documentId);
  const address = text(place.address);
  const stadsdeel = place.wijk?.stadsdeel ? STADSDEEL_NAMES.get(place.wijk.stadsdeel) : undefined;
  return {
    id,
    location_type: 'physical',
    ...(place.organisation?.documentId
      ? { organization_id: hsdsId('organization', place.organisation.documentId) }
      : {}),
    name: place.name,
    ...(text(place.directions) ? { transportation: text(place.directions) } : {}),
    ...(typeof place.lat === 'number' && typeof place.lng === 'number'
      ? { latitude: place.lat, longitude: place.lng }
      : {}),
    addresses: address
      ? [
          {
            id: hsdsId('address', place.documentId),
            location_id: id,
            address_1: address,
            ...(text(place.wijk?.name) ? { address_2: text(place.wijk?.name) } : {}),
            city: MUNICIPALITY,
            ...(stadsdeel ? { region: stadsdeel } : {}),
            state_province: STATE_PROVINCE,
            ...(text(place.postcode) ? { postal_code: text(place.postcode) } : {}),
            country: COUNTRY,
            address_type: 'physical',
          },
        ]
      : [],
    accessibility: (place.accessibility ?? []).map((f) => ({
      id: hsdsId('accessibility', place.documentId, f),
      location_id: id,
      description: label(locale, `accessibility.${f}`, {}, f),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Services

/**
 * Pure: when the service or anything shown with it last changed: the activity, the translation
 * used, its organisation and its places. `modified_after` filters on the same sources.
 */
export function lastModified(row: ActivityRow, translation?: Maybe<ActivityText>): string {
  const stamps = [
    row.updatedAt,
    translation?.updatedAt,
    row.organisation?.updatedAt,
    ...(row.places ?? []).filter(placeIsPublic).map((p) => p.updatedAt),
  ]
    .map((s) => (s ? Date.parse(s) : NaN))
    .filter((n) => Number.isFinite(n));
  return new Date(Math.max(...stamps)).toISOString();
}

function serviceUrl(texts: ActivityText, row: ActivityRow, ctx: MappingContext): string | undefined {
  if (ctx.siteUrl)
    return `${ctx.siteUrl.replace(/\/$/, '')}/${ctx.locale}/activiteiten/${encodeURIComponent(texts.slug)}`;
  return text(row.joinUrl);
}

/** Pure: an activity as an HSDS service list item (one-to-one fields and its organisation). */
export function serviceBasic(row: ActivityRow, translation: Maybe<ActivityText>, ctx: MappingContext) {
  const texts: ActivityText = translation ?? row;
  const { locale } = ctx;
  const org = row.organisation ?? null;
  const open = contactIsPublic(org);
  const join = [label(locale, `join.${row.howToJoin}`, {}, ''), text(row.joinUrl)].filter(Boolean).join(' ');
  const bring = text(texts.whatToBring);
  return {
    id: hsdsId('service', row.documentId),
    ...(org ? { organization_id: hsdsId('organization', org.documentId) } : {}),
    name: texts.title,
    description: [text(texts.summary), text(texts.description)].filter(Boolean).join('\n\n'),
    ...(serviceUrl(texts, row, ctx) ? { url: serviceUrl(texts, row, ctx) } : {}),
    ...(open && text(org?.email) ? { email: text(org?.email) } : {}),
    status: 'active',
    application_process: [join, bring ? `${label(locale, 'activity.whatToBring')} ${bring}` : '']
      .filter(Boolean)
      .join('\n'),
    fees_description: feesDescription({ costType: row.costType, price: row.price, costNote: texts.costNote }, locale),
    eligibility_description: `${label(locale, `audience.${row.audience}`, {}, row.audience)}, ${label(locale, 'activity.ages', { min: row.ageMin, max: row.ageMax })}`,
    minimum_age: row.ageMin,
    maximum_age: row.ageMax,
    ...(row.lastReviewedAt ? { assured_date: dateOnly(row.lastReviewedAt) } : {}),
    last_modified: lastModified(row, translation),
    ...(org ? { organization: organizationBasic(org, ctx) } : {}),
  };
}

/** Pure: the fully nested service of `/services/:id` (and of lists with `full=true`). */
export function serviceFull(row: ActivityRow, translation: Maybe<ActivityText>, ctx: MappingContext) {
  const texts: ActivityText = translation ?? row;
  const id = hsdsId('service', row.documentId);
  const org = row.organisation ?? null;
  const phones: Phone[] = org ? organisationPhones(org, { service_id: id }, `service:${row.documentId}`) : [];
  if (contactIsPublic(org) && text(row.joinPhone))
    phones.push({
      id: hsdsId('phone', `service:${row.documentId}`, 'join'),
      service_id: id,
      number: text(row.joinPhone),
      type: 'voice',
      description: label(ctx.locale, 'join.aanmelden'),
    });
  const places = (row.places ?? []).filter(placeIsPublic);
  return {
    ...serviceBasic(row, translation, ctx),
    phones,
    schedules: schedules(row, id, ctx.locale, ctx.today ?? undefined),
    service_at_locations: places.map((p) => serviceAtLocation(row, p, ctx.locale)),
    languages: (row.languages ?? []).map((code) => ({
      id: hsdsId('language', row.documentId, code),
      service_id: id,
      name: languageName(code, ctx.locale),
      code,
    })),
    cost_options: costOptions(
      { costType: row.costType, price: row.price, costNote: texts.costNote },
      row.documentId,
      ctx.locale,
    ),
    attributes: attributes(row, id, ctx.locale),
  };
}

/** Pure: `minimal=true` list items: the id and when it last changed. */
export function serviceMinimal(row: ActivityRow, translation: Maybe<ActivityText>) {
  return { id: hsdsId('service', row.documentId), last_modified: lastModified(row, translation) };
}

/** Pure: the id of an activity at a place. */
export const serviceAtLocationId = (activityId: string, placeId: string) =>
  hsdsId('service_at_location', activityId, placeId);

/** Pure: an activity at one of its places, with the location nested. */
export function serviceAtLocation(row: Pick<ActivityRow, 'documentId'>, place: PlaceRow, locale: string) {
  return {
    id: serviceAtLocationId(row.documentId, place.documentId),
    service_id: hsdsId('service', row.documentId),
    location_id: hsdsId('location', place.documentId),
    location: location(place, locale),
  };
}

/**
 * Pure: an item of `/service_at_locations`: the pair with its location and the service's
 * one-to-one fields, or (`full`, and `/service_at_locations/:id`) the fully nested service.
 */
export function serviceAtLocationItem(
  row: ActivityRow,
  place: PlaceRow,
  translation: Maybe<ActivityText>,
  ctx: MappingContext,
  full: boolean,
) {
  return {
    ...serviceAtLocation(row, place, ctx.locale),
    service: full ? serviceFull(row, translation, ctx) : serviceBasic(row, translation, ctx),
  };
}

// ---------------------------------------------------------------------------------------------
// Pages

/** Pure: the HSDS paged envelope. `empty` means this page has no items. */
export function page<T>(
  contents: T[],
  { total, pageNumber, perPage }: { total: number; pageNumber: number; perPage: number },
) {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
