import { describe, expect, it } from 'vitest';
import type { Activity } from '@droomkaart/shared';
import { activityJsonLd, schemaType, scriptJson } from './jsonld.ts';

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
});

describe('activityJsonLd', () => {
  it('picks the schema.org type from the kind', () => {
    expect(schemaType('cursus')).toBe('Course');
    expect(schemaType('evenement')).toBe('Event');
    expect(schemaType('activiteit')).toBe('Event');
    expect(schemaType('regeling')).toBe('Service');
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
    });
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
  });

  it('serializes so no text can close the script element', () => {
    const text = scriptJson(activityJsonLd(input(activity({ title: '</script><script>alert(1)</script>' }))));
    expect(text).not.toContain('</script>');
    expect((JSON.parse(text) as { name: string }).name).toBe('</script><script>alert(1)</script>');
  });
});
