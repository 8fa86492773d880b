// schema.org JSON-LD for an activity page: pure, tested. Search engines and other tools read what an
// activity is, where, for which ages and what it costs. Contact details only when the organisation
// made them public.
import type { Activity } from '@droomkaart/shared';
import { TIME_ZONE } from './ics.ts';
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
};

/** Pure: which schema.org type fits an activity's kind. */
export function schemaType(kind: Activity['kind']): 'Event' | 'Course' | 'Service' {
  if (kind === 'cursus') return 'Course';
  if (kind === 'regeling' || kind === 'hulp-advies' || kind === 'spullen') return 'Service';
  return 'Event';
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
  return { '@type': 'Offer', url, priceCurrency: 'EUR', ...(price != null ? { price } : {}) };
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

function schedules(activity: Activity) {
  return (activity.sessions ?? []).map((s) => ({
    '@type': 'Schedule',
    byDay: `https://schema.org/${SCHEMA_DAY[s.day]}`,
    startTime: shortTime(s.startTime),
    endTime: shortTime(s.endTime),
    repeatFrequency: 'P1W',
    scheduleTimezone: TIME_ZONE,
    ...(activity.startDate ? { startDate: activity.startDate } : {}),
    ...(activity.endDate ? { endDate: activity.endDate } : {}),
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
}: JsonLdInput): Record<string, unknown> {
  const type = schemaType(activity.kind);
  const base = {
    '@context': 'https://schema.org',
    '@type': type,
    name: activity.title,
    description: activity.summary,
    url,
    inLanguage,
    audience: { '@type': 'PeopleAudience', suggestedMinAge: activity.ageMin, suggestedMaxAge: activity.ageMax },
    offers: offer(activity, url),
    isAccessibleForFree: activity.costType === 'gratis' || activity.costType === 'gratis-via-regeling',
  };
  const org = organisation(activity, organisationUrl);
  const location = one(places(activity, municipality));
  const schedule = one(schedules(activity));
  const dates = {
    ...(activity.startDate ? { startDate: activity.startDate } : {}),
    ...(activity.endDate
      ? { endDate: activity.endDate }
      : activity.scheduleType === 'eenmalig' && activity.startDate
        ? { endDate: activity.startDate }
        : {}),
  };
  const strip = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  if (type === 'Course') {
    return strip({
      ...base,
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
      ...(location ? { availableChannel: { '@type': 'ServiceChannel', serviceLocation: location } } : {}),
    });
  }
  return strip({
    ...base,
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
