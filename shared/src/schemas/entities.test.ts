import { describe, expect, it } from 'vitest';
import { ActivitySchema, activityPagePopulate, activityPopulate } from './entities.js';

const base = {
  documentId: 'd1',
  locale: 'nl',
  title: 'Zwemles',
  slug: 'zwemles',
  kind: 'cursus',
  offerType: 'ontwikkeling',
  summary: 'Leer zwemmen.',
  audience: 'kind',
  ageMin: 5,
  ageMax: 8,
  costType: 'gratis-via-regeling',
  scheduleType: 'wekelijks',
  howToJoin: 'aanmelden',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('ActivitySchema: who pays, who applies, days off', () => {
  it('reads the regelingen that pay, who applies and the exception dates', () => {
    const parsed = ActivitySchema.parse({
      ...base,
      paidBy: [
        {
          id: 7,
          documentId: 'r1',
          title: 'Zwemdiploma voor ieder kind',
          slug: 'zwemdiploma-voor-ieder-kind',
          applicant: 'intermediair',
        },
      ],
      exceptionDates: ['2026-12-19', '2026-12-26'],
    });
    expect(parsed.paidBy.map((r) => [r.slug, r.applicant])).toEqual([['zwemdiploma-voor-ieder-kind', 'intermediair']]);
    expect(parsed.exceptionDates).toEqual(['2026-12-19', '2026-12-26']);
    expect(parsed.applicant).toBeUndefined();
  });

  it('is lenient: missing or broken values never fail an activity', () => {
    const none = ActivitySchema.parse(base);
    expect(none.paidBy).toEqual([]);
    expect(none.exceptionDates).toEqual([]);
    const broken = ActivitySchema.parse({
      ...base,
      paidBy: 'x',
      exceptionDates: ['morgen', '2026-12-24', 3].slice(0, 2),
      applicant: 'buurman',
    });
    expect(broken.paidBy).toEqual([]);
    expect(broken.exceptionDates).toEqual(['2026-12-24']);
    expect(broken.applicant).toBeNull();
    expect(
      ActivitySchema.parse({ ...base, paidBy: [{ title: 'X', slug: 'x', applicant: 'iemand' }] }).paidBy[0].applicant,
    ).toBeNull();
  });

  it('populates the paying regelingen on the activity page only', () => {
    expect('paidBy' in activityPopulate).toBe(false);
    expect(activityPagePopulate.paidBy.fields).toEqual(['title', 'slug', 'applicant']);
  });
});
