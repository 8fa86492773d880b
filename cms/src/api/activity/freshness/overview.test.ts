import { describe, expect, it } from 'vitest';
import { countFreshness } from './overview';
import { defaultFreshness } from './rules';

const now = new Date('2026-12-07T12:00:00Z');
const row = (lastReviewedAt: string | null, kind: string | null, stadsdelen: (string | null)[]) => ({
  documentId: Math.random().toString(36).slice(2),
  locale: 'nl',
  lastReviewedAt,
  validUntil: null,
  organisation: kind ? { kind, approved: true } : null,
  places: stadsdelen.map((stadsdeel) => ({ wijk: stadsdeel ? { stadsdeel } : null })),
});

describe('how up to date the map is', () => {
  it('counts offers checked in the last six months, per kind of organisation and per stadsdeel', () => {
    const overview = countFreshness(
      [
        row('2026-11-01T10:00:00Z', 'sport', ['almere-stad']),
        row('2026-05-01T10:00:00Z', 'sport', ['almere-stad', 'almere-haven', 'almere-haven']),
        row('2026-04-01T10:00:00Z', 'cultuur', []),
        row('2026-10-01T10:00:00Z', null, [null]),
        // Never checked, or past its limit: hidden from the site, so not on the map either.
        row(null, 'cultuur', ['almere-poort']),
        row('2025-12-01T10:00:00Z', 'sport', ['almere-stad']),
      ],
      now,
      defaultFreshness,
    );
    expect(overview.months).toBe(6);
    expect(overview.total).toEqual({ listed: 4, checked: 2 });
    expect(overview.byOrganisationKind).toEqual([
      { kind: 'sport', listed: 2, checked: 1 },
      { kind: 'cultuur', listed: 1, checked: 0 },
      { kind: 'overig', listed: 1, checked: 1 },
    ]);
    expect(overview.byStadsdeel).toEqual(
      expect.arrayContaining([
        { stadsdeel: 'almere-stad', listed: 2, checked: 1 },
        { stadsdeel: 'almere-haven', listed: 1, checked: 0 },
        { stadsdeel: 'geen', listed: 2, checked: 1 },
      ]),
    );
    expect(overview.byStadsdeel).toHaveLength(3);
  });
});
