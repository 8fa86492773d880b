import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  amsterdamToUtc,
  buildIcs,
  escapeText,
  firstWeekday,
  foldLine,
  hasCalendar,
  type CalendarActivity,
} from './ics.ts';

const place = {
  documentId: 'p1',
  name: 'Zwembad De Duinen',
  address: 'Marktplein 4',
  postcode: '1311 AB',
  lat: 52.37,
  lng: 5.21,
  wijk: null,
};

function activity(overrides: Partial<CalendarActivity> = {}): CalendarActivity {
  return {
    documentId: 'abc123',
    title: 'Zwemles; voor je A-diploma, samen',
    summary: 'Je leert zwemmen in een klein groepje.',
    scheduleType: 'wekelijks',
    startDate: null,
    endDate: null,
    validUntil: null,
    sessions: [{ day: 'za', startTime: '09:00:00.000', endTime: '10:00:00.000' }],
    places: [place],
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}

const now = new Date('2026-11-24T10:00:00Z'); // a Tuesday
const url = 'https://droomkaart.test/nl/activiteiten/zwemles';

function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return { calendar: component, events: component.getAllSubcomponents('vevent') };
}

describe('buildIcs', () => {
  it('makes a weekly recurring event in Europe/Amsterdam for each session', () => {
    const text = buildIcs({ activity: activity({ endDate: '2027-06-30' }), url, municipality: 'Almere', now })!;
    expect(text).toContain('\r\n');
    const { calendar, events } = parse(text);
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Amsterdam');
    expect(events).toHaveLength(1);
    const event = events[0];
    expect(event.getFirstPropertyValue('summary')).toBe('Zwemles; voor je A-diploma, samen');
    expect(event.getFirstPropertyValue('location')).toBe('Zwembad De Duinen, Marktplein 4, 1311 AB Almere');
    const start = event.getFirstProperty('dtstart')!;
    expect(start.getParameter('tzid')).toBe('Europe/Amsterdam');
    expect(String(start.getFirstValue())).toBe('2026-11-28T09:00:00'); // the first Saturday from now
    const rrule = event.getFirstPropertyValue('rrule') as unknown as {
      freq: string;
      parts: { BYDAY: string[] };
      until: { toString(): string };
    };
    expect(rrule.freq).toBe('WEEKLY');
    expect(rrule.parts.BYDAY).toEqual(['SA']);
    // The end of 30 June in Amsterdam (summer time) is 21:59:59 UTC.
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=SA;UNTIL=20270630T215959Z');
    expect(text).toContain('DTSTART;TZID=Europe/Amsterdam:20261128T090000');
    expect(text).toContain('DTEND;TZID=Europe/Amsterdam:20261128T100000');
  });

  it('starts weekly sessions at the first matching day of the period', () => {
    const text = buildIcs({
      activity: activity({
        scheduleType: 'periode',
        startDate: '2027-01-04',
        endDate: '2027-02-15',
        sessions: [{ day: 'wo', startTime: '14:00', endTime: '15:30' }],
      }),
      url,
      municipality: 'Almere',
      now,
    })!;
    expect(text).toContain('DTSTART;TZID=Europe/Amsterdam:20270106T140000');
    // Winter time: 23:59:59 on 15 February is 22:59:59 UTC.
    expect(text).toContain('UNTIL=20270215T225959Z');
  });

  it('leaves out the exception dates of a weekly series with EXDATE at the session time', () => {
    const text = buildIcs({
      activity: activity({
        endDate: '2027-06-30',
        exceptionDates: ['2026-12-19', '2026-12-23', '2026-12-26', '2027-01-02', '2027-07-03'],
      }),
      url,
      municipality: 'Almere',
      now,
    })!;
    // Only the Saturdays inside the series (not the Wednesday, not after the end).
    // Folded at 75 octets like every long line; unfolded it lists the three Saturdays.
    expect(text.replace(/\r\n /g, '')).toContain(
      'EXDATE;TZID=Europe/Amsterdam:20261219T090000,20261226T090000,20270102T090000\r\n',
    );
    const { events } = parse(text);
    const recurrence = events[0].getFirstProperty('exdate')!;
    expect(recurrence.getParameter('tzid')).toBe('Europe/Amsterdam');
    const expanded = new ICAL.Event(events[0]).iterator();
    const dates: string[] = [];
    for (let next = expanded.next(); next && dates.length < 6; next = expanded.next())
      dates.push(next.toString().slice(0, 10));
    expect(dates).toEqual(['2026-11-28', '2026-12-05', '2026-12-12', '2027-01-09', '2027-01-16', '2027-01-23']);
    // No exception dates: no EXDATE.
    expect(buildIcs({ activity: activity(), url, municipality: 'Almere', now })).not.toContain('EXDATE');
  });

  it('makes an all-day event for a one-off date without times', () => {
    const text = buildIcs({
      activity: activity({ scheduleType: 'eenmalig', startDate: '2027-01-09', sessions: [] }),
      url,
      municipality: 'Almere',
      now,
    })!;
    const { calendar, events } = parse(text);
    expect(calendar.getFirstSubcomponent('vtimezone')).toBeNull();
    expect(text).toContain('DTSTART;VALUE=DATE:20270109');
    expect(text).toContain('DTEND;VALUE=DATE:20270110');
    expect(events[0].getFirstPropertyValue('rrule')).toBeNull();
  });

  it('has no calendar for an ongoing activity without times or dates', () => {
    const ongoing = activity({ scheduleType: 'doorlopend', sessions: [] });
    expect(hasCalendar(ongoing)).toBe(false);
    expect(buildIcs({ activity: ongoing, url, municipality: 'Almere', now })).toBeNull();
  });

  it('escapes text and folds long lines without breaking characters', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const long = `SUMMARY:${'ي'.repeat(60)}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .map((l, i) => (i === 0 ? l : l.slice(1)))
        .join(''),
    ).toBe(long);
    const text = buildIcs({
      activity: activity({ title: 'لعب كرة القدم في ملعب الحي مع أطفال من المنطقة كل أسبوع' }),
      url,
      municipality: 'Almere',
      now,
    })!;
    expect(parse(text).events[0].getFirstPropertyValue('summary')).toBe(
      'لعب كرة القدم في ملعب الحي مع أطفال من المنطقة كل أسبوع',
    );
  });
});

describe('time helpers', () => {
  it('finds the first weekday on or after a date', () => {
    expect(firstWeekday('2026-11-24', 'di')).toBe('2026-11-24');
    expect(firstWeekday('2026-11-24', 'ma')).toBe('2026-11-30');
    expect(firstWeekday('2026-11-24', 'zo')).toBe('2026-11-29');
  });

  it('converts Amsterdam wall-clock time to UTC across daylight saving time', () => {
    expect(amsterdamToUtc('2027-01-15', '12:00:00').toISOString()).toBe('2027-01-15T11:00:00.000Z');
    expect(amsterdamToUtc('2027-07-15', '12:00').toISOString()).toBe('2027-07-15T10:00:00.000Z');
  });
});
