import { describe, expect, it } from 'vitest';
import { activityProblems, exceptionDateProblems, isRealDate, organisationProblems, placeProblems } from './rules';

const valid = {
  summary: 'Je leert zwemmen.',
  ageMin: 5,
  ageMax: 10,
  costType: 'gratis',
  scheduleType: 'wekelijks',
  sessions: [{ day: 'wo', startTime: '14:00:00.000', endTime: '15:00:00.000' }],
};
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('activityProblems', () => {
  it('accepts a complete activity', () => {
    expect(activityProblems(valid)).toEqual([]);
  });

  it('asks for an easy-Dutch summary of at most 200 characters', () => {
    expect(activityProblems({ ...valid, summary: '  ' })[0]).toMatchObject({
      field: 'summary',
      message: expect.stringContaining('verplicht'),
    });
    expect(activityProblems({ ...valid, summary: 'x'.repeat(201) })[0].message).toContain('Nu zijn het er 201');
  });

  it('keeps ages within 0–18 and in order, pointing parents to the audience field', () => {
    expect(fields(activityProblems({ ...valid, ageMin: -1 }))).toEqual(['ageMin']);
    expect(activityProblems({ ...valid, ageMax: 40, audience: 'ouder' })[0].message).toContain('voor ouders');
    expect(fields(activityProblems({ ...valid, ageMin: 12, ageMax: 8 }))).toEqual(['ageMax']);
  });

  it('checks schedules, prices and links', () => {
    expect(fields(activityProblems({ ...valid, startDate: '2027-03-01', endDate: '2027-02-01' }))).toEqual(['endDate']);
    expect(fields(activityProblems({ ...valid, sessions: [{ startTime: '15:00', endTime: '14:00' }] }))).toEqual([
      'sessions.0.endTime',
    ]);
    expect(fields(activityProblems({ ...valid, sessions: [] }))).toEqual(['sessions']);
    expect(fields(activityProblems({ ...valid, scheduleType: 'eenmalig', sessions: [] }))).toEqual(['startDate']);
    expect(fields(activityProblems({ ...valid, price: -5 }))).toEqual(['price']);
    expect(fields(activityProblems({ ...valid, costType: 'betaald' }))).toEqual(['price']);
    expect(fields(activityProblems({ ...valid, joinUrl: 'javascript:alert(1)', joinPhone: 'bel me' }))).toEqual([
      'joinUrl',
      'joinPhone',
    ]);
    expect(activityProblems({ ...valid, joinUrl: 'https://example.org/aanmelden', joinPhone: '036-5123456' })).toEqual(
      [],
    );
  });
});

describe('exceptionDateProblems', () => {
  it('accepts none, or real days that are sorted and unique', () => {
    expect(exceptionDateProblems(undefined)).toEqual([]);
    expect(exceptionDateProblems(null)).toEqual([]);
    expect(exceptionDateProblems([])).toEqual([]);
    expect(exceptionDateProblems(['2026-12-24', '2026-12-31', '2027-01-01'])).toEqual([]);
  });

  it('refuses days that do not exist or are written another way', () => {
    expect(isRealDate('2027-02-29')).toBe(false);
    expect(isRealDate('2028-02-29')).toBe(true);
    for (const bad of [['2026-13-01'], ['2026-02-30'], ['24-12-2026'], ['2026-12-24T10:00:00Z'], [20261224]]) {
      const problems = exceptionDateProblems(bad);
      expect(problems).toHaveLength(1);
      expect(problems[0].field).toBe('exceptionDates');
      expect(problems[0].message).toMatch(/bestaat niet/);
    }
    expect(exceptionDateProblems('2026-12-24')[0].message).toMatch(/lijst/);
  });

  it('asks for order, no doubles and at most 100 days', () => {
    expect(exceptionDateProblems(['2026-12-31', '2026-12-24'])[0].message).toMatch(/volgorde/);
    expect(exceptionDateProblems(['2026-12-24', '2026-12-24'])[0].message).toMatch(/twee keer/);
    const many = Array.from({ length: 101 }, (_, i) => new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10));
    expect(exceptionDateProblems(many)[0].message).toMatch(/maximaal 100/);
    expect(exceptionDateProblems(many.slice(0, 100))).toEqual([]);
  });

  it('is part of the activity rules, with a check on who applies', () => {
    const problems = activityProblems({ ...valid, exceptionDates: ['2026-12-32'], applicant: 'buurman' });
    expect(problems.map((p) => p.field)).toEqual(['exceptionDates', 'applicant']);
    expect(activityProblems({ ...valid, exceptionDates: ['2026-12-24'], applicant: 'intermediair' })).toEqual([]);
  });
});

describe('placeProblems', () => {
  it('keeps places inside the municipality with a Dutch postcode', () => {
    expect(placeProblems({ lat: 52.37, lng: 5.21, postcode: '1315 AB' })).toEqual([]);
    expect(fields(placeProblems({ lat: 52.37, lng: 4.89 }))).toEqual(['lat']);
    expect(fields(placeProblems({ postcode: '13151' }))).toEqual(['postcode']);
  });
});

describe('organisationProblems', () => {
  it('checks website, e-mail and phone numbers', () => {
    expect(
      organisationProblems({
        website: 'https://example.org',
        email: 'info@club.nl',
        phone: '036 123 45 67',
        whatsapp: '+31 6 12345678',
      }),
    ).toEqual([]);
    expect(fields(organisationProblems({ website: 'club.nl', email: 'info@', phone: 'abc', whatsapp: '12' }))).toEqual([
      'website',
      'email',
      'phone',
      'whatsapp',
    ]);
  });
});
