// iCalendar (RFC 5545) for an activity's schedule: pure, so it is tested without a server.
// Why not a library: `ics` writes floating or UTC times only (no TZID/VTIMEZONE), and weekly
// sessions need a TZID so 14:00 stays 14:00 in the city across daylight saving time.
import type { Activity } from '@droomkaart/shared';
import { CITY_TIME_ZONE as TIME_ZONE, cityDate as amsterdamDate, cityUtcOffsetMinutes, days } from '@droomkaart/shared';

export { TIME_ZONE, amsterdamDate };

/** Europe/Amsterdam since 1996 (EU rules): CEST from the last Sunday of March, CET from the last Sunday of October. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19810329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19961027T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const BYDAY: Record<(typeof days)[number], string> = {
  ma: 'MO',
  di: 'TU',
  wo: 'WE',
  do: 'TH',
  vr: 'FR',
  za: 'SA',
  zo: 'SU',
};

export type CalendarActivity = Pick<
  Activity,
  | 'documentId'
  | 'title'
  | 'summary'
  | 'scheduleType'
  | 'startDate'
  | 'endDate'
  | 'sessions'
  | 'validUntil'
  | 'places'
  | 'updatedAt'
> &
  Partial<Pick<Activity, 'exceptionDates'>>;

/** Pure: whether an activity has anything to put in a calendar (weekly sessions or a date). */
export function hasCalendar(activity: Pick<Activity, 'sessions' | 'startDate'>): boolean {
  return (activity.sessions?.length ?? 0) > 0 || Boolean(activity.startDate);
}

/** Text values: backslash, semicolon, comma and newlines escaped (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded (§3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDate = (isoDate: string) => isoDate.replace(/-/g, '');
const compactTime = (time: string) =>
  `${time.slice(0, 2)}${time.slice(3, 5)}${time.length >= 8 ? time.slice(6, 8) : '00'}`;
const utcStamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function addDays(isoDate: string, n: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** A wall-clock time in Amsterdam as the UTC instant (for RRULE UNTIL, which must be UTC with a TZID start). */
export function amsterdamToUtc(isoDate: string, time: string): Date {
  const naive = Date.parse(`${isoDate}T${time.slice(0, 8).padEnd(8, ':00')}Z`);
  let instant = new Date(naive - cityUtcOffsetMinutes(new Date(naive)) * 60_000);
  instant = new Date(naive - cityUtcOffsetMinutes(instant) * 60_000);
  return instant;
}

/** The first date on or after `from` that falls on a weekday ('ma'…'zo'). */
export function firstWeekday(from: string, day: (typeof days)[number]): string {
  const want = (days.indexOf(day) + 1) % 7; // JS: Sunday 0
  const have = new Date(`${from}T12:00:00Z`).getUTCDay();
  return addDays(from, (want - have + 7) % 7);
}

/**
 * EXDATE (RFC 5545 §3.8.5.1) for the exception dates that fall on a weekly session's day within
 * its series; same TZID and time as DTSTART, so the skipped instances match exactly.
 */
function exdate(
  exceptions: readonly string[],
  session: { day: (typeof days)[number]; startTime: string },
  first: string,
  until: string | null,
): string[] {
  const want = (days.indexOf(session.day) + 1) % 7; // JS: Sunday 0
  const hits = [...new Set(exceptions)]
    .filter(
      (d) =>
        /^\d{4}-\d{2}-\d{2}$/.test(d) &&
        d >= first &&
        (!until || d <= until) &&
        new Date(`${d}T12:00:00Z`).getUTCDay() === want,
    )
    .sort();
  return hits.length > 0
    ? [`EXDATE;TZID=${TIME_ZONE}:${hits.map((d) => `${compactDate(d)}T${compactTime(session.startTime)}`).join(',')}`]
    : [];
}

function location(activity: CalendarActivity, municipality: string): string | null {
  const place = activity.places[0];
  if (!place) return null;
  const town = [place.postcode, municipality].filter(Boolean).join(' ');
  return [place.name, place.address, town].filter(Boolean).join(', ');
}

export type IcsInput = {
  activity: CalendarActivity;
  /** The activity's page, written into the event. */
  url: string;
  municipality: string;
  /** When the file is made; also the first week for weekly sessions without a start date. */
  now: Date;
};

/**
 * Pure: the .ics text for an activity, or null when it has no schedule. Weekly sessions become one
 * recurring event each (RRULE WEEKLY, until the end date or validUntil); a one-off date or a period
 * without times becomes an all-day event.
 */
export function buildIcs({ activity, url, municipality, now }: IcsInput): string | null {
  if (!hasCalendar(activity)) return null;
  const common = (n: number) => {
    const where = location(activity, municipality);
    const place = activity.places[0];
    return [
      `UID:${activity.documentId}-${n}@droomkaart`,
      `DTSTAMP:${utcStamp(now)}`,
      `SUMMARY:${escapeText(activity.title)}`,
      `DESCRIPTION:${escapeText(`${activity.summary}\n${url}`)}`,
      ...(where ? [`LOCATION:${escapeText(where)}`] : []),
      ...(place?.lat != null && place?.lng != null ? [`GEO:${place.lat};${place.lng}`] : []),
      `URL:${url}`,
    ];
  };
  const events: string[][] = [];
  const sessions = activity.sessions ?? [];
  const until = activity.endDate ?? activity.validUntil ?? null;
  if (sessions.length > 0) {
    const from = activity.startDate ?? amsterdamDate(now);
    const oneOff = activity.scheduleType === 'eenmalig' && activity.startDate;
    for (const [n, s] of (oneOff ? sessions.slice(0, 1) : sessions).entries()) {
      const date = oneOff ? activity.startDate! : firstWeekday(from, s.day);
      if (!oneOff && until && date > until) continue;
      events.push([
        ...common(n),
        `DTSTART;TZID=${TIME_ZONE}:${compactDate(date)}T${compactTime(s.startTime)}`,
        `DTEND;TZID=${TIME_ZONE}:${compactDate(date)}T${compactTime(s.endTime)}`,
        ...(oneOff
          ? []
          : [
              `RRULE:FREQ=WEEKLY;BYDAY=${BYDAY[s.day]}${until ? `;UNTIL=${utcStamp(amsterdamToUtc(until, '23:59:59'))}` : ''}`,
            ]),
        ...(oneOff ? [] : exdate(activity.exceptionDates ?? [], s, date, until)),
      ]);
    }
  } else if (activity.startDate) {
    const last = activity.scheduleType === 'eenmalig' ? activity.startDate : (activity.endDate ?? activity.startDate);
    events.push([
      ...common(0),
      `DTSTART;VALUE=DATE:${compactDate(activity.startDate)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(last, 1))}`,
      'TRANSP:TRANSPARENT',
    ]);
  }
  if (events.length === 0) return null;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Droomkaart//Aanbod//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(sessions.length > 0 ? VTIMEZONE : []),
    ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
