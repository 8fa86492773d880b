import { describe, expect, it } from 'vitest';
import type { Activity } from '@droomkaart/shared';
import { activityJsonLd, amsterdamDateTime, firstDate, offerCategory, schemaType, scriptJson } from './jsonld.ts';

const organisation = {
  documentId: 'o1',
  name: 'Zwemvereniging De Duinen (demo)',
  slug: 'zwemvereniging-de-duinen-demo',
  kind: 'sport' as const,
  email: 'info@duinen.example',
  phone: '036-5123456',
  contactPublic: true,
};

function activity(overrides: Partial<Activity> = {}): Activity {
  return {
    documentId: 'a1',
    locale: 'nl',
    title: 'Zwemles voor je A-diploma',
    slug: 'zwemles-voor-je-a-diploma',
    kind: 'cursus',
    offerType: 'ontwikkeling',
    summary: 'Je leert zwemmen in een klein groepje.',
    audience: 'kind',
    ageMin: 5,
    ageMax: 10,
    costType: 'gratis-via-regeling',
    scheduleType: 'wekelijks',
    sessions: [{ day: 'za', startTime: '09:00:00.000', endTime: '10:00:00.000' }],
    howToJoin: 'aanmelden',
    updatedAt: '2026-11-01T10:00:00.000Z',
    themes: [],
    places: [
      { documentId: 'p1', name: 'Zwembad', address: 'Marktplein 4', postcode: '1311 AB', lat: 52.37, lng: 5.21 },
    ],
    organisation,
    ...overrides,
  } as Activity;
}

const input = (a: Activity) => ({
  activity: a,
  url: 'https://x.test/nl/activiteiten/zwemles',
  inLanguage: 'nl',
  organisationUrl: 'https://x.test/nl/organisaties/duinen',
  municipality: 'Almere',
  image: 'https://x.test/illustraties/swim.svg',
  // A Wednesday.
  today: '2026-12-09',
});

describe('activityJsonLd', () => {
  it('picks the schema.org type from the kind', () => {
    expect(schemaType('cursus')).toBe('Course');
    expect(schemaType('evenement')).toBe('Event');
    expect(schemaType('activiteit')).toBe('Event');
    expect(schemaType('regeling')).toBe('Service');
    // An activity without a date or a time is no event.
    expect(schemaType('activiteit', false)).toBe('Service');
  });

  it('describes a course with its schedule, place, price, ages and provider', () => {
    const ld = activityJsonLd(input(activity())) as any;
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('Course');
    expect(ld.name).toBe('Zwemles voor je A-diploma');
    expect(ld.offers).toEqual({
      '@type': 'Offer',
      url: 'https://x.test/nl/activiteiten/zwemles',
      priceCurrency: 'EUR',
      price: 0,
      category: 'Free',
    });
    expect(ld.image).toBe('https://x.test/illustraties/swim.svg');
    expect(ld.inLanguage).toBe('nl');
    expect(ld.isAccessibleForFree).toBe(true);
    // Weekly without a start date: the first Saturday from today on.
    expect(ld.hasCourseInstance.startDate).toBe('2026-12-12');
    expect(ld.audience).toEqual({ '@type': 'PeopleAudience', suggestedMinAge: 5, suggestedMaxAge: 10 });
    expect(ld.provider).toMatchObject({
      '@type': 'Organization',
      name: 'Zwemvereniging De Duinen (demo)',
      email: 'info@duinen.example',
    });
    expect(ld.hasCourseInstance.location.address).toMatchObject({
      streetAddress: 'Marktplein 4',
      postalCode: '1311 AB',
      addressLocality: 'Almere',
    });
    expect(ld.hasCourseInstance.courseSchedule).toMatchObject({
      byDay: 'https://schema.org/Saturday',
      startTime: '09:00',
      endTime: '10:00',
      repeatFrequency: 'P1W',
    });
  });

  it('describes an event with dates and organizer, without private contact details', () => {
    const ld = activityJsonLd(
      input(
        activity({
          kind: 'evenement',
          scheduleType: 'eenmalig',
          startDate: '2027-01-09',
          sessions: [],
          costType: 'betaald',
          price: 12.5,
          organisation: { ...organisation, contactPublic: false },
        }),
      ),
    ) as any;
    expect(ld['@type']).toBe('Event');
    expect(ld.startDate).toBe('2027-01-09');
    expect(ld.endDate).toBe('2027-01-09');
    expect(ld.offers.price).toBe(12.5);
    expect(ld.offers.category).toBe('Paid');
    expect(ld.isAccessibleForFree).toBe(false);
    expect(ld.location['@type']).toBe('Place');
    expect(ld.organizer).toEqual({
      '@type': 'Organization',
      name: 'Zwemvereniging De Duinen (demo)',
      url: 'https://x.test/nl/organisaties/duinen',
    });
    expect(ld.eventSchedule).toBeUndefined();
  });

  it('describes a scheme as a service in the municipality', () => {
    const ld = activityJsonLd(input(activity({ kind: 'regeling', scheduleType: 'doorlopend', sessions: [] }))) as any;
    expect(ld['@type']).toBe('Service');
    expect(ld.areaServed).toEqual({ '@type': 'City', name: 'Almere' });
    expect(ld.provider.name).toBe('Zwemvereniging De Duinen (demo)');
    // Not properties of Service: the page's language goes on its channel, free is the price 0.
    expect(ld).not.toHaveProperty('inLanguage');
    expect(ld).not.toHaveProperty('isAccessibleForFree');
    expect(ld.availableChannel).toMatchObject({
      '@type': 'ServiceChannel',
      serviceUrl: 'https://x.test/nl/activiteiten/zwemles',
      availableLanguage: 'nl',
      serviceLocation: { '@type': 'Place', name: 'Zwembad' },
    });
    expect(ld.offers).toMatchObject({ price: 0, category: 'Free' });
    expect(ld.image).toBe('https://x.test/illustraties/swim.svg');
  });

  it('gives a weekly event a first date and its schedule the days it does not take place', () => {
    const ld = activityJsonLd(
      input(
        activity({
          kind: 'activiteit',
          startDate: '2026-09-05',
          endDate: '2027-06-26',
          exceptionDates: ['2026-12-26', '2026-08-01', '2026-12-19', '2026-12-26'],
        }),
      ),
    ) as any;
    expect(ld['@type']).toBe('Event');
    expect(ld.startDate).toBe('2026-09-05');
    expect(ld.endDate).toBe('2027-06-26');
    expect(ld.eventSchedule).toMatchObject({
      startDate: '2026-09-05',
      endDate: '2027-06-26',
      repeatFrequency: 'P1W',
      // Sorted, once each, only within the series.
      exceptDate: ['2026-12-19', '2026-12-26'],
    });
    const ongoing = activityJsonLd(input(activity({ kind: 'activiteit', startDate: null, endDate: null }))) as any;
    expect(ongoing.startDate).toBe('2026-12-12');
    expect(ongoing.eventSchedule.startDate).toBe('2026-12-12');
  });

  it('gives a one-off day with a session its times with the Amsterdam offset, and no weekly schedule', () => {
    const ld = activityJsonLd(
      input(activity({ kind: 'evenement', scheduleType: 'eenmalig', startDate: '2027-07-03' })),
    ) as any;
    expect(ld.startDate).toBe('2027-07-03T09:00:00+02:00');
    expect(ld.endDate).toBe('2027-07-03T10:00:00+02:00');
    expect(ld).not.toHaveProperty('eventSchedule');
  });

  it('offers a timeless activity as a service, never as an event without a date', () => {
    const ld = activityJsonLd(input(activity({ kind: 'activiteit', sessions: [], scheduleType: 'doorlopend' }))) as any;
    expect(ld['@type']).toBe('Service');
    expect(ld).not.toHaveProperty('startDate');
  });
});

describe('helpers', () => {
  it('name the course offer category of each cost type', () => {
    expect(offerCategory('gratis')).toBe('Free');
    expect(offerCategory('gratis-via-regeling')).toBe('Free');
    expect(offerCategory('korting')).toBe('Partially Free');
    expect(offerCategory('betaald')).toBe('Paid');
  });

  it('find the first day of a series', () => {
    expect(firstDate({ startDate: '2026-09-01', sessions: [] }, '2026-12-09')).toBe('2026-09-01');
    expect(
      firstDate(
        {
          startDate: null,
          sessions: [
            { day: 'vr', startTime: '10:00', endTime: '11:00' },
            { day: 'ma', startTime: '10:00', endTime: '11:00' },
          ],
        },
        '2026-12-09',
      ),
    ).toBe('2026-12-11');
    expect(firstDate({ startDate: null, sessions: [] }, '2026-12-09')).toBeNull();
  });

  it('write Amsterdam times with the offset of their day', () => {
    expect(amsterdamDateTime('2027-01-09', '13:00:00.000')).toBe('2027-01-09T13:00:00+01:00');
    expect(amsterdamDateTime('2027-07-03', '13:00')).toBe('2027-07-03T13:00:00+02:00');
  });

  it('serializes so no text can close the script element', () => {
    const text = scriptJson(activityJsonLd(input(activity({ title: '</script><script>alert(1)</script>' }))));
    expect(text).not.toContain('</script>');
    expect((JSON.parse(text) as { name: string }).name).toBe('</script><script>alert(1)</script>');
  });
});
