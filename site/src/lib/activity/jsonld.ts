// schema.org JSON-LD for an activity page: pure, tested. Search engines and other tools read what an
// activity is, where, for which ages and what it costs. Contact details only when the organisation
// made them public. Every property sits on a type whose domain has it (schema.org vocabulary,
// checked against the vendored release by tests/e2e/jsonld-vocabulary.spec.ts): `inLanguage` and
// `isAccessibleForFree` on Event and Course (CreativeWork), never on Service, whose page language
// goes on its ServiceChannel (`availableLanguage`) and whose price says when it is free.
import type { Activity } from '@droomkaart/shared';
import { amsterdamDate, amsterdamToUtc, firstWeekday, TIME_ZONE } from './ics.ts';
import { shortTime } from '../format.ts';

const SCHEMA_DAY = {
  ma: 'Monday',
  di: 'Tuesday',
  wo: 'Wednesday',
  do: 'Thursday',
  vr: 'Friday',
  za: 'Saturday',
  zo: 'Sunday',
} as const;

export type JsonLdInput = {
  activity: Activity;
  url: string;
  /** Language of the text shown: the page's locale, or 'nl' for an untranslated activity. */
  inLanguage: string;
  /** The organisation's page on this site. */
  organisationUrl: string | null;
  municipality: string;
  /** Absolute URL of the page's picture: the activity's photo, else its drawing (lib/activity/illustration-image.ts). */
  image: string;
  /** Today in Amsterdam (YYYY-MM-DD), from which a weekly activity without a start date counts. Default: now. */
  today?: string;
};

/**
 * Pure: which schema.org type fits an activity's kind. An event needs a date (`startDate`): an
 * activity without a date or a session time is offered as a Service.
 */
export function schemaType(kind: Activity['kind'], timed = true): 'Event' | 'Course' | 'Service' {
  if (kind === 'cursus') return 'Course';
  if (kind === 'regeling' || kind === 'hulp-advies' || kind === 'spullen') return 'Service';
  return timed ? 'Event' : 'Service';
}

/** Pure: a wall-clock time in Amsterdam on a day as an ISO 8601 date-time with its offset, "2027-01-09T13:00:00+01:00". */
export function amsterdamDateTime(isoDate: string, time: string): string {
  const hhmm = shortTime(time);
  const minutes = (Date.parse(`${isoDate}T${hhmm}:00Z`) - amsterdamToUtc(isoDate, `${hhmm}:00`).getTime()) / 60_000;
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${isoDate}T${hhmm}:00${offset}`;
}

/** Pure: schema.org's course offer category (Free, Partially Free, Paid) of a cost type. */
export function offerCategory(costType: Activity['costType']): 'Free' | 'Partially Free' | 'Paid' {
  if (costType === 'gratis' || costType === 'gratis-via-regeling') return 'Free';
  return costType === 'korting' ? 'Partially Free' : 'Paid';
}

/**
 * Pure: the first day of an activity: its start date, else (weekly, no start date) the first
 * session day from `today` on, else null.
 */
export function firstDate(activity: Pick<Activity, 'startDate' | 'sessions'>, today: string): string | null {
  if (activity.startDate) return activity.startDate;
  const dates = (activity.sessions ?? []).map((s) => firstWeekday(today, s.day)).sort();
  return dates[0] ?? null;
}

function places(activity: Activity, municipality: string) {
  return activity.places.map((p) => ({
    '@type': 'Place',
    name: p.name,
    address: {
      '@type': 'PostalAddress',
      ...(p.address ? { streetAddress: p.address } : {}),
      ...(p.postcode ? { postalCode: p.postcode } : {}),
      addressLocality: municipality,
      addressCountry: 'NL',
    },
    ...(p.lat != null && p.lng != null
      ? { geo: { '@type': 'GeoCoordinates', latitude: p.lat, longitude: p.lng } }
      : {}),
  }));
}

function offer(activity: Activity, url: string) {
  const free = activity.costType === 'gratis' || activity.costType === 'gratis-via-regeling';
  const price = free ? 0 : (activity.price ?? null);
  return {
    '@type': 'Offer',
    url,
    priceCurrency: 'EUR',
    ...(price != null ? { price } : {}),
    category: offerCategory(activity.costType),
  };
}

function organisation(activity: Activity, organisationUrl: string | null) {
  const o = activity.organisation;
  if (!o) return undefined;
  const contact =
    o.contactPublic === true
      ? { ...(o.email ? { email: o.email } : {}), ...(o.phone ? { telephone: o.phone } : {}) }
      : {};
  return { '@type': 'Organization', name: o.name, ...(organisationUrl ? { url: organisationUrl } : {}), ...contact };
}

function schedules(activity: Activity, start: string | null) {
  const until = activity.endDate ?? activity.validUntil ?? null;
  const except = [...new Set(activity.exceptionDates ?? [])]
    .filter((d) => (!start || d >= start) && (!until || d <= until))
    .sort();
  return (activity.sessions ?? []).map((s) => ({
    '@type': 'Schedule',
    byDay: `https://schema.org/${SCHEMA_DAY[s.day]}`,
    startTime: shortTime(s.startTime),
    endTime: shortTime(s.endTime),
    repeatFrequency: 'P1W',
    scheduleTimezone: TIME_ZONE,
    ...(start ? { startDate: start } : {}),
    ...(activity.endDate ? { endDate: activity.endDate } : {}),
    ...(except.length > 0 ? { exceptDate: except } : {}),
  }));
}

const one = <T>(list: T[]): T | T[] | undefined => (list.length === 0 ? undefined : list.length === 1 ? list[0] : list);

/** Pure: the JSON-LD object of an activity page. */
export function activityJsonLd({
  activity,
  url,
  inLanguage,
  organisationUrl,
  municipality,
  image,
  today = amsterdamDate(new Date()),
}: JsonLdInput): Record<string, unknown> {
  const oneOff = activity.scheduleType === 'eenmalig' && activity.startDate;
  const start = oneOff ? activity.startDate! : firstDate(activity, today);
  const type = schemaType(activity.kind, start !== null);
  const base = {
    '@context': 'https://schema.org',
    '@type': type,
    name: activity.title,
    description: activity.summary,
    url,
    image,
    audience: { '@type': 'PeopleAudience', suggestedMinAge: activity.ageMin, suggestedMaxAge: activity.ageMax },
    offers: offer(activity, url),
  };
  // Properties of CreativeWork and Event, not of Service.
  const creative = {
    inLanguage,
    isAccessibleForFree: activity.costType === 'gratis' || activity.costType === 'gratis-via-regeling',
  };
  const org = organisation(activity, organisationUrl);
  const location = one(places(activity, municipality));
  const schedule = oneOff ? undefined : one(schedules(activity, start));
  // A one-off day with its session carries the times; a series its first and last day.
  const session = oneOff ? activity.sessions?.[0] : undefined;
  const dates = session
    ? { startDate: amsterdamDateTime(start!, session.startTime), endDate: amsterdamDateTime(start!, session.endTime) }
    : {
        ...(start ? { startDate: start } : {}),
        ...(activity.endDate ? { endDate: activity.endDate } : oneOff ? { endDate: start } : {}),
      };
  const strip = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  if (type === 'Course') {
    return strip({
      ...base,
      ...creative,
      provider: org,
      hasCourseInstance: strip({
        '@type': 'CourseInstance',
        courseMode: 'onsite',
        location,
        courseSchedule: schedule,
        ...dates,
      }),
    });
  }
  if (type === 'Service') {
    return strip({
      ...base,
      provider: org,
      areaServed: { '@type': 'City', name: municipality },
      availableChannel: strip({
        '@type': 'ServiceChannel',
        serviceUrl: url,
        availableLanguage: inLanguage,
        serviceLocation: location,
      }),
    });
  }
  return strip({
    ...base,
    ...creative,
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    eventStatus: 'https://schema.org/EventScheduled',
    ...dates,
    eventSchedule: schedule,
    location,
    organizer: org,
  });
}

/**
 * JSON for a data block, `<script type="application/ld+json">` or `"application/json"` (the map
 * page's hits): "<" escaped, so no text can close the script or open a comment in it.
 */
export function scriptJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
